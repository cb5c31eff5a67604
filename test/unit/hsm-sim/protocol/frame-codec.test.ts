import { expect } from 'chai';
import {
  decodeFrameBody,
  encodeFrame,
  FrameDecoder,
  FrameTooLargeError,
  MAX_FRAME_BYTES,
} from '../../../../hsm-sim/protocol/frame-codec';

const messages = [
  { id: 1, op: 'encrypt', args: { keyHandle: 7, plaintext: Buffer.from('secret'), aad: [Buffer.from([0, 1])] } },
  { id: 2, result: { ciphertext: Buffer.alloc(300, 9) } },
  { id: 3, error: { code: 'CKR_PIN_INCORRECT', message: 'login failed: ünïcødé' } },
];

function decodeAll(decoder: FrameDecoder, chunks: Buffer[]): unknown[] {
  return chunks.flatMap((chunk) => decoder.push(chunk)).map(decodeFrameBody);
}

describe('frame codec', () => {
  it('prefixes the UTF-8 JSON with its byte length, big-endian', () => {
    const frame = encodeFrame({ m: 'é' });
    expect(frame.readUInt32BE(0)).to.equal(Buffer.byteLength('{"m":"é"}'));
    expect(frame.subarray(4).toString('utf8')).to.equal('{"m":"é"}');
  });

  it('decodes frames joined in one chunk', () => {
    const stream = Buffer.concat(messages.map(encodeFrame));
    expect(decodeAll(new FrameDecoder(), [stream])).to.deep.equal(messages);
  });

  it('decodes frames split at every byte, headers included', () => {
    const stream = Buffer.concat(messages.map(encodeFrame));
    const bytes = [...stream].map((byte) => Buffer.from([byte]));
    expect(decodeAll(new FrameDecoder(), bytes)).to.deep.equal(messages);
  });

  it('decodes frames whose boundaries fall anywhere inside chunks', () => {
    const stream = Buffer.concat(messages.map(encodeFrame));
    for (const size of [2, 3, 5, 7, 64, 333]) {
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < stream.length; offset += size) chunks.push(stream.subarray(offset, offset + size));
      expect(decodeAll(new FrameDecoder(), chunks), `chunks of ${size}`).to.deep.equal(messages);
    }
  });

  it('returns nothing until a frame is complete', () => {
    const frame = encodeFrame({ id: 1 });
    const decoder = new FrameDecoder();
    expect(decoder.push(frame.subarray(0, 2))).to.deep.equal([]);
    expect(decoder.push(frame.subarray(2, frame.length - 1))).to.deep.equal([]);
    expect(decoder.push(frame.subarray(frame.length - 1)).map(decodeFrameBody)).to.deep.equal([{ id: 1 }]);
  });

  it('rejects a header announcing more than 16 MiB before the body arrives', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    expect(() => new FrameDecoder().push(header)).to.throw(FrameTooLargeError);
  });

  it('accepts a body of exactly 16 MiB and refuses to encode a larger one', () => {
    const padding = 'x'.repeat(MAX_FRAME_BYTES - '{"p":""}'.length);
    const frame = encodeFrame({ p: padding });
    expect(frame.readUInt32BE(0)).to.equal(MAX_FRAME_BYTES);
    expect(new FrameDecoder().push(frame)).to.have.length(1);
    expect(() => encodeFrame({ p: `${padding}x` })).to.throw(FrameTooLargeError).with.property('code', 'FRAME_TOO_LARGE');
  });
});
