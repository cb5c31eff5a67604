// Where HSMs run when the control plane is told of HSM hosts (--hsm-host, --hsm-hosts): an HSM created in
// a zone that has a host runs there, on the address the host's agent gives; every other HSM stays a
// child process here, as without any host. The links to the hosts are made (and waited for) at start.

import { NodeFleet } from '../../../hsm-sim/fleet/node-fleet';
import type { NodeFleetPort } from '../../../hsm-sim/fleet/node-fleet.port';
import { HostAgentClient } from '../../../hsm-sim/hosts/host-agent-client';
import { RemoteNodeFleet } from './remote-node-fleet';
import { RemotePlacedFleet } from './remote-placed-fleet';

export interface HsmHostSpec {
  readonly availabilityZone: string;
  /** Where the host's agent listens: a name or an address. */
  readonly host: string;
  readonly port: number;
}

export interface HsmHostPlacementOptions {
  readonly hosts: readonly HsmHostSpec[];
  readonly token: string;
  /** The node entry point for HSMs that stay here. */
  readonly nodeEntry: string;
  /** How long start waits for every host's agent to answer; default 30,000 ms. */
  readonly connectDeadlineMs?: number;
  /** Heartbeat and silence of each link (tests shorten them). */
  readonly heartbeatMs?: number;
  readonly silenceMs?: number;
  readonly warn?: (message: string) => void;
}

export class RemoteHostPlacement {
  private constructor(
    readonly fleet: RemotePlacedFleet,
    private readonly clients: ReadonlyMap<string, HostAgentClient>,
  ) {}

  static async connect(options: HsmHostPlacementOptions): Promise<RemoteHostPlacement> {
    const clients = new Map<string, HostAgentClient>();
    for (const spec of options.hosts) {
      if (clients.has(spec.availabilityZone)) throw new Error(`two HSM hosts for ${spec.availabilityZone}; one host per Availability Zone`);
      clients.set(
        spec.availabilityZone,
        new HostAgentClient({
          host: spec.host,
          port: spec.port,
          token: options.token,
          ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
          ...(options.silenceMs !== undefined ? { silenceMs: options.silenceMs } : {}),
        }),
      );
    }
    try {
      await Promise.all([...clients.values()].map((client) => client.connect(options.connectDeadlineMs ?? 30_000)));
    } catch (error) {
      for (const client of clients.values()) client.close();
      throw error;
    }
    const remotes = new Map([...clients].map(([zone, client]) => [zone, new RemoteNodeFleet(client, options.warn)]));
    const local: NodeFleetPort = new NodeFleet({ entry: options.nodeEntry });
    return new RemoteHostPlacement(new RemotePlacedFleet(local, remotes), clients);
  }

  /** The address HSMs of this zone listen on; undefined: the zone has no host, its HSMs run here. */
  hostFor(availabilityZone: string): string | undefined {
    return this.clients.get(availabilityZone)?.hello?.host;
  }

  /** A zone's host stopped answering (false) or answers again (true), for each of its HSMs. */
  onReachability(listener: (hsmId: string, reachable: boolean) => void): void {
    this.fleet.reachability.on('unreachable', (hsmId) => listener(hsmId, false));
    this.fleet.reachability.on('reachable', (hsmId) => listener(hsmId, true));
  }

  /** Zone -> "host:port (hostname, HSM address)", for the start banner. */
  describe(): Record<string, string> {
    return Object.fromEntries([...this.clients].map(([zone, client]) => [zone, `${client.name} (${client.hello?.hostname ?? '?'}, HSMs on ${client.hello?.host ?? '?'})`]));
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}
