import { expect } from 'chai';
import { readRequest, readResponse } from '../../../../hsm-sim/protocol/rpc-messages';

describe('RPC message validation', () => {
  it('reads a request, with or without args', () => {
    expect(readRequest({ id: 4, op: 'login', args: { user: 'kmsuser' } })).to.deep.equal({
      valid: true,
      request: { id: 4, op: 'login', args: { user: 'kmsuser' } },
    });
    expect(readRequest({ id: 0, op: 'info' })).to.deep.equal({ valid: true, request: { id: 0, op: 'info', args: undefined } });
  });

  it('keeps the id of a request without an op, so it can be answered', () => {
    expect(readRequest({ id: 9 })).to.include({ valid: false, id: 9 });
    expect(readRequest({ id: 9, op: '' })).to.include({ valid: false, id: 9 });
  });

  it('has no id to answer when the id is missing or not a non-negative integer', () => {
    for (const message of [null, [], 'text', { op: 'x' }, { id: -1, op: 'x' }, { id: 1.5, op: 'x' }, { id: '1', op: 'x' }]) {
      expect(readRequest(message), JSON.stringify(message)).to.include({ valid: false, id: undefined });
    }
  });

  it('reads results, undefined results and errors, and rejects malformed responses', () => {
    expect(readResponse({ id: 1, result: [1] })).to.deep.equal({ id: 1, result: [1] });
    expect(readResponse({ id: 1 })).to.deep.equal({ id: 1, result: undefined });
    expect(readResponse({ id: 1, error: { code: 'CKR_X', message: 'm' } })).to.deep.equal({ id: 1, error: { code: 'CKR_X', message: 'm' } });
    expect(readResponse({ id: 1, error: { code: 'CKR_X' } })).to.equal(undefined);
    expect(readResponse({ result: 1 })).to.equal(undefined);
  });
});
