// The RPC messages carried in frames: a request names an operation; its response carries the same id and
// either a result or an error. Responses on one connection come back in request order, but clients match
// them by id.

export interface RpcRequest {
  readonly id: number;
  readonly op: string;
  readonly args: unknown;
}

export interface RpcErrorBody {
  readonly code: string;
  readonly message: string;
}

/** A result of `undefined` is sent as a response without `result` (JSON has no undefined). */
export type RpcResponse =
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: RpcErrorBody };

/** Codes the transport itself answers with; handlers' own errors keep their codes. */
export const RpcErrorCode = {
  UNKNOWN_OPERATION: 'CKR_FUNCTION_NOT_SUPPORTED',
  MALFORMED_REQUEST: 'CKR_ARGUMENTS_BAD',
  /** A handler failed with something other than a NodeError or HsmError. */
  INTERNAL: 'CKR_GENERAL_ERROR',
} as const;

export type RequestReading =
  | { readonly valid: true; readonly request: RpcRequest }
  /** `id` is undefined when the message has no usable id, so no error response can be addressed. */
  | { readonly valid: false; readonly id: number | undefined; readonly reason: string };

export function readRequest(message: unknown): RequestReading {
  if (!isRecord(message)) return { valid: false, id: undefined, reason: 'a request must be a JSON object' };
  const { id, op, args } = message;
  if (!isMessageId(id)) return { valid: false, id: undefined, reason: 'a request needs a non-negative integer id' };
  if (typeof op !== 'string' || op === '') return { valid: false, id, reason: 'a request needs a non-empty string op' };
  return { valid: true, request: { id, op, args } };
}

/** Returns undefined for a message that is not a response. */
export function readResponse(message: unknown): RpcResponse | undefined {
  if (!isRecord(message) || !isMessageId(message.id)) return undefined;
  if (!('error' in message)) return { id: message.id, result: message.result };
  const { error } = message;
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return { id: message.id, error: { code: error.code, message: error.message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function isMessageId(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
