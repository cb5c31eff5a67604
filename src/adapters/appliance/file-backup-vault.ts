// Backup contents as files in <data dir>/backups, readable by the simulator's user only.

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupVault } from '../../cloudhsm/ports/backup-vault.port';

export class FileBackupVault implements BackupVault {
  private readonly directory: string;

  constructor(dataDir: string) {
    this.directory = join(dataDir, 'backups');
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
  }

  write(backupId: string, content: string): void {
    writeFileSync(this.pathOf(backupId), content, { mode: 0o600 });
  }

  pathOf(backupId: string): string {
    return join(this.directory, `${backupId}.json`);
  }

  copy(fromBackupId: string, toBackupId: string): void {
    copyFileSync(this.pathOf(fromBackupId), this.pathOf(toBackupId));
  }

  remove(backupId: string): void {
    rmSync(this.pathOf(backupId), { force: true });
  }
}
