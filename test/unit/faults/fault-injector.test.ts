// The fault registry on the control plane's fakes: validation with messages that list what is valid,
// targets resolved to HSMs, each seam called as the kind says, and healing (by hand and by duration).

import { expect } from 'chai';
import type { ActiveNodeFault } from '../../../hsm-sim/faults/node-fault.types';
import { FaultInjector, type AddFaultRequest } from '../../../src/faults/fault-injector.service';
import { FaultRequestError } from '../../../src/faults/fault-request.error';
import type { FaultSeams, PasswordChange } from '../../../src/faults/ports/fault-seams.port';
import { createControlPlane, SCOPE, type ControlPlane } from '../cloudhsm/control-plane-fixture';
import { SqliteClusterRepository } from '../../../src/adapters/sqlite/sqlite-cluster.repository';
import { signCsrAsCustomer } from '../../../hsm-sim/node/certificates';
import { customerCa } from '../../support/pki-fixtures';

class RecordingSeams implements FaultSeams {
  readonly nodeFaults = new Map<string, readonly ActiveNodeFault[]>();
  readonly calls: string[] = [];
  refuseDrift = new Set<string>();
  onKill: (hsmId: string) => void = () => undefined;

  setNodeFaults(hsmId: string, faults: readonly ActiveNodeFault[]): void {
    this.nodeFaults.set(hsmId, faults);
  }
  async changeUserPassword(hsmId: string, username: string): Promise<PasswordChange> {
    this.calls.push(`password ${hsmId} ${username}`);
    return this.refuseDrift.has(hsmId) ? { changed: false, reason: 'kmsuser is logged in' } : { changed: true };
  }
  async killHsm(hsmId: string): Promise<void> {
    this.calls.push(`kill ${hsmId}`);
    this.onKill(hsmId);
  }
  hangHsm(hsmId: string): void {
    this.calls.push(`hang ${hsmId}`);
  }
  unhangHsm(hsmId: string): void {
    this.calls.push(`unhang ${hsmId}`);
  }
  async startHsmAgain(hsmId: string): Promise<boolean> {
    this.calls.push(`start ${hsmId}`);
    return true;
  }
}

async function rejection(promise: Promise<unknown>): Promise<FaultRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FaultRequestError);
    return error as FaultRequestError;
  }
  throw new Error('expected a FaultRequestError');
}

describe('Fault injector', () => {
  let plane: ControlPlane;
  let seams: RecordingSeams;
  let faults: FaultInjector;
  let hsmA: string;
  let hsmB: string;
  let clusterId: string;

  beforeEach(async () => {
    plane = createControlPlane();
    seams = new RecordingSeams();
    seams.onKill = (hsmId) => plane.hsms.hsmDied(hsmId);
    const { Cluster } = plane.clusters.createCluster(SCOPE, { HsmType: 'hsm1.medium', SubnetIds: ['subnet-0000000000000000a', 'subnet-0000000000000000b'] });
    clusterId = Cluster.ClusterId;
    await plane.scheduler.idle();
    hsmA = plane.hsms.createHsm(SCOPE, { ClusterId: clusterId, AvailabilityZone: 'us-east-2a' }).Hsm.HsmId;
    await plane.scheduler.idle();
    const csr = plane.clusters.describeClusters(SCOPE, { Filters: { clusterIds: [clusterId] } }).Clusters[0]!.Certificates.ClusterCsr!;
    plane.clusters.initializeCluster(SCOPE, { ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem });
    await plane.scheduler.idle();
    plane.appliance.activate(hsmA);
    await plane.scheduler.idle();
    hsmB = plane.hsms.createHsm(SCOPE, { ClusterId: clusterId, AvailabilityZone: 'us-east-2b' }).Hsm.HsmId;
    await plane.scheduler.idle();
    faults = new FaultInjector(seams, new SqliteClusterRepository(plane.database), plane.hsms);
  });
  afterEach(async () => {
    await faults.reset();
    plane.database.close();
  });

  const stateOf = (hsmId: string): string =>
    plane.clusters.describeClusters(SCOPE, { Filters: { clusterIds: [clusterId] } }).Clusters[0]!.Hsms.find((hsm) => hsm.HsmId === hsmId)!.State;

  it('refuses an unknown kind, listing the valid ones', async () => {
    const error = await rejection(faults.add({ kind: 'hsm-explode', target: { hsmId: hsmA } }));
    expect(error.status).to.equal(400);
    expect(error.message).to.contain('hsm-kill').and.contain('network-partition').and.contain('kmsuser-password-drift');
  });

  it('refuses bad params, listing the valid ones, and changes nothing', async () => {
    const outOfRange = await rejection(faults.add({ kind: 'network-loss', target: { hsmId: hsmA }, params: { probability: 2 } }));
    expect(outOfRange.message).to.contain('probability').and.contain('0 to 1');
    const unknown = await rejection(faults.add({ kind: 'network-latency', target: { hsmId: hsmA }, params: { ms: 5, delay: 3 } }));
    expect(unknown.message).to.contain('unknown param "delay"').and.contain('jitterMs');
    const missing = await rejection(faults.add({ kind: 'hsm-busy', target: { hsmId: hsmA } }));
    expect(missing.message).to.contain('"opsPerSecond" is required');
    expect(faults.list()).to.deep.equal([]);
    expect(seams.nodeFaults.size).to.equal(0);
  });

  it('refuses unknown targets with the valid ones, and an unknown field', async () => {
    const hsm = await rejection(faults.add({ kind: 'hsm-kill', target: { hsmId: 'hsm-nosuchhsm12' } }));
    expect(hsm.status).to.equal(404);
    expect(hsm.message).to.contain(hsmA).and.contain(hsmB);
    const zone = await rejection(faults.add({ kind: 'az-outage', target: { availabilityZone: 'us-east-2c' } }));
    expect(zone.message).to.contain('us-east-2a, us-east-2b');
    const shape = await rejection(faults.add({ kind: 'hsm-kill', target: { hsmId: hsmA, clusterId } }));
    expect(shape.status).to.equal(400);
    const field = await rejection(faults.add({ kind: 'hsm-kill', target: { hsmId: hsmA }, when: 'now' } as AddFaultRequest));
    expect(field.message).to.contain('unknown field when');
  });

  it('puts a node fault on every HSM of a cluster, with its seed, and takes it off on heal', async () => {
    const fault = await faults.add({ kind: 'network-latency', target: { clusterId }, params: { ms: 50 }, seed: 42 });
    expect(fault).to.include({ kind: 'network-latency', seed: 42 });
    expect(fault.params).to.deep.equal({ ms: 50, jitterMs: 0 });
    expect(fault.hsmIds).to.have.members([hsmA, hsmB]);
    expect(seams.nodeFaults.get(hsmA)).to.deep.equal([{ kind: 'network-latency', ms: 50, jitterMs: 0, faultId: fault.faultId, seed: 42 }]);
    expect(faults.list().map((listed) => listed.faultId)).to.deep.equal([fault.faultId]);
    await faults.heal(fault.faultId);
    expect(seams.nodeFaults.get(hsmA)).to.deep.equal([]);
    expect(seams.nodeFaults.get(hsmB)).to.deep.equal([]);
    expect((await rejection(faults.heal(fault.faultId))).status).to.equal(404);
  });

  it('kills an HSM, which is DEGRADED until healed, then ACTIVE again', async () => {
    const fault = await faults.add({ kind: 'hsm-kill', target: { hsmId: hsmB } });
    expect(seams.calls).to.deep.equal([`kill ${hsmB}`]);
    expect(stateOf(hsmB)).to.equal('DEGRADED');
    await faults.heal(fault.faultId);
    expect(seams.calls).to.deep.equal([`kill ${hsmB}`, `start ${hsmB}`]);
    expect(stateOf(hsmB)).to.equal('ACTIVE');
  });

  it('takes a zone down: its HSMs black-holed and DEGRADED, the other zone untouched', async () => {
    const fault = await faults.add({ kind: 'az-outage', target: { availabilityZone: 'us-east-2a' } });
    expect(seams.nodeFaults.get(hsmA)).to.deep.equal([{ kind: 'network-partition', mode: 'blackhole', faultId: fault.faultId, seed: fault.seed }]);
    expect(seams.nodeFaults.has(hsmB)).to.equal(false);
    expect(stateOf(hsmA)).to.equal('DEGRADED');
    expect(stateOf(hsmB)).to.equal('ACTIVE');
    await faults.heal(fault.faultId);
    expect(stateOf(hsmA)).to.equal('ACTIVE');
    expect(seams.nodeFaults.get(hsmA)).to.deep.equal([]);
  });

  it('changes kmsuser password on every HSM, never shows it, and answers 409 when every HSM refuses', async () => {
    const fault = await faults.add({ kind: 'kmsuser-password-drift', target: { clusterId }, params: { password: 'Drifted-pw1' } });
    expect(fault.params).to.deep.equal({ password: '(hidden)' });
    expect(JSON.stringify(faults.list())).not.to.contain('Drifted-pw1');
    expect(seams.calls).to.have.members([`password ${hsmA} kmsuser`, `password ${hsmB} kmsuser`]);
    seams.refuseDrift = new Set([hsmA, hsmB]);
    const refused = await rejection(faults.add({ kind: 'kmsuser-password-drift', target: { clusterId }, params: { password: 'Drifted-pw2' } }));
    expect(refused.status).to.equal(409);
    expect(refused.message).to.contain('Disconnect the custom key store first').and.not.contain('Drifted-pw2');
    expect(faults.list()).to.have.length(1);
  });

  it('heals itself after durationSeconds', async () => {
    const fault = await faults.add({ kind: 'hsm-hang', target: { hsmId: hsmA }, durationSeconds: 0.05 });
    expect(fault.healsAt).to.be.a('string');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(faults.list()).to.deep.equal([]);
    expect(seams.calls).to.deep.equal([`hang ${hsmA}`, `unhang ${hsmA}`]);
  });
});
