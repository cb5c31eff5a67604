// An HSM host agent: runs on each host (a network namespace, a container, a pod), takes orders from the
// control plane over a TLS-PSK link (host-psk-tls.ts) and forks the node processes of the HSMs placed on
// its host exactly as the control plane would locally: with a NodeFleet. The nodes listen on the host's
// own address; what they do (deaths, activations) goes back over every open link.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { NodeFleet, type NodeProcessInfo } from '../fleet/node-fleet';
import type { NodeLaunch } from '../fleet/node-launch.types';
import { HOST_AGENT_PROTOCOL, type HostAgentFrame, type HostAgentRequest } from './host-agent.messages';
import { HostChannel } from './host-channel';
import { agentTlsOptions } from './host-psk-tls';

/** The control plane pings every second; a link silent for this long is dropped. */
const DEFAULT_IDLE_TIMEOUT_MS = 15_000;
const RESTORE_SNAPSHOT_FILE = 'restore-snapshot.json';
/** An HSM id names a folder here: nothing that could climb out of the data directory. */
const HSM_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export type HostAgentLog = (event: string, details?: Record<string, unknown>) => void;

export interface HsmHostAgentOptions {
  readonly listenHost: string;
  readonly listenPort: number;
  /** Node folders go to DIR/hsms/<hsm id>. */
  readonly dataDir: string;
  readonly token: string;
  /** The compiled node entry point (dist/hsm-sim/node-process/node-main.js). */
  readonly nodeEntry: string;
  /** The address HSMs listen on and clients connect to; default: the address the control plane reached this agent on. */
  readonly advertise?: string;
  /** This host's libsofthsm2.so; the control plane's path means nothing here. */
  readonly softHsmLibrary?: string;
  readonly idleTimeoutMs?: number;
  readonly log?: HostAgentLog;
}

export class HsmHostAgent {
  private readonly fleet: NodeFleet;
  private readonly links = new Set<HostChannel>();
  private server?: Server;

  constructor(private readonly options: HsmHostAgentOptions) {
    this.fleet = new NodeFleet({ entry: options.nodeEntry });
    this.fleet.on('died', (hsmId, code, signal) => this.tell({ event: 'died', hsmId, code, signal }));
    this.fleet.on('activated', (hsmId) => this.tell({ event: 'activated', hsmId }));
    this.fleet.on('audit', (hsmId, entry) => this.tell({ event: 'audit', hsmId, entry }));
  }

  private get log(): HostAgentLog {
    return this.options.log ?? (() => undefined);
  }

  async listen(): Promise<AddressInfo> {
    const server = createServer(agentTlsOptions(this.options.token), (socket) => this.accept(socket));
    // A wrong token ends the handshake here: nothing was read, nothing is answered.
    server.on('tlsClientError', (error, socket) => this.log('refused', { from: socket.remoteAddress, reason: error.message }));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.listenPort, this.options.listenHost, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    this.log('listening', { host: address.address, port: address.port, dataDir: this.options.dataDir });
    return address;
  }

  /** Stops every node of this host, then the listener and the links. */
  async close(): Promise<void> {
    await this.fleet.stopAll();
    for (const link of this.links) link.close('agent stopping');
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(socket: TLSSocket): void {
    const from = socket.remoteAddress;
    socket.setNoDelay(true);
    const link: HostChannel = new HostChannel(
      socket,
      (frame) => void this.handle(link, frame),
      (reason) => {
        this.links.delete(link);
        this.log('link-closed', { from, reason });
      },
    );
    socket.setTimeout(this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => link.close('idle'));
    this.links.add(link);
    this.log('link-open', { from });
  }

  private async handle(link: HostChannel, frame: HostAgentFrame): Promise<void> {
    if (!('op' in frame)) return;
    const { id } = frame;
    try {
      const result = await this.answer(link, frame);
      link.send({ id, ok: true, result });
    } catch (error) {
      link.send({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async answer(link: HostChannel, request: HostAgentRequest): Promise<unknown> {
    if ('hsmId' in request && !HSM_ID.test(request.hsmId)) throw new Error(`not an HSM id: ${JSON.stringify(request.hsmId)}`);
    switch (request.op) {
      case 'hello':
        return { protocol: HOST_AGENT_PROTOCOL, host: this.options.advertise ?? link.localAddress ?? this.options.listenHost, hostname: hostname() };
      case 'ping':
        return 'pong';
      case 'list':
        return this.fleet.list();
      case 'start':
        return this.start(request.launch, request.restoreSnapshot);
      case 'stop':
        if (this.knows(request.hsmId)) await this.fleet.stop(request.hsmId);
        return null;
      case 'kill':
        if (this.knows(request.hsmId)) await this.fleet.kill(request.hsmId);
        return null;
      case 'hang':
        this.fleet.hang(request.hsmId);
        return null;
      case 'resume':
        this.fleet.resume(request.hsmId);
        return null;
      case 'forget':
        if (this.knows(request.hsmId)) this.fleet.forget(request.hsmId);
        rmSync(this.directoryOf(request.hsmId), { recursive: true, force: true });
        this.log('forgotten', { hsmId: request.hsmId });
        return null;
      case 'updatePeers':
        this.fleet.updatePeers(request.hsmId, request.peers);
        return null;
      case 'updateIdentity':
        this.fleet.updateIdentity(request.hsmId, request.tls, request.trustedCaPems);
        return null;
      case 'setFaults':
        this.fleet.setFaults(request.hsmId, request.faults);
        return null;
      case 'changeUserPassword':
        return this.fleet.changeUserPassword(request.hsmId, request.username, request.password);
      case 'inspect':
        return (await this.fleet.inspect(request.hsmId)) ?? null;
    }
  }

  private async start(launch: NodeLaunch, restoreSnapshot: string | undefined): Promise<NodeProcessInfo> {
    if (!HSM_ID.test(launch.hsmId)) throw new Error(`not an HSM id: ${JSON.stringify(launch.hsmId)}`);
    const directory = this.directoryOf(launch.hsmId);
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const { softHsmLibrary: _theirs, restoreSnapshotFile: _theirFile, ...rest } = launch;
    let restoreSnapshotFile: string | undefined;
    if (restoreSnapshot !== undefined) {
      restoreSnapshotFile = join(directory, RESTORE_SNAPSHOT_FILE);
      writeFileSync(restoreSnapshotFile, restoreSnapshot, { mode: 0o600 });
    }
    const local: NodeLaunch = {
      ...rest,
      directory,
      ...(restoreSnapshotFile ? { restoreSnapshotFile } : {}),
      ...(this.options.softHsmLibrary ? { softHsmLibrary: this.options.softHsmLibrary } : {}),
    };
    const info = await this.fleet.launch(local);
    this.log('started', { hsmId: info.hsmId, host: info.host, ports: info.ports, pid: info.pid });
    return info;
  }

  private knows(hsmId: string): boolean {
    return this.fleet.list().some((info) => info.hsmId === hsmId);
  }

  private directoryOf(hsmId: string): string {
    return join(this.options.dataDir, 'hsms', hsmId);
  }

  private tell(frame: HostAgentFrame): void {
    for (const link of this.links) link.send(frame);
  }
}
