// PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy (aws-behaviour 6.3): sharing a backup.
// SIM: the policy is stored and returned; nothing else in the simulator reads it yet.

import { inject, injectable } from 'tsyringe';
import { BackupService } from './backup.service';
import { CloudHsmInvalidRequestException } from './cloudhsm.errors';
import type { RequestScope } from './cluster.service';
import { BackupState } from './domain/backup.states';

const BACKUP_ARN = /^arn:aws(?:-us-gov)?:cloudhsm:([a-z0-9-]+):(\d{12}):backup\/(backup-[2-7a-zA-Z]{11,16})$/;

@injectable()
export class ResourcePolicyService {
  constructor(@inject(BackupService) private readonly backups: BackupService) {}

  put(scope: RequestScope, input: { ResourceArn?: string; Policy?: string }): { ResourceArn: string; Policy: string } {
    const backupId = this.requireOwnReadyBackup(scope, input.ResourceArn);
    if (input.Policy === undefined) throw new CloudHsmInvalidRequestException('Give the Policy to attach.');
    try {
      JSON.parse(input.Policy);
    } catch {
      throw new CloudHsmInvalidRequestException('Policy is not valid JSON.');
    }
    this.backups.setResourcePolicy(backupId, input.Policy);
    return { ResourceArn: input.ResourceArn!, Policy: input.Policy };
  }

  get(scope: RequestScope, input: { ResourceArn?: string }): { Policy?: string } {
    const backupId = this.backupIdOf(scope, input.ResourceArn);
    const policy = this.backups.requireBackup(scope, backupId).resourcePolicy;
    return policy === undefined ? {} : { Policy: policy };
  }

  remove(scope: RequestScope, input: { ResourceArn?: string }): { ResourceArn: string; Policy?: string } {
    const backupId = this.requireOwnReadyBackup(scope, input.ResourceArn);
    const policy = this.backups.requireBackup(scope, backupId).resourcePolicy;
    this.backups.setResourcePolicy(backupId, undefined);
    return { ResourceArn: input.ResourceArn!, ...(policy === undefined ? {} : { Policy: policy }) };
  }

  /** API_PutResourcePolicy: the backup must be READY and owned by the caller. */
  private requireOwnReadyBackup(scope: RequestScope, arn: string | undefined): string {
    const backupId = this.backupIdOf(scope, arn);
    const backup = this.backups.requireBackup(scope, backupId);
    if (backup.state !== BackupState.READY) throw new CloudHsmInvalidRequestException(`Backup ${backupId} is ${backup.state}; only a READY backup can be shared.`);
    return backupId;
  }

  private backupIdOf(scope: RequestScope, arn: string | undefined): string {
    const match = arn ? BACKUP_ARN.exec(arn) : null;
    if (!match) throw new CloudHsmInvalidRequestException(`ResourceArn must be a backup ARN, arn:aws:cloudhsm:${scope.region}:${scope.accountId}:backup/backup-...`);
    if (match[1] !== scope.region || match[2] !== scope.accountId) {
      throw new CloudHsmInvalidRequestException(`Backup ${match[3]} belongs to another account or Region.`);
    }
    return match[3]!;
  }
}
