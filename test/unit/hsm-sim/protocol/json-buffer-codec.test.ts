import { expect } from 'chai';
import { parseWithBuffers, stringifyWithBuffers } from '../../../../hsm-sim/protocol/json-buffer-codec';

describe('JSON with Buffers', () => {
  it('round-trips Buffers nested at any depth, including empty ones and Uint8Arrays', () => {
    const message = {
      key: Buffer.from('00ff10', 'hex'),
      list: [Buffer.from('a'), { deeper: [Buffer.alloc(0)] }],
      view: Buffer.from('xxhelloxx').subarray(2, 7),
      bytes: new Uint8Array([1, 2, 3]),
      text: 'plain',
      count: 3,
    };
    const decoded = parseWithBuffers(stringifyWithBuffers(message));
    expect(decoded).to.deep.equal({ ...message, bytes: Buffer.from([1, 2, 3]) });
    expect((decoded as { key: unknown }).key).to.be.instanceOf(Buffer);
  });

  it('sends a Buffer as {"$b64": ...}', () => {
    expect(stringifyWithBuffers({ iv: Buffer.from('hi') })).to.equal('{"iv":{"$b64":"aGk="}}');
    expect(stringifyWithBuffers(Buffer.from('hi'))).to.equal('{"$b64":"aGk="}');
  });

  it('revives only objects whose single key is $b64', () => {
    const decoded = parseWithBuffers('{"a":{"$b64":"aGk=","other":1},"b":["$b64"],"c":{"$b64":5}}');
    expect(decoded).to.deep.equal({ a: { $b64: 'aGk=', other: 1 }, b: ['$b64'], c: { $b64: 5 } });
  });
});
