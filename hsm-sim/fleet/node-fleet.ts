// Starts, stops, kills (SIGKILL), hangs (SIGSTOP), resumes and restarts HSM node processes, notices a
// node that died, and starts nodes again from their folders after a simulator restart. Each node is a
// child process with an IPC channel; its output goes to node.log in its folder. The fleet also carries
// fault injection to its nodes: the set of faults active on each (sent again whenever the node starts),
// and password changes behind the users' backs.

import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { openSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ActiveNodeFault } from '../faults/node-fault.types';
import type { AuditEntry } from '../node/audit-log';
import type { NodeInspection } from '../node/node-inspection';
import { readLaunchFile, writeLaunchFile } from './launch-file';
import type { FleetToNodeMessage, NodeEndpoint, NodeLaunch, NodePorts, NodeToFleetMessage, PasswordChangeOutcome } from './node-launch.types';
import { endOrphanNodes } from './orphan-node-sweep';
import { canApply, nextNodeProcessState, NodeProcessState, type NodeProcessEvent } from './node-process.states';

/**
 * What keeps an HSM process small (measured with `npm run bench`, RSS):
 * - glibc's malloc raises its mmap threshold after a large block is freed, so the 16 MiB that each scrypt
 *   password hash takes then stayed in the heap (95-130 MB idle). A fixed threshold (128 KiB, glibc's
 *   default) gives large blocks back: 63 MB idle.
 * - V8 grew the young generation to 32 MB under load; 1 MB semi-spaces cost no measurable throughput here
 *   and save about 27 MB at 3,000 keys.
 */
const MALLOC_MMAP_THRESHOLD = { MALLOC_MMAP_THRESHOLD_: String(128 * 1024) };
const NODE_EXEC_ARGV = ['--enable-source-maps', '--max-semi-space-size=1'];

export interface NodeFleetOptions {
  /** The compiled node entry point (dist/hsm-sim/node-process/node-main.js). */
  readonly entry: string;
  readonly startTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
  /** How long changeUserPassword waits for the node's answer; default 10,000 ms. */
  readonly requestTimeoutMs?: number;
}

export interface NodeProcessInfo {
  readonly hsmId: string;
  readonly directory: string;
  readonly host: string;
  readonly state: NodeProcessState;
  readonly pid?: number;
  readonly ports?: NodePorts;
}

interface ManagedNode {
  readonly hsmId: string;
  readonly directory: string;
  state: NodeProcessState;
  child?: ChildProcess;
  ports?: NodePorts;
  host: string;
  /** The faults active on this node, sent again on every start. */
  faults: readonly ActiveNodeFault[];
}

export interface NodeFleetEvents {
  /** A node process ended without being asked to: it is now 'dead'. */
  died: [hsmId: string, code: number | null, signal: NodeJS.Signals | null];
  activated: [hsmId: string];
  /** An entry of the node's audit log, as it was written. */
  audit: [hsmId: string, entry: AuditEntry];
}

export class NodeFleet extends EventEmitter<NodeFleetEvents> {
  private readonly nodes = new Map<string, ManagedNode>();
  private nextRequestId = 1;

  constructor(private readonly options: NodeFleetOptions) {
    super();
  }

  /** Writes the node's launch file and starts it. */
  async launch(launch: NodeLaunch): Promise<NodeProcessInfo> {
    writeLaunchFile(launch);
    return this.start(launch.directory);
  }

  /** Starts (or starts again) the node whose folder holds a launch file. */
  async start(directory: string): Promise<NodeProcessInfo> {
    const launch = readLaunchFile(directory);
    const node = this.nodes.get(launch.hsmId) ?? { hsmId: launch.hsmId, directory, state: NodeProcessState.STOPPED, host: launch.host, faults: [] };
    this.nodes.set(launch.hsmId, node);
    if (node.state === NodeProcessState.RUNNING || node.state === NodeProcessState.STARTING) return this.info(launch.hsmId);
    this.apply(node, 'spawn');
    // A process of an earlier simulator that died may still hold this folder's ports and token.
    await this.endOrphans([directory]);
    const log = openSync(join(directory, 'node.log'), 'a', 0o600);
    const child = fork(this.options.entry, [directory], { stdio: ['ignore', log, log, 'ipc'], execArgv: NODE_EXEC_ARGV, env: { ...process.env, ...MALLOC_MMAP_THRESHOLD } });
    closeSync(log);
    node.child = child;
    node.ports = undefined;
    child.on('exit', (code, signal) => this.onExit(node, child, code, signal));
    child.on('message', (message: NodeToFleetMessage) => {
      if (message.type === 'activated') this.emit('activated', node.hsmId);
      else if (message.type === 'audit') this.emit('audit', node.hsmId, message.entry);
    });
    node.ports = await this.waitForReady(node, child);
    this.apply(node, 'ready');
    // A restarted node keeps its faults until the control plane clears them.
    if (node.faults.length > 0) this.send(child, { type: 'faults', faults: node.faults });
    return this.info(node.hsmId);
  }

  /** Ends node processes left running in these folders by a simulator that died; resolves with their pids. */
  endOrphans(directories: readonly string[]): Promise<number[]> {
    return endOrphanNodes(directories, { entryName: basename(this.options.entry) });
  }

  /** After a simulator restart: starts every node whose folder is given, all at once. */
  async startAll(directories: readonly string[]): Promise<NodeProcessInfo[]> {
    return Promise.all(directories.map((directory) => this.start(directory)));
  }

  /** Asks the node to shut down; kills it if it does not within the stop timeout. */
  async stop(hsmId: string): Promise<void> {
    const node = this.require(hsmId);
    const child = node.child;
    if (!child || !canApply(node.state, 'stop')) return;
    if (node.state === NodeProcessState.HUNG) child.kill('SIGCONT');
    this.apply(node, 'stop');
    const exited = this.exitOf(child);
    this.send(child, { type: 'shutdown' });
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.stopTimeoutMs ?? 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** SIGKILL: the process dies at once, as an HSM losing power. */
  async kill(hsmId: string): Promise<void> {
    const node = this.require(hsmId);
    const child = node.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = this.exitOf(child);
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP: the process stays, its sockets stay open, nothing answers. */
  hang(hsmId: string): void {
    const node = this.require(hsmId);
    this.apply(node, 'sigstop');
    node.child?.kill('SIGSTOP');
  }

  resume(hsmId: string): void {
    const node = this.require(hsmId);
    this.apply(node, 'sigcont');
    node.child?.kill('SIGCONT');
  }

  async restart(hsmId: string): Promise<NodeProcessInfo> {
    const node = this.require(hsmId);
    await this.stop(hsmId);
    return this.start(node.directory);
  }

  /** Tells a node its cluster peers now, and again on every later start. */
  updatePeers(hsmId: string, peers: readonly NodeEndpoint[]): void {
    const node = this.require(hsmId);
    writeLaunchFile({ ...readLaunchFile(node.directory), peers });
    if (node.child && node.state === NodeProcessState.RUNNING) this.send(node.child, { type: 'peers', peers });
  }

  /** Installs a new TLS identity (after cluster initialisation). */
  updateIdentity(hsmId: string, tls: NodeLaunch['tls'], trustedCaPems: readonly string[]): void {
    const node = this.require(hsmId);
    writeLaunchFile({ ...readLaunchFile(node.directory), tls, trustedCaPems });
    if (node.child && node.state === NodeProcessState.RUNNING) {
      this.send(node.child, { type: 'identity', keyPem: tls.keyPem, certChainPem: tls.certChainPem, trustedCaPems });
    }
  }

  /** The whole set of faults active on this node (empty heals); sent now if it runs, and on every later start. */
  setFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void {
    const node = this.require(hsmId);
    node.faults = [...faults];
    if (node.child && node.state === NodeProcessState.RUNNING) this.send(node.child, { type: 'faults', faults: node.faults });
  }

  faultsOf(hsmId: string): readonly ActiveNodeFault[] {
    return this.require(hsmId).faults;
  }

  /**
   * Fault injection: the node changes this user's password as a CO would. Refused (changed: false) when
   * the user does not exist there, is logged in there, or the node is not running or does not answer.
   */
  changeUserPassword(hsmId: string, username: string, password: string): Promise<PasswordChangeOutcome> {
    const node = this.require(hsmId);
    const child = node.child;
    if (!child || node.state !== NodeProcessState.RUNNING || !child.connected) {
      return Promise.resolve({ changed: false, reason: `HSM ${hsmId} is ${node.state}` });
    }
    const requestId = this.nextRequestId++;
    const timeoutMs = this.options.requestTimeoutMs ?? 10_000;
    return new Promise((resolve) => {
      const finish = (outcome: PasswordChangeOutcome): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (message: NodeToFleetMessage): void => {
        if (message.type !== 'userPasswordChanged' || message.requestId !== requestId) return;
        finish(message.changed ? { changed: true } : { changed: false, reason: message.reason });
      };
      const onExit = (): void => finish({ changed: false, reason: `HSM ${hsmId} exited before answering` });
      const timer = setTimeout(() => finish({ changed: false, reason: `HSM ${hsmId} did not answer within ${timeoutMs} ms` }), timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      this.send(child, { type: 'changeUserPassword', requestId, username, password });
    });
  }

  /** Read-only: the node's users and keys; undefined when it is not running or does not answer in time. */
  inspect(hsmId: string, timeoutMs = 2_000): Promise<NodeInspection | undefined> {
    const node = this.require(hsmId);
    const child = node.child;
    if (!child || node.state !== NodeProcessState.RUNNING || !child.connected) return Promise.resolve(undefined);
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const finish = (inspection: NodeInspection | undefined): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(inspection);
      };
      const onMessage = (message: NodeToFleetMessage): void => {
        if (message.type === 'inspected' && message.requestId === requestId) finish(message.inspection);
      };
      const onExit = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      this.send(child, { type: 'inspect', requestId });
    });
  }

  info(hsmId: string): NodeProcessInfo {
    const node = this.require(hsmId);
    return {
      hsmId: node.hsmId,
      directory: node.directory,
      host: node.host,
      state: node.state,
      ...(node.child?.pid !== undefined && node.state !== NodeProcessState.DEAD && node.state !== NodeProcessState.STOPPED ? { pid: node.child.pid } : {}),
      ...(node.ports ? { ports: node.ports } : {}),
    };
  }

  list(): NodeProcessInfo[] {
    return [...this.nodes.keys()].map((hsmId) => this.info(hsmId));
  }

  /** Forgets a stopped or dead node (after DeleteHsm). */
  forget(hsmId: string): void {
    const node = this.require(hsmId);
    if (node.state !== NodeProcessState.STOPPED && node.state !== NodeProcessState.DEAD) {
      throw new Error(`node ${hsmId} is ${node.state}; stop it first`);
    }
    this.nodes.delete(hsmId);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.nodes.keys()].map((hsmId) => this.stop(hsmId)));
  }

  private waitForReady(node: ManagedNode, child: ChildProcess): Promise<NodePorts> {
    return new Promise((resolve, reject) => {
      const timeoutMs = this.options.startTimeoutMs ?? 20_000;
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        reject(new Error(`node ${node.hsmId} did not become ready in ${timeoutMs} ms (see ${join(node.directory, 'node.log')})`));
      }, timeoutMs);
      const onMessage = (message: NodeToFleetMessage): void => {
        if (message.type === 'ready') {
          cleanup();
          resolve(message.ports);
        } else if (message.type === 'failed') {
          cleanup();
          reject(new Error(`node ${node.hsmId} failed to start: ${message.message}`));
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        cleanup();
        reject(new Error(`node ${node.hsmId} exited while starting (code ${code}, signal ${signal}; see ${join(node.directory, 'node.log')})`));
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  }

  private onExit(node: ManagedNode, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (node.child !== child) return;
    const expected = node.state === NodeProcessState.STOPPING;
    this.apply(node, expected ? 'exit' : 'crash');
    node.ports = undefined;
    if (!expected) this.emit('died', node.hsmId, code, signal);
  }

  private exitOf(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => child.once('exit', () => resolve()));
  }

  private send(child: ChildProcess, message: FleetToNodeMessage): void {
    if (child.connected) child.send(message);
  }

  private apply(node: ManagedNode, event: NodeProcessEvent): void {
    node.state = nextNodeProcessState(node.state, event);
  }

  private require(hsmId: string): ManagedNode {
    const node = this.nodes.get(hsmId);
    if (!node) throw new Error(`no node ${hsmId} in this fleet`);
    return node;
  }
}
