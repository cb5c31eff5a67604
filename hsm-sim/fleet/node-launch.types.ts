// What the fleet hands a node process, and what the process tells the fleet back (over the IPC channel).
// The launch file lives in the node's folder (mode 0600), so a restarted process finds everything again.

import type { ActiveNodeFault } from '../faults/node-fault.types';
import type { AuditEntry } from '../node/audit-log';
import type { HsmType } from '../node/hsm-type-limits';
import type { NodeInspection } from '../node/node-inspection';

/**
 * aws-behaviour 6.6: the PRECO's initial password in the 2017-2019 docs: the appliance's factory setting,
 * used when a first HSM's launch gives none, so that no launch file has to carry a user password.
 */
export const FACTORY_PRECO_PASSWORD = 'password';

export interface NodeEndpoint {
  readonly hsmId: string;
  readonly host: string;
  readonly syncPort: number;
}

export interface NodePorts {
  readonly crypto: number;
  readonly sync: number;
  readonly management: number;
}

export interface NodeLaunch {
  readonly hsmId: string;
  readonly clusterId: string;
  readonly serialNumber: string;
  /** 0..31: this HSM's place in its cluster (key handle allocation). */
  readonly slot: number;
  /** The cluster's HSM type: sets the node's key limits. Absent (a launch file written before it existed): hsm1.medium. */
  readonly hsmType?: HsmType;
  /** Node folder: launch file, engine tokens, node state, audit log. */
  readonly directory: string;
  /** Loopback address derived from the ENI IP (10.0.N.M -> 127.0.N.M); on another host, that host's address. */
  readonly host: string;
  /** The Availability Zone whose HSM host runs this node (--hsm-host); absent: a child process of the control plane. */
  readonly hostZone?: string;
  /** 2223, 2224, 2225 in a cluster; 0 in tests. */
  readonly ports: NodePorts;
  /** Hex of the cluster-internal AES-256 key that wraps replicated key material. Internal secret. */
  readonly clusterSyncKeyHex: string;
  readonly firstHsm: boolean;
  /** Default FACTORY_PRECO_PASSWORD; tests give their own. The simulator writes none (launch files hold no user password). */
  readonly preCoPassword?: string;
  /** TLS identity the node presents; after initialisation a chain up to the customer's trust anchor. */
  readonly tls: { readonly keyPem: string; readonly certChainPem: string };
  /** CAs a node trusts when it calls its peers on the sync port. */
  readonly trustedCaPems: readonly string[];
  /** Peer to clone users and keys from when this node's state is new. */
  readonly cloneFrom?: NodeEndpoint;
  /** A backup (NodeSnapshot, JSON with Buffers) to restore when this node's state is new. */
  readonly restoreSnapshotFile?: string;
  readonly peers: readonly NodeEndpoint[];
  readonly softHsmLibrary?: string;
  readonly engine: 'softhsm' | 'in-memory';
  /** false: no fault seams at all (no network gate, no engine decorator, no busy limiter); default true. */
  readonly faultLayer?: boolean;
}

/** The answer to a 'changeUserPassword' request. */
export type PasswordChangeOutcome = { readonly changed: true } | { readonly changed: false; readonly reason: string };

export type FleetToNodeMessage =
  | { readonly type: 'peers'; readonly peers: readonly NodeEndpoint[] }
  | { readonly type: 'identity'; readonly keyPem: string; readonly certChainPem: string; readonly trustedCaPems: readonly string[] }
  | { readonly type: 'shutdown' }
  /** The whole set of faults active on this node from now on; empty heals them all. */
  | { readonly type: 'faults'; readonly faults: readonly ActiveNodeFault[] }
  /** Fault injection: change a user's password as a CO would; answered by 'userPasswordChanged'. */
  | { readonly type: 'changeUserPassword'; readonly requestId: number; readonly username: string; readonly password: string }
  /** Read-only: the node's users and keys (the web console); answered by 'inspected'. */
  | { readonly type: 'inspect'; readonly requestId: number };

export type NodeToFleetMessage =
  | { readonly type: 'ready'; readonly ports: NodePorts }
  | { readonly type: 'activated' }
  | { readonly type: 'failed'; readonly message: string }
  | ({ readonly type: 'userPasswordChanged'; readonly requestId: number } & PasswordChangeOutcome)
  | { readonly type: 'inspected'; readonly requestId: number; readonly inspection: NodeInspection }
  /** Every audit log entry, as it is written. */
  | { readonly type: 'audit'; readonly entry: AuditEntry };
