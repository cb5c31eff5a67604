// Coalesces the frames queued during one tick into a single socket write. A TLS socket already batches
// writes queued behind a pending one; this also joins the first frames of a burst (measured on loopback:
// +5-10% calls/s with 8-64 calls in flight).

import type { Writable } from 'node:stream';

export class FrameWriter {
  private queued: Buffer[] = [];

  constructor(private readonly stream: Writable) {}

  write(frame: Buffer): void {
    if (this.queued.push(frame) === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const frames = this.queued;
    this.queued = [];
    if (!this.stream.writable) return;
    this.stream.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
  }
}
