// A cluster from CreateCluster to ACTIVE and back to DELETED, on the control plane's fakes.

import { expect } from 'chai';
import { CloudHsmInvalidRequestException } from '../../../src/cloudhsm/cloudhsm.errors';
import { createClusterCsr, signCsrAsCustomer } from '../../../hsm-sim/node/certificates';
import { customerCa, otherCa } from '../../support/pki-fixtures';
import { createControlPlane, SCOPE, type ControlPlane } from './control-plane-fixture';

const THREE_AZS = ['subnet-0000000000000000a', 'subnet-0000000000000000b', 'subnet-0000000000000000c'];

describe('CloudHSM cluster lifecycle', () => {
  let plane: ControlPlane;
  beforeEach(() => (plane = createControlPlane()));
  afterEach(() => plane.database.close());

  async function activeCluster(): Promise<string> {
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS });
    await plane.scheduler.idle();
    const { Hsm } = plane.hsms.createHsm(SCOPE, { ClusterId: Cluster.ClusterId, AvailabilityZone: 'us-east-2a' });
    await plane.scheduler.idle();
    const csr = describe1(Cluster.ClusterId).Certificates.ClusterCsr!;
    plane.clusters.initializeCluster(SCOPE, { ClusterId: Cluster.ClusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem });
    await plane.scheduler.idle();
    plane.appliance.activate(Hsm.HsmId);
    return Cluster.ClusterId;
  }

  function describe1(clusterId: string) {
    return plane.clusters.describeClusters(SCOPE, { Filters: { clusterIds: [clusterId] } }).Clusters[0]!;
  }

  it('creates a cluster with its security group, CREATE_IN_PROGRESS then UNINITIALIZED', async () => {
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS, TagList: [{ Key: 'team', Value: 'kms' }] });
    expect(Cluster).to.include({ State: 'CREATE_IN_PROGRESS', HsmType: 'hsm1.medium', VpcId: 'vpc-00000000000000001', Mode: 'FIPS', BackupPolicy: 'DEFAULT' });
    expect(Cluster.ClusterId).to.match(/^cluster-[2-7a-z]{11}$/);
    expect(Cluster.SubnetMapping).to.deep.equal({ 'us-east-2a': THREE_AZS[0], 'us-east-2b': THREE_AZS[1], 'us-east-2c': THREE_AZS[2] });
    expect(Cluster.BackupRetentionPolicy).to.deep.equal({ Type: 'DAYS', Value: '90' });
    expect(Cluster.Hsms).to.deep.equal([]);
    expect(Cluster.Certificates).to.deep.equal({});
    expect(plane.network.securityGroups.get(Cluster.SecurityGroup)).to.equal(`cloudhsm-${Cluster.ClusterId}-sg`);
    await plane.scheduler.idle();
    expect(describe1(Cluster.ClusterId).State).to.equal('UNINITIALIZED');
  });

  it('refuses subnets in two VPCs, two subnets in one AZ, unknown subnets and HSM types', () => {
    const refused = (SubnetIds: string[], HsmType = 'hsm1.medium') =>
      expect(() => plane.clusters.createCluster(SCOPE, { HsmType, SubnetIds })).to.throw(CloudHsmInvalidRequestException);
    refused(['subnet-0000000000000000a', 'subnet-0000000000000000d']);
    refused(['subnet-0000000000000000a', 'subnet-0000000000000000e']);
    refused(['subnet-00000000000000099']);
    refused(THREE_AZS, 'hsm9.huge');
    expect(plane.clusters.describeClusters(SCOPE, {}).Clusters).to.deep.equal([]);
  });

  it('gives the cluster CSR and hardware certificates once the first HSM is ACTIVE', async () => {
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS });
    await plane.scheduler.idle();
    const { Hsm } = plane.hsms.createHsm(SCOPE, { ClusterId: Cluster.ClusterId, AvailabilityZone: 'us-east-2b' });
    expect(Hsm).to.include({ State: 'CREATE_IN_PROGRESS', SubnetId: THREE_AZS[1], AvailabilityZone: 'us-east-2b' });
    await plane.scheduler.idle();
    const described = describe1(Cluster.ClusterId);
    expect(described.Hsms[0]).to.include({ HsmId: Hsm.HsmId, State: 'ACTIVE', StateMessage: 'HSM created.' });
    expect(described.Certificates.ClusterCsr).to.match(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(described.Certificates).to.have.keys('ClusterCsr', 'HsmCertificate', 'AwsHardwareCertificate', 'ManufacturerHardwareCertificate');
    expect(plane.appliance.launches[0]).to.include({ firstHsm: true });
  });

  it('initialises with a certificate signed for the CSR by the trust anchor, and refuses one from another CA', async () => {
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS });
    await plane.scheduler.idle();
    expect(() => plane.clusters.initializeCluster(SCOPE, { ClusterId: Cluster.ClusterId, SignedCert: 'x', TrustAnchor: 'y' })).to.throw(/create its first HSM/);
    plane.hsms.createHsm(SCOPE, { ClusterId: Cluster.ClusterId, AvailabilityZone: 'us-east-2a' });
    await plane.scheduler.idle();
    const csr = describe1(Cluster.ClusterId).Certificates.ClusterCsr!;

    const otherKey = signCsrAsCustomer(createClusterCsr(Cluster.ClusterId).csrPem, customerCa);
    expect(() => plane.clusters.initializeCluster(SCOPE, { ClusterId: Cluster.ClusterId, SignedCert: otherKey, TrustAnchor: customerCa.certPem })).to.throw(CloudHsmInvalidRequestException);
    expect(() => plane.clusters.initializeCluster(SCOPE, { ClusterId: Cluster.ClusterId, SignedCert: signCsrAsCustomer(csr, otherCa), TrustAnchor: customerCa.certPem })).to.throw(CloudHsmInvalidRequestException);
    expect(describe1(Cluster.ClusterId).State).to.equal('UNINITIALIZED');

    const signed = signCsrAsCustomer(csr, customerCa);
    expect(plane.clusters.initializeCluster(SCOPE, { ClusterId: Cluster.ClusterId, SignedCert: signed, TrustAnchor: customerCa.certPem })).to.deep.equal({
      State: 'INITIALIZE_IN_PROGRESS',
      StateMessage: 'Cluster is initializing. State will change to INITIALIZED upon completion.',
    });
    await plane.scheduler.idle();
    const initialized = describe1(Cluster.ClusterId);
    expect(initialized.State).to.equal('INITIALIZED');
    expect(initialized.Certificates.ClusterCertificate).to.equal(signed);
    expect(initialized.Certificates.ClusterCsr).to.equal(undefined);
    expect(plane.appliance.installed).to.have.length(1);
  });

  it('turns ACTIVE when an HSM reports activation; later HSMs are cloned from an active one', async () => {
    const clusterId = await activeCluster();
    expect(describe1(clusterId).State).to.equal('ACTIVE');
    plane.hsms.createHsm(SCOPE, { ClusterId: clusterId, AvailabilityZone: 'us-east-2c' });
    await plane.scheduler.idle();
    const second = plane.appliance.launches[1]!;
    expect(second.firstHsm).to.equal(false);
    expect(second.cloneFrom?.hsmId).to.equal(plane.appliance.launches[0]!.hsm.hsmId);
    expect(describe1(clusterId).Hsms.map((hsm) => hsm.State)).to.deep.equal(['ACTIVE', 'ACTIVE']);
  });

  it('marks an HSM whose process died DEGRADED, and ACTIVE again once a restart brings its process back', async () => {
    const clusterId = await activeCluster();
    const { HsmId } = describe1(clusterId).Hsms[0]!;
    plane.hsms.hsmDied(HsmId);
    expect(describe1(clusterId).Hsms[0]).to.include({ State: 'DEGRADED', StateMessage: 'HSM is not responding.' });
    await plane.hsms.resumeAll();
    expect(plane.appliance.resumed).to.deep.equal([HsmId]);
    expect(describe1(clusterId).Hsms[0]).to.include({ State: 'ACTIVE', StateMessage: 'HSM created.' });
  });

  it('refuses to delete a cluster that has HSMs; deletes HSMs (by ENI IP) and then the cluster', async () => {
    const clusterId = await activeCluster();
    expect(() => plane.clusters.deleteCluster(SCOPE, { ClusterId: clusterId })).to.throw(/delete them first/);
    const hsm = describe1(clusterId).Hsms[0]!;
    expect(() => plane.hsms.deleteHsm(SCOPE, { ClusterId: clusterId })).to.throw(/exactly one/);
    expect(plane.hsms.deleteHsm(SCOPE, { ClusterId: clusterId, EniIp: hsm.EniIp })).to.deep.equal({ HsmId: hsm.HsmId });
    await plane.scheduler.idle();
    expect(plane.appliance.destroyed).to.deep.equal([hsm.HsmId]);
    expect(plane.network.enis.size).to.equal(0);
    const { Cluster } = plane.clusters.deleteCluster(SCOPE, { ClusterId: clusterId });
    expect(Cluster).to.include({ State: 'DELETE_IN_PROGRESS', StateMessage: 'The cluster is being deleted.' });
    await plane.scheduler.idle();
    expect(describe1(clusterId).State).to.equal('DELETED');
    expect(plane.network.securityGroups.size).to.equal(0);
  });

  it('filters and pages DescribeClusters', async () => {
    for (let index = 0; index < 3; index += 1) plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS });
    await plane.scheduler.idle();
    const first = plane.clusters.describeClusters(SCOPE, { MaxResults: 2 });
    expect(first.Clusters).to.have.length(2);
    const second = plane.clusters.describeClusters(SCOPE, { MaxResults: 2, NextToken: first.NextToken! });
    expect(second.Clusters).to.have.length(1);
    expect(second.NextToken).to.equal(undefined);
    expect(plane.clusters.describeClusters(SCOPE, { Filters: { states: ['ACTIVE'] } }).Clusters).to.deep.equal([]);
    expect(plane.clusters.describeClusters({ ...SCOPE, region: 'eu-west-1' }, {}).Clusters).to.deep.equal([]);
    expect(() => plane.clusters.describeClusters(SCOPE, { NextToken: 'garbage' })).to.throw(CloudHsmInvalidRequestException);
  });

  it('keeps at most 4 clusters per Region', () => {
    for (let index = 0; index < 4; index += 1) plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS });
    expect(() => plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: THREE_AZS })).to.throw(/quota/);
  });
});
