// Asserts that a call fails with one error code: PKCS#11 codes from the engine, node codes from an HSM
// (in process, or over the wire, where RpcClient raises NodeError with the node's code).

import { expect } from 'chai';
import { HsmError, type CkrCode } from '../../hsm-sim/engine/hsm-error';
import { NodeError, type NodeErrorCode } from '../../hsm-sim/node/node.types';

type CodedError = Error & { readonly code: string };

async function expectCodedError<E extends CodedError>(
  action: Promise<unknown> | (() => unknown),
  type: abstract new (...args: never[]) => E,
  code: string,
): Promise<E> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(type);
    expect((error as E).code, (error as E).message).to.equal(code);
    return error as E;
  }
  expect.fail(`expected ${code}, but the call succeeded`);
}

export function expectHsmError(action: Promise<unknown> | (() => unknown), code: CkrCode): Promise<HsmError> {
  return expectCodedError(action, HsmError, code);
}

export function expectNodeError(action: Promise<unknown> | (() => unknown), code: NodeErrorCode): Promise<NodeError> {
  return expectCodedError(action, NodeError, code);
}
