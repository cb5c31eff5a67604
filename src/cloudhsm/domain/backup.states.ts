// Backup lifecycle (aws-behaviour 6.8) as a table.

export const BackupState = {
  CREATE_IN_PROGRESS: 'CREATE_IN_PROGRESS',
  READY: 'READY',
  PENDING_DELETION: 'PENDING_DELETION',
  DELETED: 'DELETED',
} as const;
export type BackupState = (typeof BackupState)[keyof typeof BackupState];

export type BackupEvent = 'created' | 'delete' | 'restore' | 'purge';

const S = BackupState;
const TRANSITIONS: Readonly<Record<BackupState, Partial<Record<BackupEvent, BackupState>>>> = {
  [S.CREATE_IN_PROGRESS]: { created: S.READY },
  [S.READY]: { delete: S.PENDING_DELETION },
  // 6.8: a deleted backup can be restored for 7 days, then it is gone.
  [S.PENDING_DELETION]: { restore: S.READY, purge: S.DELETED },
  [S.DELETED]: {},
};

export function nextBackupState(state: BackupState, event: BackupEvent): BackupState | undefined {
  return TRANSITIONS[state][event];
}
