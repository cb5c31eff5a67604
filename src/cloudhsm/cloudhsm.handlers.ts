// The CloudHSM V2 operations the endpoint serves, each handed to its service with the caller's account
// and Region.

import type { DependencyContainer } from 'tsyringe';
import { BackupService } from './backup.service';
import { ClusterService, type RequestScope } from './cluster.service';
import { ResourcePolicyService } from './resource-policy.service';
import { HsmService } from './hsm.service';
import { TagService } from './tag.service';

type Handler = (input: never, context: RequestScope) => unknown;

export function cloudHsmHandlers(container: DependencyContainer): Record<string, Handler> {
  const clusters = container.resolve(ClusterService);
  const hsms = container.resolve(HsmService);
  const tags = container.resolve(TagService);
  const backups = container.resolve(BackupService);
  const policies = container.resolve(ResourcePolicyService);
  const handlers = {
    CreateCluster: (input: Parameters<ClusterService['createCluster']>[1], scope: RequestScope) => clusters.createCluster(scope, input),
    DescribeClusters: (input: Parameters<ClusterService['describeClusters']>[1], scope: RequestScope) => clusters.describeClusters(scope, input),
    InitializeCluster: (input: Parameters<ClusterService['initializeCluster']>[1], scope: RequestScope) => clusters.initializeCluster(scope, input),
    ModifyCluster: (input: Parameters<ClusterService['modifyCluster']>[1], scope: RequestScope) => clusters.modifyCluster(scope, input),
    DeleteCluster: (input: Parameters<ClusterService['deleteCluster']>[1], scope: RequestScope) => clusters.deleteCluster(scope, input),
    CreateHsm: (input: Parameters<HsmService['createHsm']>[1], scope: RequestScope) => hsms.createHsm(scope, input),
    DeleteHsm: (input: Parameters<HsmService['deleteHsm']>[1], scope: RequestScope) => hsms.deleteHsm(scope, input),
    TagResource: (input: Parameters<TagService['tagResource']>[1], scope: RequestScope) => tags.tagResource(scope, input),
    UntagResource: (input: Parameters<TagService['untagResource']>[1], scope: RequestScope) => tags.untagResource(scope, input),
    ListTags: (input: Parameters<TagService['listTags']>[1], scope: RequestScope) => tags.listTags(scope, input),
    DescribeBackups: (input: Parameters<BackupService['describeBackups']>[1], scope: RequestScope) => backups.describeBackups(scope, input),
    DeleteBackup: (input: Parameters<BackupService['deleteBackup']>[1], scope: RequestScope) => backups.deleteBackup(scope, input),
    RestoreBackup: (input: Parameters<BackupService['restoreBackup']>[1], scope: RequestScope) => backups.restoreBackup(scope, input),
    ModifyBackupAttributes: (input: Parameters<BackupService['modifyBackupAttributes']>[1], scope: RequestScope) => backups.modifyBackupAttributes(scope, input),
    CopyBackupToRegion: (input: Parameters<BackupService['copyBackupToRegion']>[1], scope: RequestScope) => backups.copyBackupToRegion(scope, input),
    PutResourcePolicy: (input: Parameters<ResourcePolicyService['put']>[1], scope: RequestScope) => policies.put(scope, input),
    GetResourcePolicy: (input: Parameters<ResourcePolicyService['get']>[1], scope: RequestScope) => policies.get(scope, input),
    DeleteResourcePolicy: (input: Parameters<ResourcePolicyService['remove']>[1], scope: RequestScope) => policies.remove(scope, input),
  } satisfies Record<string, Handler>;
  return handlers;
}
