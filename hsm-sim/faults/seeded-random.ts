// The PRNG of one fault: the same seed gives the same draws, so the n-th eligible event (connection,
// frame, engine operation) of a fault gets the same decision in every run with that seed.
// mulberry32 (Tommy Ettinger, public domain): 32 bits of state, period 2^32, passes gjrand's tests at
// these lengths. Written here rather than taken from a package: eight lines, no dependency, and a fault's
// decisions need uniformity and repeatability, not cryptographic strength.

export class SeededRandom {
  private state: number;

  /** Any number: its integer part is taken modulo 2^32. */
  constructor(seed: number) {
    this.state = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** One draw: true with this probability (0 never, 1 always - the draw is still taken, to keep the sequence). */
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
