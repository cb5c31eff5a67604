// Where backup contents live: one file per backup, outside the database (they can be large).

export interface BackupVault {
  write(backupId: string, content: string): void;
  /** The file a new HSM restores from. */
  pathOf(backupId: string): string;
  copy(fromBackupId: string, toBackupId: string): void;
  remove(backupId: string): void;
}
