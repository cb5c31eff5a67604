// What getHSMInfo reports (aws-behaviour 7.7): fixed hardware facts of an hsm1.medium plus this HSM's
// identity and counts.

export interface HsmInfo {
  readonly hsmId: string;
  readonly serialNumber: string;
  readonly label: string;
  readonly model: string;
  readonly firmwareVersion: string;
  readonly fipsState: string;
  readonly activated: boolean;
  /** Keys this HSM holds now, session keys included. */
  readonly keys: number;
  readonly users: number;
}

// 7.7 getHSMInfo: Label cavium, Model NITROX-III CNN35XX-NFBE, FIPS state 2; SIM: firmware version chosen
export const HSM_HARDWARE = {
  label: 'cavium',
  model: 'NITROX-III CNN35XX-NFBE',
  firmwareVersion: '3.4.0',
  fipsState: '2 [FIPS mode with single factor authentication]',
} as const;
