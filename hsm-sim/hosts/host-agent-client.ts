// The control plane's end of the link to one HSM host agent: requests with answers, the agent's events,
// and a heartbeat. A host that answers nothing for `silenceMs` is unreachable (a zone down, a cable cut):
// the link is dropped, pending requests fail, and a new link is tried every heartbeat until one works.

import { EventEmitter } from 'node:events';
import { connect } from 'node:tls';
import { HOST_AGENT_PROTOCOL, type HostAgentAnswers, type HostAgentFrame, type HostAgentOp, type HostAgentRequest, type HostHello } from './host-agent.messages';
import type { AuditEntry } from '../node/audit-log';
import { HostChannel } from './host-channel';
import { controlPlaneTlsOptions } from './host-psk-tls';

export interface HostAgentClientOptions {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** One attempt's TCP + TLS handshake; default 2,000 ms. */
  readonly connectTimeoutMs?: number;
  /** Default 1,000 ms. */
  readonly heartbeatMs?: number;
  /** Nothing heard for this long: unreachable; default 3,000 ms. */
  readonly silenceMs?: number;
  /** A start may clone a whole HSM; default 60,000 ms. */
  readonly requestTimeoutMs?: number;
}

export interface HostAgentClientEvents {
  died: [hsmId: string, code: number | null, signal: NodeJS.Signals | null];
  activated: [hsmId: string];
  audit: [hsmId: string, entry: AuditEntry];
  unreachable: [reason: string];
  reachable: [];
  /** A new link after a lost one: what the agent did meanwhile may need reconciling. */
  relinked: [];
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class HostAgentClient extends EventEmitter<HostAgentClientEvents> {
  private link?: HostChannel;
  private linking?: Promise<HostHello>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lastHeard = 0;
  private reachable = true;
  private everLinked = false;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  hello?: HostHello;

  constructor(private readonly options: HostAgentClientOptions) {
    super();
  }

  get name(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  get isReachable(): boolean {
    return this.reachable;
  }

  /** Links up, retrying until `deadlineMs` passes (an agent may still be starting); then keeps the heartbeat. */
  async connect(deadlineMs: number): Promise<HostHello> {
    const giveUpAt = Date.now() + deadlineMs;
    for (;;) {
      try {
        const hello = await this.relink();
        this.heartbeat ??= setInterval(() => this.beat(), this.options.heartbeatMs ?? 1_000);
        return hello;
      } catch (error) {
        if (Date.now() >= giveUpAt || this.closed) {
          throw new Error(`HSM host ${this.name} did not answer: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  request<K extends HostAgentOp>(request: Extract<HostAgentRequest, { op: K }>, timeoutMs?: number): Promise<HostAgentAnswers[K]> {
    return this.call(request, timeoutMs) as Promise<HostAgentAnswers[K]>;
  }

  /** Any request, its answer untyped. */
  call(request: HostAgentRequest, timeoutMs = this.options.requestTimeoutMs ?? 60_000): Promise<unknown> {
    const link = this.link;
    if (!link?.isOpen) return Promise.reject(new Error(`HSM host ${this.name} is unreachable`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`HSM host ${this.name} did not answer ${request.op} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      link.send({ id, ...request } as HostAgentFrame);
    });
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.link?.close('control plane closing');
  }

  private beat(): void {
    if (this.closed) return;
    const silenceMs = this.options.silenceMs ?? 3_000;
    if (Date.now() - this.lastHeard > silenceMs) this.lost('no answer to heartbeats');
    if (this.link?.isOpen) this.request({ op: 'ping' }, silenceMs).catch(() => undefined);
    else this.relink().catch(() => undefined);
  }

  private lost(reason: string): void {
    this.link?.close(reason);
    if (this.reachable) {
      this.reachable = false;
      this.emit('unreachable', reason);
    }
  }

  private relink(): Promise<HostHello> {
    this.linking ??= this.openLink().finally(() => (this.linking = undefined));
    return this.linking;
  }

  private async openLink(): Promise<HostHello> {
    const { host, port, token } = this.options;
    const socket = connect({ host, port, ...controlPlaneTlsOptions(token) });
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no TLS link within ${this.options.connectTimeoutMs ?? 2_000} ms`));
      }, this.options.connectTimeoutMs ?? 2_000);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(error.message.includes('alert') ? `the TLS handshake failed (a wrong token?): ${error.message}` : error.message));
      });
    });
    const link: HostChannel = new HostChannel(socket, (frame) => this.onFrame(frame), (reason) => this.onLinkClosed(link, reason));
    this.link = link;
    this.lastHeard = Date.now();
    const hello = await this.request({ op: 'hello' }, this.options.connectTimeoutMs ?? 2_000);
    if (hello.protocol !== HOST_AGENT_PROTOCOL) {
      link.close('protocol mismatch');
      throw new Error(`HSM host ${this.name} speaks protocol ${hello.protocol}, this control plane ${HOST_AGENT_PROTOCOL}`);
    }
    this.hello = hello;
    const relinked = this.everLinked;
    this.everLinked = true;
    if (!this.reachable) {
      this.reachable = true;
      this.emit('reachable');
    }
    if (relinked) this.emit('relinked');
    return hello;
  }

  private onFrame(frame: HostAgentFrame): void {
    this.lastHeard = Date.now();
    if ('event' in frame) {
      if (frame.event === 'died') this.emit('died', frame.hsmId, frame.code, frame.signal as NodeJS.Signals | null);
      else if (frame.event === 'audit') this.emit('audit', frame.hsmId, frame.entry);
      else this.emit('activated', frame.hsmId);
      return;
    }
    if (!('ok' in frame)) return;
    const pending = this.pending.get(frame.id);
    if (!pending) return;
    this.pending.delete(frame.id);
    clearTimeout(pending.timer);
    if (frame.ok) pending.resolve(frame.result);
    else pending.reject(new Error(`HSM host ${this.name}: ${frame.message}`));
  }

  private onLinkClosed(link: HostChannel, reason: string): void {
    if (this.link !== link) return;
    this.link = undefined;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`HSM host ${this.name}: link lost (${reason})`));
      this.pending.delete(id);
    }
  }
}
