// What the clients were told: every result acknowledged with a 200, and the operations whose outcome is
// unknown because the simulator died before answering. The checks after a restart read it.

/** 'Deleted': the simulated clock passed its deletion window; DescribeKey then answers NotFoundException. */
export type KeyState = 'Enabled' | 'PendingDeletion' | 'Disabled' | 'Deleted';

export interface AcknowledgedKey {
  readonly keyId: string;
  readonly arn: string;
  /** The states the key may be in now: one once acknowledged, two while a state change went unanswered. */
  states: Set<KeyState>;
  /** Keys that get ScheduleKeyDeletion / CancelKeyDeletion are never used for Encrypt. */
  readonly forDeletion: boolean;
}

export interface AcknowledgedCiphertext {
  readonly keyId: string;
  readonly ciphertextBase64: string;
  readonly plaintextBase64: string;
}

export class TortureLedger {
  readonly keys = new Map<string, AcknowledgedKey>();
  readonly ciphertexts: AcknowledgedCiphertext[] = [];
  /** alias name -> key id */
  readonly aliases = new Map<string, string>();
  acknowledged = 0;
  serverErrors = 0;
  /** "operation: status name message" of each 5xx, for the report. */
  readonly serverErrorSamples: string[] = [];

  addKey(keyId: string, arn: string, forDeletion: boolean): void {
    this.keys.set(keyId, { keyId, arn, states: new Set(['Enabled']), forDeletion });
  }

  /**
   * The simulated clock moved past every 7-day window (`certain`: the advance was acknowledged), or may
   * have (it got no answer: the simulator may have moved its clock and died before answering).
   */
  windowsEnded(certain: boolean): void {
    for (const key of this.keys.values()) {
      if (!key.states.has('PendingDeletion')) continue;
      key.states = certain && key.states.size === 1 ? new Set(['Deleted']) : new Set([...key.states, 'Deleted']);
    }
  }

  enabledCryptoKeys(): AcknowledgedKey[] {
    return [...this.keys.values()].filter((key) => !key.forDeletion);
  }
}
