// The appliance's fault controls, as the control plane calls them: kill an HSM and start it again,
// hang and unhang it, read its process state, send it faults and change a user's password on it.

import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readLaunchFile } from '../../../../hsm-sim/fleet/launch-file';
import { FleetAppliance } from '../../../../src/adapters/appliance/fleet-appliance';
import type { ClusterRecord, HsmRecord } from '../../../../src/cloudhsm/domain/cluster';
import { createTempDir, removeTempDir } from '../../../support/temp-dir';

const NODE_ENTRY = join(__dirname, '..', '..', '..', '..', 'hsm-sim', 'node-process', 'node-main.js');

describe('FleetAppliance fault controls', function () {
  this.timeout(60_000);
  let dataDir: string;
  let appliance: FleetAppliance;
  const subnet = 16 + Math.floor(Math.random() * 200);
  const cluster = { clusterId: 'cluster-faults01', hsmType: 'hsm2m.medium', internal: { syncKeyHex: randomBytes(32).toString('hex') }, certificates: {} } as unknown as ClusterRecord;
  const hsm = (index: number) => ({ hsmId: `hsm-${randomBytes(6).toString('hex').slice(0, 11)}`, eniIp: `10.0.${subnet}.${20 + index}`, slot: index }) as unknown as HsmRecord;
  let first: HsmRecord;
  let second: HsmRecord;

  before(async () => {
    dataDir = createTempDir('appliance-faults');
    appliance = new FleetAppliance({ dataDir, nodeEntry: NODE_ENTRY, engine: 'in-memory', ports: 'ephemeral' });
    first = hsm(0);
    second = hsm(1);
    await appliance.launch({ cluster, hsm: first, firstHsm: true, peers: [] });
    await appliance.launch({ cluster, hsm: second, firstHsm: false, cloneFrom: first, peers: [first] });
    appliance.peersChanged(cluster, [first, second]);
  });
  after(async () => {
    await appliance?.stopAll();
    removeTempDir(dataDir);
  });

  it("carries the cluster's HSM type in each HSM's launch file", () => {
    for (const { hsmId } of [first, second]) expect(readLaunchFile(join(dataDir, 'hsms', hsmId)).hsmType).to.equal('hsm2m.medium');
  });

  it('kills an HSM, reports it dead, and starts it again at a new address', async () => {
    const died = new Promise<string>((resolve) => appliance.onDied(resolve));
    await appliance.killHsm(second.hsmId);
    expect(await died).to.equal(second.hsmId);
    expect(appliance.processState(second.hsmId)).to.equal('dead');
    expect(appliance.address(second.hsmId)).to.equal(undefined);

    expect(await appliance.startHsmAgain(second.hsmId)).to.equal(true);
    expect(appliance.processState(second.hsmId)).to.equal('running');
    expect(appliance.address(second.hsmId)?.crypto).to.be.a('number');
  });

  it('hangs and unhangs an HSM', () => {
    appliance.hangHsm(first.hsmId);
    expect(appliance.processState(first.hsmId)).to.equal('hung');
    appliance.unhangHsm(first.hsmId);
    expect(appliance.processState(first.hsmId)).to.equal('running');
    expect(appliance.processState('hsm-unknown')).to.equal(undefined);
  });

  it('passes faults and password changes on to the HSM', async () => {
    appliance.setNodeFaults(first.hsmId, [{ kind: 'hsm-busy', opsPerSecond: 5, faultId: 'busy-1', seed: 1 }]);
    appliance.setNodeFaults(first.hsmId, []);
    const outcome = await appliance.changeUserPassword(first.hsmId, 'kmsuser', 'drifted-pass');
    expect(outcome.changed).to.equal(false);
    expect(outcome).to.have.property('reason').that.matches(/CKR_USER_NOT_FOUND/);
  });
});
