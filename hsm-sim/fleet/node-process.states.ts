// Lifecycle of one node process as the fleet sees it: states, events, the transition table, next().

export const NodeProcessState = {
  STARTING: 'starting',
  RUNNING: 'running',
  HUNG: 'hung',
  STOPPING: 'stopping',
  STOPPED: 'stopped',
  DEAD: 'dead',
} as const;
export type NodeProcessState = (typeof NodeProcessState)[keyof typeof NodeProcessState];

export type NodeProcessEvent = 'spawn' | 'ready' | 'sigstop' | 'sigcont' | 'stop' | 'exit' | 'crash';

const S = NodeProcessState;
const TRANSITIONS: Record<NodeProcessState, Partial<Record<NodeProcessEvent, NodeProcessState>>> = {
  [S.STARTING]: { ready: S.RUNNING, stop: S.STOPPING, crash: S.DEAD, exit: S.DEAD, sigstop: S.HUNG },
  [S.RUNNING]: { sigstop: S.HUNG, stop: S.STOPPING, crash: S.DEAD, exit: S.DEAD },
  [S.HUNG]: { sigcont: S.RUNNING, stop: S.STOPPING, crash: S.DEAD, exit: S.DEAD },
  [S.STOPPING]: { exit: S.STOPPED, crash: S.STOPPED },
  [S.STOPPED]: { spawn: S.STARTING },
  [S.DEAD]: { spawn: S.STARTING },
};

export function nextNodeProcessState(state: NodeProcessState, event: NodeProcessEvent): NodeProcessState {
  const next = TRANSITIONS[state][event];
  if (!next) throw new Error(`node process cannot '${event}' while ${state}`);
  return next;
}

export function canApply(state: NodeProcessState, event: NodeProcessEvent): boolean {
  return TRANSITIONS[state][event] !== undefined;
}
