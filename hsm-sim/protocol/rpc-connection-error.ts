// Transport failures seen by an RpcClient, as opposed to an operation's own failure (a NodeError).

/** The codes the client sets itself; connect failures keep Node's code (ECONNREFUSED, EHOSTUNREACH, TLS codes). */
export const RpcConnectionErrorCode = {
  /** The connection closed (either side, or a socket error) while calls were pending, or before a call. */
  CLOSED: 'CLOSED',
  /** No TLS connection within connectTimeoutMs, or no response within requestTimeoutMs. */
  TIMED_OUT: 'ETIMEDOUT',
} as const;

export class RpcConnectionError extends Error {
  override readonly name = 'RpcConnectionError';

  constructor(
    /** 'CLOSED', 'ETIMEDOUT', or Node's code: 'ECONNREFUSED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', ... */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
