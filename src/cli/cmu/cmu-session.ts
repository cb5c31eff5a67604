// What one cloudhsm_mgmt_util run works with: its HSMs ("server 0", "server 1", ... in the order given),
// the server a `server <n>` command focused on, and the terminal or pipe it talks through.

import { CAUTION_BANNER, CONTINUE_QUESTION, isYes } from './caution-banner.format';
import { CommandLineError } from './command-line-error';
import { isConnected, type ConnectedHsm, type HsmConnection } from './hsm-connections';
import { failureLine, successLine } from './server-result.format';
import type { ShellIo } from './shell-io';

export type ServerOutcome<T> = { readonly server: ConnectedHsm; readonly ok: true; readonly value: T } | { readonly server: ConnectedHsm; readonly ok: false; readonly error: unknown };

export class CmuSession {
  private focus: ConnectedHsm | undefined;
  private quitting = false;

  constructor(
    readonly servers: readonly HsmConnection[],
    private readonly io: ShellIo,
  ) {}

  get quitRequested(): boolean {
    return this.quitting;
  }

  /** The next command line, after the prompt on a terminal; undefined at the end of the input. */
  readCommandLine(): Promise<string | undefined> {
    // SIM: the prompt in server mode is not documented
    return this.io.readLine(this.focus ? `server${this.focus.index}> ` : 'aws-cloudhsm> ');
  }

  get focused(): ConnectedHsm | undefined {
    return this.focus;
  }

  /** The servers a command runs on: every connected one, or the focused one. */
  get targets(): readonly ConnectedHsm[] {
    return this.focus ? [this.focus] : this.servers.filter(isConnected);
  }

  quit(): void {
    this.quitting = true;
  }

  focusOn(server: ConnectedHsm | undefined): void {
    this.focus = server;
  }

  server(index: number): HsmConnection {
    const server = this.servers[index];
    if (server === undefined) throw new CommandLineError(`there is no server ${index}: the servers are 0-${this.servers.length - 1}`);
    return server;
  }

  connectedServer(index: number): ConnectedHsm {
    const server = this.server(index);
    if (!isConnected(server)) throw new CommandLineError(`server ${index} (${server.endpoint.host}:${server.endpoint.port}) is not connected: ${server.failure}`);
    return server;
  }

  print(line: string): void {
    this.io.print(line);
  }

  /** The banner and the question; true to go ahead. Piped input answers with its next line. */
  async confirmCritical(): Promise<boolean> {
    for (const line of CAUTION_BANNER) this.print(line);
    if (!this.io.interactive) this.print(CONTINUE_QUESTION);
    return isYes(await this.io.readLine(`${CONTINUE_QUESTION} `));
  }

  /** Runs `call` on every target at once; the outcomes come back in server order. */
  async onEachTarget<T>(call: (server: ConnectedHsm) => Promise<T>): Promise<ServerOutcome<T>[]> {
    const targets = this.targets;
    const settled = await Promise.allSettled(targets.map((server) => call(server)));
    return settled.map((result, position) => {
      const server = targets[position]!;
      return result.status === 'fulfilled' ? { server, ok: true, value: result.value } : { server, ok: false, error: result.reason as unknown };
    });
  }

  /** Runs `call` on every target; prints, per server in order, `format`'s lines or the failure line. */
  async printOnEachTarget<T>(command: string, call: (server: ConnectedHsm) => Promise<T>, format: (server: ConnectedHsm, value: T) => readonly string[]): Promise<void> {
    for (const outcome of await this.onEachTarget(call)) {
      const lines = outcome.ok ? format(outcome.server, outcome.value) : [failureLine(command, outcome.server, outcome.error)];
      for (const line of lines) this.print(line);
    }
  }

  /** printOnEachTarget with `<command> success on server N(ip)` for each success. */
  reportOnEachTarget(command: string, call: (server: ConnectedHsm) => Promise<unknown>): Promise<void> {
    return this.printOnEachTarget(command, call, (server) => [successLine(command, server)]);
  }
}
