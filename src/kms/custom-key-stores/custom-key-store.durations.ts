// How long the store's long transitions take before the time scale applies, and how long KMS waits for
// an HSM.

export const CustomKeyStoreDurations = {
  // SIM: aws-behaviour 2.2 says a connect can take up to 20 minutes; 5 is a typical wait.
  connect: 5 * 60_000,
  // SIM: AWS publishes no figure for DISCONNECTING.
  disconnect: 30_000,
} as const;

export interface HsmClientTimeouts {
  /** TCP and TLS handshake with an HSM's port 2223. */
  readonly connectTimeoutMs: number;
  /** One request on an open session. */
  readonly requestTimeoutMs: number;
}

/**
 * SIM: AWS publishes no figure. Short enough that, with every HSM of a store black-holed, KMS gives up on
 * both HSMs of a seed cluster (about 2 x 5 s) well within the SDKs' own timeouts (botocore reads for 60 s);
 * long enough for SoftHSM under load and scrypt logins.
 */
export const DEFAULT_HSM_CLIENT_TIMEOUTS: HsmClientTimeouts = { connectTimeoutMs: 3_000, requestTimeoutMs: 5_000 };
