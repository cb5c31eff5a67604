// What a client learns when a handler fails: the domain code and message of a NodeError or HsmError, and
// for anything else only CKR_GENERAL_ERROR with the message - never a stack.

import { HsmError } from '../engine/hsm-error';
import { NodeError } from '../node/node.types';
import { RpcErrorCode, type RpcErrorBody } from './rpc-messages';

export function isDomainError(error: unknown): error is NodeError | HsmError {
  return error instanceof NodeError || error instanceof HsmError;
}

export function toRpcErrorBody(error: unknown): RpcErrorBody {
  if (isDomainError(error)) return { code: error.code, message: error.message };
  return { code: RpcErrorCode.INTERNAL, message: error instanceof Error ? error.message : String(error) };
}
