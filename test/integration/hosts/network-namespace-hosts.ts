// Hosts for tests, made of Linux network namespaces: one per Availability Zone, all joined by a bridge
// that lives in a namespace of its own ("the switch"). This process reaches them over one veth pair
// whose end here holds the only address added outside the test's namespaces. Addresses come from
// 10.199.N.0/24 (N random, and not in use here). An HSM host agent runs in each zone's namespace.
// A zone outage is its veth going down. destroy() ends every agent and removes every namespace and link.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const BIN = join(__dirname, '..', '..', '..', '..', 'bin', 'cloudhsm-sim.js');
export const AGENT_PORT = 7400;

export interface ZoneHost {
  readonly zone: string;
  readonly namespace: string;
  /** The veth inside the zone's namespace: down is the zone cut off. */
  readonly link: string;
  readonly address: string;
  readonly agent: ChildProcess;
  /** The agent's output so far (stdout and stderr). */
  readonly output: string[];
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why namespaces cannot be made here (not root, no CAP_NET_ADMIN, no `ip`), or undefined when they can. */
export function namespacesRefused(): string | undefined {
  const probe = `cloudhsm-sim-probe-${randomBytes(3).toString('hex')}`;
  try {
    ip('netns', 'add', probe);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return `Linux network namespaces are refused here (\`ip netns add\` needs root or CAP_NET_ADMIN): ${stderr || (error as Error).message}`;
  }
  ip('netns', 'del', probe);
  return undefined;
}

export class NetworkNamespaceHosts {
  private readonly namespaces: string[] = [];
  private readonly rootLinks: string[] = [];
  readonly hosts: ZoneHost[] = [];
  readonly dataDir = createTempDir('hosts');
  readonly tokenFile = join(this.dataDir, 'host-token');
  readonly subnet: string;
  private readonly id = randomBytes(3).toString('hex');

  private constructor() {
    this.subnet = freeSubnet();
    writeFileSync(this.tokenFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }

  /** One namespace per zone, the switch, the links, an agent in each zone; all undone if any step fails. */
  static async create(zones: readonly string[]): Promise<NetworkNamespaceHosts> {
    const made = new NetworkNamespaceHosts();
    try {
      made.buildSwitch();
      zones.forEach((zone, index) => made.buildZone(zone, index));
      await Promise.all(zones.map((zone, index) => made.startAgent(zone, index)));
      return made;
    } catch (error) {
      await made.destroy();
      throw error;
    }
  }

  /** `--hsm-host` of a control plane that places each zone on its namespace. */
  get hsmHostFlag(): string {
    return this.hosts.map((host) => `az=${host.zone},addr=${host.address}:${AGENT_PORT}`).join('\n');
  }

  host(zone: string): ZoneHost {
    const found = this.hosts.find((host) => host.zone === zone);
    if (!found) throw new Error(`no host for ${zone}`);
    return found;
  }

  linkDown(zone: string): void {
    const { namespace, link } = this.host(zone);
    ip('-n', namespace, 'link', 'set', link, 'down');
  }

  linkUp(zone: string): void {
    const { namespace, link } = this.host(zone);
    ip('-n', namespace, 'link', 'set', link, 'up');
  }

  /** Ends the agents (their HSMs with them), then removes the namespaces (their links go too) and the folder. */
  async destroy(): Promise<void> {
    await Promise.all(this.hosts.map((host) => stopProcess(host.agent)));
    for (const link of this.rootLinks) tryIp('link', 'del', link);
    for (const namespace of this.namespaces.reverse()) tryIp('netns', 'del', namespace);
    removeTempDir(this.dataDir);
  }

  private get switchNamespace(): string {
    return `cloudhsm-sim-test-${this.id}-switch`;
  }

  private addNamespace(name: string): void {
    ip('netns', 'add', name);
    this.namespaces.push(name);
    ip('-n', name, 'link', 'set', 'lo', 'up');
  }

  private buildSwitch(): void {
    const sw = this.switchNamespace;
    this.addNamespace(sw);
    ip('-n', sw, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', sw, 'link', 'set', 'br0', 'up');
    // This process's way in: one veth pair, its end here holding .1.
    const here = `chs${this.id}r`;
    ip('link', 'add', here, 'type', 'veth', 'peer', 'name', `chs${this.id}s`);
    this.rootLinks.push(here);
    ip('link', 'set', `chs${this.id}s`, 'netns', sw);
    ip('-n', sw, 'link', 'set', `chs${this.id}s`, 'master', 'br0', 'up');
    ip('addr', 'add', `${this.subnet}.1/24`, 'dev', here);
    ip('link', 'set', here, 'up');
  }

  private buildZone(zone: string, index: number): void {
    const letter = zone.slice(-1);
    const namespace = `cloudhsm-sim-test-${this.id}-${letter}`;
    this.addNamespace(namespace);
    const inside = `chs${this.id}${letter}`;
    const port = `chs${this.id}p${letter}`;
    ip('link', 'add', inside, 'type', 'veth', 'peer', 'name', port);
    ip('link', 'set', inside, 'netns', namespace);
    ip('link', 'set', port, 'netns', this.switchNamespace);
    ip('-n', this.switchNamespace, 'link', 'set', port, 'master', 'br0', 'up');
    const address = `${this.subnet}.${10 + index}`;
    ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', inside);
    ip('-n', namespace, 'link', 'set', inside, 'up');
    this.hosts.push({ zone, namespace, link: inside, address, agent: undefined as unknown as ChildProcess, output: [] });
  }

  private async startAgent(zone: string, index: number): Promise<void> {
    const host = this.hosts[index]!;
    const agent = spawn(
      'ip',
      ['netns', 'exec', host.namespace, process.execPath, BIN, 'hsm-host', '--listen', `${host.address}:${AGENT_PORT}`, '--data-dir', join(this.dataDir, zone), '--token-file', this.tokenFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.hosts[index] = { ...host, agent };
    const output = host.output;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output.push(...chunk.toString().split('\n').filter(Boolean));
        if (output.some((line) => line.endsWith('hsm-host: ready'))) resolve();
      };
      agent.stdout.on('data', onData);
      agent.stderr.on('data', onData);
      agent.once('exit', (code) => reject(new Error(`the agent of ${zone} exited (${code}): ${output.join('\n')}`)));
      setTimeout(() => reject(new Error(`the agent of ${zone} was not ready in 20 s: ${output.join('\n')}`)), 20_000).unref();
    });
  }
}

/** 10.199.N (without the last octet) for an N no address or route here uses. */
function freeSubnet(): string {
  const used = ip('-4', 'addr') + ip('-4', 'route');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const candidate = `10.199.${randomBytes(1)[0]!}`;
    if (!used.includes(`${candidate}.`)) return candidate;
  }
  throw new Error('no free 10.199.N.0/24 here');
}

function tryIp(...args: string[]): void {
  try {
    ip(...args);
  } catch {
    // Already gone (a namespace takes its links with it).
  }
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
