// One end of the control plane <-> HSM host agent link: frames out, frames in, for either side.
// A frame that cannot be read closes the link; a closed link says so once.

import type { Socket } from 'node:net';
import { decodeFrameBody, encodeFrame, FrameDecoder } from '../protocol/frame-codec';
import type { HostAgentFrame } from './host-agent.messages';

export class HostChannel {
  private readonly decoder = new FrameDecoder();
  private closed = false;

  constructor(
    private readonly socket: Socket,
    onFrame: (frame: HostAgentFrame) => void,
    private readonly onClose: (reason: string) => void,
  ) {
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const body of this.decoder.push(chunk)) onFrame(decodeFrameBody(body) as HostAgentFrame);
      } catch (error) {
        this.close(`unreadable frame: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    socket.on('error', (error) => this.close(error.message));
    socket.on('close', () => {
      if (this.closed) return;
      this.closed = true;
      onClose('connection closed');
    });
  }

  get isOpen(): boolean {
    return !this.closed && !this.socket.destroyed;
  }

  get localAddress(): string | undefined {
    return this.socket.localAddress?.replace(/^::ffff:/, '');
  }

  send(frame: HostAgentFrame): void {
    if (this.isOpen) this.socket.write(encodeFrame(frame));
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onClose(reason);
  }
}
