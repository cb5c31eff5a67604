// HSM lifecycle (aws-behaviour 6.7) as a table.

export const HsmState = {
  CREATE_IN_PROGRESS: 'CREATE_IN_PROGRESS',
  ACTIVE: 'ACTIVE',
  DEGRADED: 'DEGRADED',
  DELETE_IN_PROGRESS: 'DELETE_IN_PROGRESS',
  DELETED: 'DELETED',
} as const;
export type HsmState = (typeof HsmState)[keyof typeof HsmState];

/** `processDied` / `processBack`: the simulated appliance crashed or came back (SIM: AWS shows no such cause). */
export type HsmEvent = 'created' | 'delete' | 'deleted' | 'processDied' | 'processBack';

const S = HsmState;
const TRANSITIONS: Readonly<Record<HsmState, Partial<Record<HsmEvent, HsmState>>>> = {
  [S.CREATE_IN_PROGRESS]: { created: S.ACTIVE, delete: S.DELETE_IN_PROGRESS, processDied: S.CREATE_IN_PROGRESS },
  [S.ACTIVE]: { delete: S.DELETE_IN_PROGRESS, processDied: S.DEGRADED },
  [S.DEGRADED]: { delete: S.DELETE_IN_PROGRESS, processBack: S.ACTIVE },
  [S.DELETE_IN_PROGRESS]: { deleted: S.DELETED },
  [S.DELETED]: {},
};

export function nextHsmState(state: HsmState, event: HsmEvent): HsmState | undefined {
  return TRANSITIONS[state][event];
}
