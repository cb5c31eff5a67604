// The wire format of ports 2223-2225: each frame is a 4-byte unsigned big-endian length followed by that
// many bytes of UTF-8 JSON (Buffers as {"$b64":"..."}).

import { parseWithBuffers, stringifyWithBuffers } from './json-buffer-codec';

/** Largest frame body, in bytes. A sender refuses to send more; a receiver closes the connection. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

const HEADER_BYTES = 4;
const EMPTY = Buffer.alloc(0);

export class FrameTooLargeError extends Error {
  override readonly name = 'FrameTooLargeError';
  readonly code = 'FRAME_TOO_LARGE';

  constructor(readonly size: number) {
    super(`frame of ${size} bytes exceeds the limit of ${MAX_FRAME_BYTES} bytes`);
  }
}

/** Throws FrameTooLargeError, or TypeError for values JSON cannot hold (cycles, BigInt). */
export function encodeFrame(message: unknown): Buffer {
  const json = stringifyWithBuffers(message);
  const size = Buffer.byteLength(json);
  if (size > MAX_FRAME_BYTES) throw new FrameTooLargeError(size);
  const frame = Buffer.allocUnsafe(HEADER_BYTES + size);
  frame.writeUInt32BE(size, 0);
  frame.write(json, HEADER_BYTES, 'utf8');
  return frame;
}

/** Throws SyntaxError if the body is not JSON. */
export function decodeFrameBody(body: Buffer): unknown {
  return parseWithBuffers(body.toString('utf8'));
}

/**
 * Cuts a byte stream into frame bodies, whatever the chunking: a frame may span many chunks and a chunk
 * may hold many frames. A body that lies within one chunk is a view of it, not a copy.
 */
export class FrameDecoder {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** Body size of the frame being assembled, once its header has arrived. */
  private bodySize: number | undefined;

  /** Returns the bodies this chunk completes; throws FrameTooLargeError at an oversized header. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const bodies: Buffer[] = [];
    for (;;) {
      if (this.bodySize === undefined) {
        if (this.buffered < HEADER_BYTES) break;
        const size = this.take(HEADER_BYTES).readUInt32BE(0);
        if (size > MAX_FRAME_BYTES) throw new FrameTooLargeError(size);
        this.bodySize = size;
      }
      if (this.buffered < this.bodySize) break;
      bodies.push(this.take(this.bodySize));
      this.bodySize = undefined;
    }
    return bodies;
  }

  private take(length: number): Buffer {
    if (length === 0) return EMPTY;
    this.buffered -= length;
    const first = this.chunks[0]!;
    if (first.length === length) {
      this.chunks.shift();
      return first;
    }
    if (first.length > length) {
      this.chunks[0] = first.subarray(length);
      return first.subarray(0, length);
    }
    const joined = Buffer.allocUnsafe(length);
    let copied = 0;
    while (copied < length) {
      const chunk = this.chunks[0]!;
      const count = Math.min(chunk.length, length - copied);
      chunk.copy(joined, copied, 0, count);
      copied += count;
      if (count === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(count);
    }
    return joined;
  }
}
