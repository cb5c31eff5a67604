// Asserts that an engine call fails with one PKCS#11 return code.

import { expect } from 'chai';
import { HsmError, type CkrCode } from '../../hsm-sim/engine/hsm-error';

export async function expectHsmError(action: Promise<unknown> | (() => unknown), code: CkrCode): Promise<HsmError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(HsmError);
    expect((error as HsmError).code).to.equal(code);
    return error as HsmError;
  }
  expect.fail(`expected ${code}, but the call succeeded`);
}
