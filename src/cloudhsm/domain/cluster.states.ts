// Cluster lifecycle (aws-behaviour 6.4) as a table: states, events, transitions, and which operation
// each state allows. Only the Cluster aggregate changes its state, through nextClusterState().

export const ClusterState = {
  CREATE_IN_PROGRESS: 'CREATE_IN_PROGRESS',
  UNINITIALIZED: 'UNINITIALIZED',
  INITIALIZE_IN_PROGRESS: 'INITIALIZE_IN_PROGRESS',
  INITIALIZED: 'INITIALIZED',
  ACTIVE: 'ACTIVE',
  UPDATE_IN_PROGRESS: 'UPDATE_IN_PROGRESS',
  MODIFY_IN_PROGRESS: 'MODIFY_IN_PROGRESS',
  ROLLBACK_IN_PROGRESS: 'ROLLBACK_IN_PROGRESS',
  DELETE_IN_PROGRESS: 'DELETE_IN_PROGRESS',
  DELETED: 'DELETED',
  DEGRADED: 'DEGRADED',
} as const;
export type ClusterState = (typeof ClusterState)[keyof typeof ClusterState];

export type ClusterEvent =
  /** The scheduler finished creating the cluster (or restoring it from a backup). */
  | 'created'
  | 'createdFromBackup'
  | 'initialize'
  | 'initialized'
  /** The PRECO changed its password on an HSM (cmu changePswd PRECO / cli cluster activate). */
  | 'activated'
  | 'delete'
  | 'deleted';

const S = ClusterState;
const TRANSITIONS: Readonly<Record<ClusterState, Partial<Record<ClusterEvent, ClusterState>>>> = {
  [S.CREATE_IN_PROGRESS]: { created: S.UNINITIALIZED, createdFromBackup: S.ACTIVE },
  [S.UNINITIALIZED]: { initialize: S.INITIALIZE_IN_PROGRESS, delete: S.DELETE_IN_PROGRESS },
  [S.INITIALIZE_IN_PROGRESS]: { initialized: S.INITIALIZED },
  [S.INITIALIZED]: { activated: S.ACTIVE, delete: S.DELETE_IN_PROGRESS },
  [S.ACTIVE]: { delete: S.DELETE_IN_PROGRESS, activated: S.ACTIVE },
  [S.UPDATE_IN_PROGRESS]: {},
  [S.MODIFY_IN_PROGRESS]: {},
  [S.ROLLBACK_IN_PROGRESS]: {},
  [S.DELETE_IN_PROGRESS]: { deleted: S.DELETED },
  [S.DELETED]: {},
  [S.DEGRADED]: { delete: S.DELETE_IN_PROGRESS },
};

export function nextClusterState(state: ClusterState, event: ClusterEvent): ClusterState | undefined {
  return TRANSITIONS[state][event];
}

export type ClusterOperation = 'CreateHsm' | 'DeleteHsm' | 'InitializeCluster' | 'ModifyCluster' | 'DeleteCluster' | 'TagResource';

/** Which CloudHSM operations each cluster state allows. */
const ALLOWED: Readonly<Record<ClusterState, readonly ClusterOperation[]>> = {
  [S.CREATE_IN_PROGRESS]: ['TagResource'],
  [S.UNINITIALIZED]: ['CreateHsm', 'DeleteHsm', 'InitializeCluster', 'ModifyCluster', 'DeleteCluster', 'TagResource'],
  [S.INITIALIZE_IN_PROGRESS]: ['TagResource'],
  [S.INITIALIZED]: ['CreateHsm', 'DeleteHsm', 'ModifyCluster', 'DeleteCluster', 'TagResource'],
  [S.ACTIVE]: ['CreateHsm', 'DeleteHsm', 'ModifyCluster', 'DeleteCluster', 'TagResource'],
  [S.UPDATE_IN_PROGRESS]: ['TagResource'],
  [S.MODIFY_IN_PROGRESS]: ['TagResource'],
  [S.ROLLBACK_IN_PROGRESS]: ['TagResource'],
  [S.DELETE_IN_PROGRESS]: [],
  [S.DELETED]: [],
  [S.DEGRADED]: ['CreateHsm', 'DeleteHsm', 'DeleteCluster', 'TagResource'],
};

export function clusterAllows(state: ClusterState, operation: ClusterOperation): boolean {
  return ALLOWED[state].includes(operation);
}
