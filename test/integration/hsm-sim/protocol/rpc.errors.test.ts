import { expect } from 'chai';
import { Ckr, HsmError } from '../../../../hsm-sim/engine/hsm-error';
import { NodeError, NodeErrorCode } from '../../../../hsm-sim/node/node.types';
import { FrameTooLargeError, MAX_FRAME_BYTES } from '../../../../hsm-sim/protocol';
import { useRpcTestBed } from './rpc-test-bed';

async function rejection(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  expect.fail('expected the call to fail');
}

async function expectNodeError(call: Promise<unknown>, code: string, message: string): Promise<void> {
  const error = await rejection(call);
  expect(error, String(error)).to.be.instanceOf(NodeError);
  expect(error).to.include({ code, message });
}

describe('RPC error mapping', () => {
  const bed = useRpcTestBed();
  const internalErrors: unknown[] = [];

  async function client() {
    internalErrors.length = 0;
    const { port } = await bed().server({
      handlers: {
        login: () => {
          throw new NodeError(NodeErrorCode.LOGIN_FAILED, 'login failed for kmsuser');
        },
        encrypt: () => Promise.reject(new HsmError(Ckr.KEY_HANDLE_INVALID, 'C_EncryptInit')),
        buggy: () => (undefined as unknown as { x: number }).x,
        cyclic: () => {
          const value: { self?: unknown } = {};
          value.self = value;
          return value;
        },
        huge: () => 'x'.repeat(MAX_FRAME_BYTES),
        echo: (_context, args) => args,
      },
      onInternalError: (error) => internalErrors.push(error),
    });
    return bed().client(port);
  }

  it('passes on the code and message of a NodeError', async () => {
    await expectNodeError((await client()).call('login'), 'CKR_PIN_INCORRECT', 'login failed for kmsuser');
  });

  it('passes on the code and message of an HsmError', async () => {
    await expectNodeError((await client()).call('encrypt'), 'CKR_KEY_HANDLE_INVALID', 'C_EncryptInit: CKR_KEY_HANDLE_INVALID');
  });

  it('answers an unknown operation, including Object.prototype names, with CKR_FUNCTION_NOT_SUPPORTED', async () => {
    const rpc = await client();
    await expectNodeError(rpc.call('format'), 'CKR_FUNCTION_NOT_SUPPORTED', 'unknown operation: format');
    await expectNodeError(rpc.call('toString'), 'CKR_FUNCTION_NOT_SUPPORTED', 'unknown operation: toString');
  });

  it('turns any other failure into CKR_GENERAL_ERROR with its message but no stack, and reports it', async () => {
    const error = await rejection((await client()).call('buggy'));
    expect(error).to.be.instanceOf(NodeError).and.include({ code: 'CKR_GENERAL_ERROR' });
    expect(error.message).to.match(/^Cannot read properties of undefined/);
    expect(error.stack).to.not.include('rpc-server-connection');
    expect(internalErrors).to.have.length(1).and.to.satisfy(([reported]: unknown[]) => reported instanceof TypeError);
  });

  it('fails the call, not the connection, when a result cannot be sent', async () => {
    const rpc = await client();
    const cyclic = await rejection(rpc.call('cyclic'));
    expect(cyclic).to.be.instanceOf(NodeError).and.include({ code: 'CKR_GENERAL_ERROR' });
    expect(cyclic.message).to.match(/circular/i);
    const tooLarge = await rejection(rpc.call('huge'));
    expect(tooLarge).to.include({ code: 'CKR_GENERAL_ERROR' });
    expect(tooLarge.message).to.match(/exceeds the limit/);
    expect(await rpc.call('echo', 'still open')).to.equal('still open');
  });

  it('refuses to send arguments over 16 MiB and keeps the connection', async () => {
    const rpc = await client();
    const error = await rejection(rpc.call('echo', 'x'.repeat(MAX_FRAME_BYTES)));
    expect(error).to.be.instanceOf(FrameTooLargeError);
    expect(await rpc.call('echo', 1)).to.equal(1);
  });
});
