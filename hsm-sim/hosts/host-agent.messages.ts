// What the control plane and an HSM host agent say to each other, one JSON frame each (the frame codec
// of ports 2223-2225), inside TLS keyed by the shared token. The control plane asks, the agent answers
// by the same id; the agent also tells, unasked, when one of its nodes is activated or dies.

import type { ActiveNodeFault } from '../faults/node-fault.types';
import type { NodeProcessInfo } from '../fleet/node-fleet';
import type { NodeEndpoint, NodeLaunch, PasswordChangeOutcome } from '../fleet/node-launch.types';
import type { AuditEntry } from '../node/audit-log';
import type { NodeInspection } from '../node/node-inspection';

/** Bumped when a request or an answer changes shape; the control plane refuses an agent of another version. */
export const HOST_AGENT_PROTOCOL = 1;

export interface HostHello {
  readonly protocol: number;
  /** The address this host's HSMs listen on and that clients and peers connect to. */
  readonly host: string;
  readonly hostname: string;
}

export type HostAgentRequest =
  | { readonly op: 'hello' }
  | { readonly op: 'ping' }
  | { readonly op: 'list' }
  /** Writes the launch file (its directory is the agent's to choose) and starts the node; a backup to restore travels as its contents. */
  | { readonly op: 'start'; readonly launch: NodeLaunch; readonly restoreSnapshot?: string }
  | { readonly op: 'stop'; readonly hsmId: string }
  | { readonly op: 'kill'; readonly hsmId: string }
  | { readonly op: 'hang'; readonly hsmId: string }
  | { readonly op: 'resume'; readonly hsmId: string }
  /** Forgets a stopped node and removes its folder (token, state) from the host. */
  | { readonly op: 'forget'; readonly hsmId: string }
  | { readonly op: 'updatePeers'; readonly hsmId: string; readonly peers: readonly NodeEndpoint[] }
  | { readonly op: 'updateIdentity'; readonly hsmId: string; readonly tls: NodeLaunch['tls']; readonly trustedCaPems: readonly string[] }
  | { readonly op: 'setFaults'; readonly hsmId: string; readonly faults: readonly ActiveNodeFault[] }
  | { readonly op: 'changeUserPassword'; readonly hsmId: string; readonly username: string; readonly password: string }
  | { readonly op: 'inspect'; readonly hsmId: string };

export type HostAgentOp = HostAgentRequest['op'];

/** What each request resolves with. */
export interface HostAgentAnswers {
  hello: HostHello;
  ping: 'pong';
  list: NodeProcessInfo[];
  start: NodeProcessInfo;
  stop: null;
  kill: null;
  hang: null;
  resume: null;
  forget: null;
  updatePeers: null;
  updateIdentity: null;
  setFaults: null;
  changeUserPassword: PasswordChangeOutcome;
  inspect: NodeInspection | null;
}

export type HostAgentFrame =
  | ({ readonly id: number } & HostAgentRequest)
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string }
  | { readonly event: 'died'; readonly hsmId: string; readonly code: number | null; readonly signal: string | null }
  | { readonly event: 'activated'; readonly hsmId: string }
  | { readonly event: 'audit'; readonly hsmId: string; readonly entry: AuditEntry };
