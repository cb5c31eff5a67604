// The services the console reads, taken from the composition root's container (resolved, never
// registered here): the same ones the AWS handlers use.

import type { DependencyContainer } from 'tsyringe';
import { BackupService } from '../cloudhsm/backup.service';
import { ClusterService } from '../cloudhsm/cluster.service';
import { HsmService } from '../cloudhsm/hsm.service';
import { NetworkInterfaceService } from '../ec2/network-interfaces.service';
import { SecurityGroupService } from '../ec2/security-groups.service';
import { SubnetService } from '../ec2/subnets.service';
import { VpcService } from '../ec2/vpcs.service';
import type { FaultInjector } from '../faults/fault-injector.service';
import { CustomKeyStoreQueryService } from '../kms/custom-key-stores/custom-key-store-query.service';
import { KeyQueryService } from '../kms/keys/key-query.service';
import type { ConsoleAppliance, ConsoleSources } from './console-snapshot.builder';

export function consoleSources(
  container: DependencyContainer,
  scope: { readonly accountId: string; readonly region: string },
  /** The instances the simulator already holds: the fault registry is the one the fault routes use. */
  { clock, appliance, faults }: { readonly clock: ConsoleSources['clock']; readonly appliance: ConsoleAppliance; readonly faults: FaultInjector },
): ConsoleSources {
  return {
    accountId: scope.accountId,
    region: scope.region,
    clusters: container.resolve(ClusterService),
    hsms: container.resolve(HsmService),
    backups: container.resolve(BackupService),
    vpcs: container.resolve(VpcService),
    subnets: container.resolve(SubnetService),
    securityGroups: container.resolve(SecurityGroupService),
    networkInterfaces: container.resolve(NetworkInterfaceService),
    keyStores: container.resolve(CustomKeyStoreQueryService),
    keys: container.resolve(KeyQueryService),
    faults,
    clock,
    appliance,
  };
}
