// Coalesces the frames queued during one tick into a single socket write. A TLS socket already batches
// writes queued behind a pending one; this also joins the first frames of a burst (measured on loopback:
// +5-10% calls/s with 8-64 calls in flight).

import type { Writable } from 'node:stream';

export class FrameWriter {
  private queued: Buffer[] = [];
  private queuedBytes = 0;

  constructor(private readonly stream: Writable) {}

  /** Bytes written here and not yet handed to the stream (they are, on the next turn of the event loop). */
  get buffered(): number {
    return this.queuedBytes;
  }

  write(frame: Buffer): void {
    this.queuedBytes += frame.length;
    if (this.queued.push(frame) === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const frames = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    if (!this.stream.writable) return;
    this.stream.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
  }
}
