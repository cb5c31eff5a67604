// The values and contracts shared by the protocols, the endpoint and the services behind it.

/** A decoded input value: blobs are Buffers, timestamps Dates, structures and maps plain objects. */
export type WireValue = string | number | boolean | Date | Buffer | readonly WireValue[] | WireStructure;

export interface WireStructure {
  readonly [member: string]: WireValue | undefined;
}

/** Who asks, where, for what: given to every handler. */
export interface RequestContext {
  readonly requestId: string;
  /** From the SigV4 credential scope; the configured default region when the request is unsigned. */
  readonly region: string;
  readonly accountId: string;
  /** Undefined when the request is unsigned (accepted outside strict mode). */
  readonly accessKeyId: string | undefined;
  /** The service's SigV4 signing name, which is also its ARN namespace: `cloudhsm`, `kms`, `ec2`. */
  readonly service: string;
  readonly operation: string;
}

/**
 * Serves one operation. The input has been checked against the model (types, required members, lengths,
 * patterns, enums, ranges) before the call, so a handler declares its own input type; what it returns is
 * written through the output shape (only modelled members, Dates and Buffers encoded).
 */
export type OperationHandler = (input: never, context: RequestContext) => unknown;

export type OperationHandlers = Readonly<Record<string, OperationHandler>>;

/** What a protocol answers, before it reaches the socket. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request as the protocols see it: the body is complete and within the size limit. */
export interface WireRequest {
  readonly method: string;
  /** The path as sent (still percent-encoded), without the query string. */
  readonly path: string;
  /** The query string as sent, without `?`. */
  readonly query: string;
  /** Lower-case names; repeated headers joined with commas. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}
