// CreateCustomKeyStore, UpdateCustomKeyStore and DeleteCustomKeyStore (aws-behaviour 2.1, 2.5, 2.6, 5).

import { inject, injectable } from 'tsyringe';
import type { Clock } from '../../shared/clock';
import type { IdGenerator } from '../../shared/ids';
import { Tokens } from '../../shared/injection-tokens';
import {
  CloudHsmClusterNotFoundException,
  CustomKeyStoreHasCMKsException,
  CustomKeyStoreNameInUseException,
  LimitExceededException,
  UnsupportedOperationException,
} from '../kms.errors';
import { ClusterPrerequisites } from './cluster-prerequisites';
import { CustomKeyStoreTokens } from './custom-key-store.tokens';
import type { AccountRegion, CustomKeyStoreRecord } from './domain/custom-key-store';
import { ConnectionState, KeyStoreOperation } from './domain/custom-key-store.states';
import { requireRelated, requireTrustAnchor, requireUnused } from './domain/store-cluster.rules';
import { checkPasswordLength, isRetryOf, required } from './domain/store-request.rules';
import type { ClusterDirectory, ClusterFacts } from './ports/cluster-directory.port';
import type { CustomKeyStoreRepository } from './ports/custom-key-store.repository';
import type { KeyCounter } from './ports/key-counter.port';
import { requireLegal, requireStore } from './require-store';

/** aws-behaviour 8.1: custom key stores per account and Region, CloudHSM and external, in any state. */
export const CUSTOM_KEY_STORES_PER_REGION = 10;

export interface CreateCustomKeyStoreInput {
  readonly CustomKeyStoreName: string;
  readonly CloudHsmClusterId?: string;
  readonly TrustAnchorCertificate?: string;
  readonly KeyStorePassword?: string;
  readonly CustomKeyStoreType?: string;
}

export interface UpdateCustomKeyStoreInput {
  readonly CustomKeyStoreId: string;
  readonly NewCustomKeyStoreName?: string;
  readonly KeyStorePassword?: string;
  readonly CloudHsmClusterId?: string;
}

@injectable()
export class CustomKeyStoreService {
  constructor(
    @inject(CustomKeyStoreTokens.Repository) private readonly repository: CustomKeyStoreRepository,
    @inject(CustomKeyStoreTokens.ClusterDirectory) private readonly directory: ClusterDirectory,
    @inject(CustomKeyStoreTokens.KeyCounter) private readonly countKeys: KeyCounter,
    @inject(CustomKeyStoreTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: Clock,
    @inject(ClusterPrerequisites) private readonly prerequisites: ClusterPrerequisites,
  ) {}

  createCustomKeyStore(scope: AccountRegion, input: CreateCustomKeyStoreInput): { CustomKeyStoreId: string } {
    // SIM: external key stores (XKS) are not simulated.
    if (input.CustomKeyStoreType === 'EXTERNAL_KEY_STORE') throw new UnsupportedOperationException('This simulator has AWS CloudHSM key stores only; external key stores are not simulated.');
    const clusterId = required(input.CloudHsmClusterId, 'CloudHsmClusterId');
    const trustAnchor = required(input.TrustAnchorCertificate, 'TrustAnchorCertificate');
    const password = required(input.KeyStorePassword, 'KeyStorePassword');
    checkPasswordLength(password);
    const name = input.CustomKeyStoreName;

    return this.repository.transaction(() => {
      const stores = this.repository.list(scope.accountId, scope.region);
      // 2.1: a retry of a create returns the store it made.
      const retried = stores.find((store) => isRetryOf(store, { name, clusterId, trustAnchor, password }));
      if (retried) return { CustomKeyStoreId: retried.customKeyStoreId };
      this.requireFreeName(stores, name);
      const cluster = this.requireCluster(scope, clusterId);
      requireUnused(stores, cluster);
      this.prerequisites.requireActive(cluster);
      this.prerequisites.requireKeyReady(scope, cluster);
      requireTrustAnchor(cluster, trustAnchor);
      if (stores.length >= CUSTOM_KEY_STORES_PER_REGION) {
        throw new LimitExceededException(
          `This account already has ${stores.length} custom key stores in ${scope.region}, the most it may have (${CUSTOM_KEY_STORES_PER_REGION}). Delete one you no longer need (DeleteCustomKeyStore).`,
        );
      }
      const store: CustomKeyStoreRecord = {
        accountId: scope.accountId,
        region: scope.region,
        customKeyStoreId: this.ids.customKeyStore(),
        name,
        cloudHsmClusterId: cluster.clusterId,
        clusterCertificate: cluster.clusterCertificate ?? '',
        trustAnchorCertificate: trustAnchor,
        keyStorePassword: password,
        // 2.1: a new store is DISCONNECTED; KMS neither connects nor logs in.
        connectionState: ConnectionState.DISCONNECTED,
        creationDate: this.clock.now(),
        connectionAttempt: 0,
      };
      this.repository.save(store);
      return { CustomKeyStoreId: store.customKeyStoreId };
    });
  }

  updateCustomKeyStore(scope: AccountRegion, input: UpdateCustomKeyStoreInput): Record<string, never> {
    if (input.KeyStorePassword !== undefined) checkPasswordLength(input.KeyStorePassword);
    this.repository.transaction(() => {
      const store = requireStore(this.repository, scope, input.CustomKeyStoreId);
      const changesCredentialsOrCluster = input.KeyStorePassword !== undefined || input.CloudHsmClusterId !== undefined;
      if (!changesCredentialsOrCluster && input.NewCustomKeyStoreName === undefined) return;
      // 2.5: a new name when CONNECTED or DISCONNECTED; a password or cluster only when DISCONNECTED.
      requireLegal(store, changesCredentialsOrCluster ? KeyStoreOperation.UPDATE_PASSWORD_OR_CLUSTER : KeyStoreOperation.UPDATE_NAME);
      if (input.NewCustomKeyStoreName !== undefined && input.NewCustomKeyStoreName !== store.name) {
        this.requireFreeName(this.repository.list(scope.accountId, scope.region), input.NewCustomKeyStoreName);
        store.name = input.NewCustomKeyStoreName;
      }
      if (input.CloudHsmClusterId !== undefined) {
        const cluster = this.requireCluster(scope, input.CloudHsmClusterId);
        requireRelated(store, cluster);
        this.prerequisites.requireActive(cluster);
        this.prerequisites.requireKeyReady(scope, cluster);
        store.cloudHsmClusterId = cluster.clusterId;
      }
      // 2.5: this only tells KMS kmsuser's current password; nothing changes in the cluster.
      if (input.KeyStorePassword !== undefined) {
        store.keyStorePassword = input.KeyStorePassword;
        // The user has set kmsuser's password: a rotation an earlier crash left pending no longer matters.
        delete store.pendingKeyStorePassword;
      }
      this.repository.save(store);
    });
    return {};
  }

  deleteCustomKeyStore(scope: AccountRegion, input: { CustomKeyStoreId: string }): Record<string, never> {
    this.repository.transaction(() => {
      const store = requireStore(this.repository, scope, input.CustomKeyStoreId);
      requireLegal(store, KeyStoreOperation.DELETE);
      // 2.6: no KMS keys at all, keys pending deletion included.
      const keys = this.countKeys(store.customKeyStoreId);
      if (keys > 0) {
        throw new CustomKeyStoreHasCMKsException(
          `Custom key store ${store.customKeyStoreId} still holds ${keys} KMS key${keys === 1 ? '' : 's'}. Schedule ${keys === 1 ? 'it' : 'them'} for deletion (ScheduleKeyDeletion) and delete the store once the waiting period has ended.`,
        );
      }
      this.repository.delete(store.customKeyStoreId);
    });
    return {};
  }

  private requireCluster(scope: AccountRegion, clusterId: string): ClusterFacts {
    const cluster = this.directory.cluster(scope.accountId, scope.region, clusterId);
    if (!cluster) {
      throw new CloudHsmClusterNotFoundException(
        `There is no CloudHSM cluster ${clusterId} in account ${scope.accountId}, Region ${scope.region}. Check the ID with DescribeClusters; the cluster must be in the same account and Region as the custom key store.`,
      );
    }
    return cluster;
  }

  // 2.0: names are unique per account and Region.
  private requireFreeName(stores: readonly CustomKeyStoreRecord[], name: string): void {
    const holder = stores.find((store) => store.name === name);
    if (holder) throw new CustomKeyStoreNameInUseException(`The name ${name} is already used by custom key store ${holder.customKeyStoreId} in this account and Region. Choose another name.`);
  }
}
