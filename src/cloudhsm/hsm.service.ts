// CloudHSM V2 HSM operations: CreateHsm and DeleteHsm (aws-behaviour 6.3, 6.7), and what follows them:
// the node process starts, the first HSM of an uninitialised cluster produces the cluster CSR.

import { inject, injectable } from 'tsyringe';
import { createClusterCsr } from '../../hsm-sim/node/certificates';
import type { Clock } from '../shared/clock';
import type { IdGenerator } from '../shared/ids';
import { Tokens } from '../shared/injection-tokens';
import type { Scheduler } from '../shared/scheduler';
import { BackupService } from './backup.service';
import { CloudHsmInvalidRequestException } from './cloudhsm.errors';
import { CloudHsmDurations } from './cloudhsm.durations';
import { CloudHsmTokens } from './cloudhsm.tokens';
import { hsmView } from './cloudhsm.views';
import { ClusterService, type RequestScope } from './cluster.service';
import type { HsmRecord } from './domain/cluster';
import type { HsmShape } from './domain/cloudhsm.shapes';
import { ClusterState } from './domain/cluster.states';
import { HsmState, nextHsmState, type HsmEvent } from './domain/hsm.states';
import type { CloudHsmNetwork } from './ports/cloudhsm-network.port';
import type { HsmAddress, HsmAppliance } from './ports/hsm-appliance.port';
import type { ClusterRepository } from './ports/cluster.repository';

/** aws-behaviour 8.2: HSMs per cluster (not adjustable) and per account and Region. */
export const HSMS_PER_CLUSTER = 28;
export const HSMS_PER_REGION = 6;

@injectable()
export class HsmService {
  constructor(
    @inject(CloudHsmTokens.ClusterRepository) private readonly repository: ClusterRepository,
    @inject(CloudHsmTokens.CloudHsmNetwork) private readonly network: CloudHsmNetwork,
    @inject(CloudHsmTokens.HsmAppliance) private readonly appliance: HsmAppliance,
    @inject(CloudHsmTokens.Scheduler) private readonly scheduler: Scheduler,
    @inject(CloudHsmTokens.IdGenerator) private readonly ids: IdGenerator,
    @inject(Tokens.Clock) private readonly clock: Clock,
    @inject(ClusterService) private readonly clusters: ClusterService,
    @inject(BackupService) private readonly backups: BackupService,
  ) {}

  createHsm(scope: RequestScope, input: { ClusterId: string; AvailabilityZone: string; IpAddress?: string }): { Hsm: HsmShape } {
    const hsm = this.repository.transaction(() => {
      const cluster = this.clusters.requireCluster(scope, input.ClusterId, 'CreateHsm');
      // 6.3 CreateHsm: the Availability Zone must be one of the cluster's subnets'.
      const subnetId = cluster.subnetMapping[input.AvailabilityZone];
      if (!subnetId) {
        throw new CloudHsmInvalidRequestException(
          `Cluster ${cluster.clusterId} has no subnet in ${input.AvailabilityZone}; its Availability Zones are ${Object.keys(cluster.subnetMapping).join(', ')}.`,
        );
      }
      const members = this.repository.hsmsOf(cluster.clusterId);
      if (members.length >= HSMS_PER_CLUSTER) {
        throw new CloudHsmInvalidRequestException(`Cluster ${cluster.clusterId} already has ${HSMS_PER_CLUSTER} HSMs, the most a cluster can have.`);
      }
      const inRegion = this.repository.listClusters(scope.accountId, scope.region).reduce((count, other) => count + this.repository.hsmsOf(other.clusterId).length, 0);
      if (inRegion >= HSMS_PER_REGION) {
        throw new CloudHsmInvalidRequestException(`This account already has ${inRegion} HSMs in ${scope.region}, the quota (${HSMS_PER_REGION}).`);
      }
      const hsmId = this.ids.cloudHsm('hsm');
      const eni = this.network.allocateNetworkInterface({
        accountId: scope.accountId,
        region: scope.region,
        subnetId,
        securityGroupId: cluster.securityGroup,
        description: `CloudHSM Managed Interface for ${hsmId}`,
        ...(input.IpAddress ? { ipAddress: input.IpAddress } : {}),
      });
      const usedSlots = new Set(members.map((member) => member.slot));
      const record: HsmRecord = {
        accountId: scope.accountId,
        region: scope.region,
        clusterId: cluster.clusterId,
        hsmId,
        availabilityZone: input.AvailabilityZone,
        subnetId,
        eniId: eni.eniId,
        eniIp: eni.ipAddress,
        hsmType: cluster.hsmType,
        state: HsmState.CREATE_IN_PROGRESS,
        stateMessage: 'HSM is being created.',
        slot: [...Array(HSMS_PER_CLUSTER).keys()].find((slot) => !usedSlots.has(slot))!,
        createTimestamp: this.clock.now(),
      };
      this.repository.saveHsm(record);
      return record;
    });
    this.scheduler.after(CloudHsmDurations.createHsm, () => this.startHsm(hsm.hsmId));
    return { Hsm: hsmView(hsm) };
  }

  deleteHsm(scope: RequestScope, input: { ClusterId: string; HsmId?: string; EniId?: string; EniIp?: string }): { HsmId: string } {
    const given = [input.HsmId, input.EniId, input.EniIp].filter((value) => value !== undefined);
    // 6.3 DeleteHsm: exactly one of HsmId, EniId, EniIp.
    if (given.length !== 1) throw new CloudHsmInvalidRequestException('Give exactly one of HsmId, EniId or EniIp.');
    const hsm = this.repository.transaction(() => {
      const cluster = this.clusters.requireCluster(scope, input.ClusterId, 'DeleteHsm');
      const target = this.repository
        .hsmsOf(cluster.clusterId)
        .find((candidate) => candidate.hsmId === input.HsmId || candidate.eniId === input.EniId || candidate.eniIp === input.EniIp);
      if (!target) throw new CloudHsmInvalidRequestException(`Cluster ${cluster.clusterId} has no HSM ${given[0]}.`);
      if (target.state === HsmState.DELETE_IN_PROGRESS) return target;
      target.state = this.next(target, 'delete');
      target.stateMessage = 'HSM is being deleted.';
      this.repository.saveHsm(target);
      return target;
    });
    this.scheduler.after(CloudHsmDurations.deleteHsm, () => this.removeHsm(hsm.hsmId));
    return { HsmId: hsm.hsmId };
  }

  /** Where a cluster's HSMs listen, for the admin tools (the simulator's stand-in for cmu's config file). */
  hsmAddresses(clusterId: string): { hsm: HsmRecord; address?: HsmAddress }[] | undefined {
    if (!this.repository.getCluster(clusterId)) return undefined;
    return this.repository.hsmsOf(clusterId).map((hsm) => {
      const address = this.appliance.address(hsm.hsmId);
      return { hsm, ...(address ? { address } : {}) };
    });
  }

  /** After a simulator restart: every HSM process comes back with its users and keys. */
  async resumeAll(): Promise<void> {
    for (const cluster of this.repository.allClusters()) {
      const hsms = this.repository.hsmsOf(cluster.clusterId);
      const running = hsms.filter((hsm) => hsm.state === HsmState.ACTIVE || hsm.state === HsmState.DEGRADED);
      const resumed = running.length > 0 ? await this.appliance.resume(cluster, running) : [];
      // An HSM whose process had died is answering again.
      for (const hsmId of resumed) this.hsmRestarted(hsmId);
      for (const hsm of hsms) {
        if (hsm.state === HsmState.CREATE_IN_PROGRESS) this.scheduler.after(0, () => this.startHsm(hsm.hsmId));
        if (hsm.state === HsmState.DELETE_IN_PROGRESS) this.scheduler.after(0, () => this.removeHsm(hsm.hsmId));
      }
    }
  }

  /** The HSM's process died (fault injection or crash): DEGRADED until it is back. */
  hsmDied(hsmId: string): void {
    this.processEvent(hsmId, 'processDied', 'HSM is not responding.');
  }

  /** The process of a DEGRADED HSM runs again (a restart, or a killed HSM healed): ACTIVE. */
  hsmRestarted(hsmId: string): void {
    this.processEvent(hsmId, 'processBack', 'HSM created.');
  }

  /** The HSM's Availability Zone is down: DEGRADED until it is back. */
  hsmUnreachable(hsmId: string): void {
    this.processEvent(hsmId, 'unreachable', 'HSM is not reachable: its Availability Zone is unavailable.');
  }

  hsmReachable(hsmId: string): void {
    this.processEvent(hsmId, 'reachable', 'HSM created.');
  }

  /** What happened to the HSM's process or its zone, where its state table allows it; otherwise nothing. */
  private processEvent(hsmId: string, event: 'processDied' | 'processBack' | 'unreachable' | 'reachable', stateMessage: string): void {
    this.repository.transaction(() => {
      const hsm = this.repository.getHsm(hsmId);
      const next = hsm && nextHsmState(hsm.state, event);
      if (!hsm || !next) return;
      this.repository.saveHsm({ ...hsm, state: next, stateMessage });
    });
  }

  private async startHsm(hsmId: string): Promise<void> {
    const hsm = this.repository.getHsm(hsmId);
    const cluster = hsm && this.repository.getCluster(hsm.clusterId);
    if (!hsm || !cluster || hsm.state !== HsmState.CREATE_IN_PROGRESS) return;
    const peers = this.repository.hsmsOf(cluster.clusterId).filter((peer) => peer.state === HsmState.ACTIVE);
    // 6.6: the PRECO exists only on the first HSM of a never-activated cluster; 6.7: later HSMs are clones.
    const cloneFrom = peers[0];
    // 6.4, 6.7: with no HSM left to clone, an HSM of an activated cluster (or one made from a backup) starts from the latest backup.
    const restoreSnapshotFile = cloneFrom || !cluster.activated ? undefined : this.backups.latestBackupFile(cluster.clusterId, cluster.sourceBackupId);
    await this.appliance.launch({
      cluster,
      hsm,
      firstHsm: !cloneFrom && !cluster.activated,
      ...(cloneFrom ? { cloneFrom } : {}),
      ...(restoreSnapshotFile ? { restoreSnapshotFile } : {}),
      peers,
    });
    this.repository.transaction(() => {
      const current = this.repository.getHsm(hsmId)!;
      current.state = this.next(current, 'created');
      current.stateMessage = 'HSM created.';
      this.repository.saveHsm(current);
      const owner = this.repository.getCluster(current.clusterId)!;
      // 6.2 [S10]: the cluster CSR appears once the first HSM exists.
      if (owner.state === ClusterState.UNINITIALIZED && !owner.certificates.ClusterCsr) {
        const csr = createClusterCsr(owner.clusterId);
        owner.certificates = { ...owner.certificates, ...this.appliance.hardwareCertificates(hsmId), ClusterCsr: csr.csrPem };
        owner.internal = { ...owner.internal, clusterKeyPem: csr.keyPem };
        this.repository.saveCluster(owner);
      }
    });
    this.appliance.peersChanged(cluster, this.repository.hsmsOf(cluster.clusterId).filter((peer) => peer.state === HsmState.ACTIVE));
    // 6.8: a backup is taken when an HSM is added to an active cluster.
    if (this.repository.getCluster(cluster.clusterId)?.state === ClusterState.ACTIVE) await this.backups.takeBackup(cluster.clusterId);
  }

  private async removeHsm(hsmId: string): Promise<void> {
    const hsm = this.repository.getHsm(hsmId);
    if (!hsm) return;
    // 6.8: a backup is taken when an HSM is removed from an active cluster: from the leaving HSM, which is still running.
    if (this.repository.getCluster(hsm.clusterId)?.state === ClusterState.ACTIVE && this.appliance.address(hsmId)) {
      await this.backups.takeBackup(hsm.clusterId, hsm);
    }
    await this.appliance.destroy(hsmId);
    this.repository.transaction(() => {
      this.network.releaseNetworkInterface(hsm.accountId, hsm.region, hsm.eniId);
      this.repository.deleteHsm(hsmId);
    });
    const cluster = this.repository.getCluster(hsm.clusterId);
    if (!cluster) return;
    this.appliance.peersChanged(cluster, this.repository.hsmsOf(cluster.clusterId).filter((peer) => peer.state === HsmState.ACTIVE));
  }

  private next(hsm: HsmRecord, event: HsmEvent): HsmState {
    const state = nextHsmState(hsm.state, event);
    if (!state) throw new CloudHsmInvalidRequestException(`HSM ${hsm.hsmId} is ${hsm.state}; '${event}' is not possible now.`);
    return state;
  }
}
