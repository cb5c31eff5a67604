// HSM lifecycle (aws-behaviour 6.7) as a table.

export const HsmState = {
  CREATE_IN_PROGRESS: 'CREATE_IN_PROGRESS',
  ACTIVE: 'ACTIVE',
  DEGRADED: 'DEGRADED',
  DELETE_IN_PROGRESS: 'DELETE_IN_PROGRESS',
  DELETED: 'DELETED',
} as const;
export type HsmState = (typeof HsmState)[keyof typeof HsmState];

/**
 * `processDied` / `processBack`: the simulated appliance crashed or came back; `unreachable` / `reachable`:
 * its Availability Zone went down or came back (SIM: AWS documents no cause of DEGRADED, open question 20).
 */
export type HsmEvent = 'created' | 'delete' | 'deleted' | 'processDied' | 'processBack' | 'unreachable' | 'reachable';

const S = HsmState;
const TRANSITIONS: Readonly<Record<HsmState, Partial<Record<HsmEvent, HsmState>>>> = {
  [S.CREATE_IN_PROGRESS]: { created: S.ACTIVE, delete: S.DELETE_IN_PROGRESS, processDied: S.CREATE_IN_PROGRESS },
  [S.ACTIVE]: { delete: S.DELETE_IN_PROGRESS, processDied: S.DEGRADED, unreachable: S.DEGRADED },
  [S.DEGRADED]: { delete: S.DELETE_IN_PROGRESS, processBack: S.ACTIVE, reachable: S.ACTIVE },
  [S.DELETE_IN_PROGRESS]: { deleted: S.DELETED },
  [S.DELETED]: {},
};

export function nextHsmState(state: HsmState, event: HsmEvent): HsmState | undefined {
  return TRANSITIONS[state][event];
}
