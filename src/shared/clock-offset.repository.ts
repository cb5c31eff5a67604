// Where the simulated clock keeps how far it has been moved ahead of real time, so a restart never
// moves simulated time backwards.

export interface ClockOffsetRepository {
  /** The saved offset in milliseconds; 0 when none was ever saved. */
  load(): number;
  save(offsetMs: number): void;
}
