// What KMS requires of a cluster before it associates a store with it, connects the store or makes a key
// in it (aws-behaviour 5). Each refusal says what is wrong and how to fix it, as AWS's "Troubleshooting a
// custom key store" page does.

import { inject, injectable } from 'tsyringe';
import { ClusterState } from '../../cloudhsm/domain/cluster.states';
import { HsmState } from '../../cloudhsm/domain/hsm.states';
import { CloudHsmClusterInvalidConfigurationException, CloudHsmClusterNotActiveException } from '../kms.errors';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { AccountRegion } from './domain/custom-key-store';
import type { ClusterFacts } from './ports/cluster-directory.port';
import type { KeyStoreNetwork } from './ports/key-store-network.port';

const NOT_ACTIVE_FIXES: Partial<Record<ClusterState, string>> = {
  [ClusterState.CREATE_IN_PROGRESS]: 'Wait until it is ACTIVE.',
  [ClusterState.UNINITIALIZED]: 'Initialize it (InitializeCluster) and activate it first.',
  [ClusterState.INITIALIZE_IN_PROGRESS]: 'Wait until it is INITIALIZED, then activate it.',
  [ClusterState.INITIALIZED]: 'Activate it: log in as the precrypto officer and change its password (cmu changePswd PRECO admin, or cloudhsm-cli cluster activate).',
};

@injectable()
export class ClusterPrerequisites {
  constructor(@inject(CustomKeyStoreTokens.Network) private readonly network: KeyStoreNetwork) {}

  // 5: the cluster State must be ACTIVE (initialized and activated).
  requireActive(cluster: ClusterFacts): void {
    if (cluster.state === ClusterState.ACTIVE) return;
    const fix = NOT_ACTIVE_FIXES[cluster.state] ?? 'Wait until it is ACTIVE, or choose another cluster.';
    throw new CloudHsmClusterNotActiveException(`Cluster ${cluster.clusterId} is ${cluster.state}; a custom key store needs an ACTIVE cluster. ${fix}`);
  }

  /** The security group and subnets: all that ConnectCustomKeyStore checks before it starts (2.2). */
  requireNetwork(scope: AccountRegion, cluster: ClusterFacts): void {
    this.requireSecurityGroup(scope, cluster);
    requireTwoZones(cluster);
  }

  /** Network and HSMs: what a store's cluster needs to hold keys (2.1 Create, 2.5 Update, 2.7 CreateKey). */
  requireKeyReady(scope: AccountRegion, cluster: ClusterFacts): void {
    this.requireNetwork(scope, cluster);
    requireTwoActiveHsms(cluster);
  }

  // 5: the cluster SG must allow TCP 2223-2225 inbound and outbound with itself as source and destination.
  private requireSecurityGroup(scope: AccountRegion, cluster: ClusterFacts): void {
    const group = cluster.securityGroup;
    const missing = this.network.missingHsmPortRules(scope.accountId, scope.region, group);
    if (missing === undefined) {
      throw new CloudHsmClusterInvalidConfigurationException(
        `The security group ${group} of cluster ${cluster.clusterId} does not exist. KMS reaches the HSMs through it; create a cluster from a backup of this one to get a new security group.`,
      );
    }
    if (missing.length === 0) return;
    const rules = missing.map((direction) => (direction === 'ingress' ? 'an inbound rule from the group itself' : 'an outbound rule to the group itself'));
    throw new CloudHsmClusterInvalidConfigurationException(
      `The security group ${group} of cluster ${cluster.clusterId} lacks ${rules.join(' and ')} for TCP ports 2223-2225. ` +
        `Restore the rule${missing.length > 1 ? 's' : ''} CloudHSM created (${missing.map((direction) => `aws ec2 authorize-security-group-${direction} --group-id ${group} --protocol tcp --port 2223-2225 --source-group ${group}`).join('; ')}) and leave this group unchanged.`,
    );
  }
}

// 5: the cluster's private subnets must be in at least two Availability Zones.
function requireTwoZones(cluster: ClusterFacts): void {
  const zones = Object.keys(cluster.subnetMapping);
  if (zones.length >= 2) return;
  throw new CloudHsmClusterInvalidConfigurationException(
    `Cluster ${cluster.clusterId} has private subnets in ${zones.length} Availability Zone${zones.length === 1 ? '' : 's'} (${zones.join(', ') || 'none'}); KMS needs subnets in at least two. Create a cluster from a backup of this one with subnets in two or more Availability Zones.`,
  );
}

// 2.1, 2.7: at least two ACTIVE HSMs in different Availability Zones.
function requireTwoActiveHsms(cluster: ClusterFacts): void {
  const active = cluster.hsms.filter((hsm) => hsm.state === HsmState.ACTIVE);
  const zonesWithHsm = new Set(active.map((hsm) => hsm.availabilityZone));
  if (zonesWithHsm.size >= 2) return;
  const has = active.length === 0 ? 'no ACTIVE HSM' : `ACTIVE HSMs only in ${[...zonesWithHsm].join(', ')} (${active.map((hsm) => hsm.hsmId).join(', ')})`;
  const missingZones = Object.keys(cluster.subnetMapping).filter((zone) => !zonesWithHsm.has(zone));
  const needed = 2 - zonesWithHsm.size;
  throw new CloudHsmClusterInvalidConfigurationException(
    `Cluster ${cluster.clusterId} has ${has}; KMS needs at least two ACTIVE HSMs in different Availability Zones. ` +
      `Add ${needed === 1 ? 'an HSM' : 'HSMs'} in ${missingZones.join(' or ')} (aws cloudhsmv2 create-hsm --cluster-id ${cluster.clusterId} --availability-zone ${missingZones[0] ?? '<zone>'}) and wait until ${needed === 1 ? 'it is' : 'they are'} ACTIVE.`,
  );
}
