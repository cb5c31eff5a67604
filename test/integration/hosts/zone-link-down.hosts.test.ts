// HSMs on other hosts: each Availability Zone is a Linux network namespace with an HSM host agent in it,
// and the control plane (this process) places zone a and zone b on them. The seed runs over the SDK,
// the store connects over the namespaces' links; then zone a's link really goes down: its HSM is
// DEGRADED in DescribeClusters, crypto goes on in zone b, CreateKey is refused (as with the az-outage
// fault); the link comes back, and so does everything. Skipped where the kernel refuses namespaces.

import { DeleteHsmCommand } from '@aws-sdk/client-cloudhsm-v2';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KMS_REGION } from '../../../scripts/bench/kms-client';
import { waitFor } from '../../e2e/support/wait-for';
import { FaultWorld } from '../faults/fault-world';
import { namespacesRefused, NetworkNamespaceHosts } from './network-namespace-hosts';

const ZONE_A = `${KMS_REGION}a`;
const ZONE_B = `${KMS_REGION}b`;

interface PlacedHsm {
  readonly HsmId: string;
  readonly AvailabilityZone: string;
  readonly EniIp: string;
  readonly Host?: string;
}

describe('HSMs on hosts: a zone whose link goes down', function () {
  this.timeout(90_000);
  let hosts: NetworkNamespaceHosts | undefined;
  let world: FaultWorld | undefined;

  before(async function () {
    const refused = namespacesRefused();
    if (refused) {
      console.log(`      skipped: ${refused}`);
      this.skip();
    }
    hosts = await NetworkNamespaceHosts.create([ZONE_A, ZONE_B]);
    world = await FaultWorld.start({ 'hsm-host': hosts.hsmHostFlag, 'hsm-host-token-file': hosts.tokenFile });
  });

  after(async () => {
    await world?.stop();
    await hosts?.destroy();
  });

  const zoneStates = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await world!.hsms()).map((hsm) => [hsm.AvailabilityZone!, hsm.State!]));

  it('runs each zone\'s HSM on its host, reached over the namespace links', async () => {
    const placed = (await world!.admin('GET', `/_sim/clusters/${world!.clusterId}/hsms`)).body['Hsms'] as PlacedHsm[];
    const hostOf = Object.fromEntries(placed.map((hsm) => [hsm.AvailabilityZone, hsm.Host]));
    expect(hostOf).to.deep.equal({ [ZONE_A]: hosts!.host(ZONE_A).address, [ZONE_B]: hosts!.host(ZONE_B).address });
    // The ENI IPs stay the simulated subnet's.
    for (const hsm of placed) expect(hsm.EniIp).to.match(/^10\.0\./);
    expect(await zoneStates()).to.deep.equal({ [ZONE_A]: 'ACTIVE', [ZONE_B]: 'ACTIVE' });
  });

  it('kills and restarts an HSM on its host through the agent (the hsm-kill fault)', async () => {
    const zoneB = (await world!.hsms()).find((hsm) => hsm.AvailabilityZone === ZONE_B)!;
    const added = await world!.addFault({ kind: 'hsm-kill', target: { hsmId: zoneB.HsmId } });
    expect(added.status).to.equal(201);
    await waitFor('zone b DEGRADED', async () => ((await zoneStates())[ZONE_B] === 'DEGRADED' ? true : undefined), 10_000, 100);
    await world!.heal(added.body.faultId!);
    expect(await zoneStates()).to.deep.equal({ [ZONE_A]: 'ACTIVE', [ZONE_B]: 'ACTIVE' });
    await world!.expectEverythingDecrypts();
  });

  it('keeps crypto going in the other zone while one link is down, and recovers when it is back', async () => {
    const createKey = () => world!.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: world!.customKeyStoreId }));
    hosts!.linkDown(ZONE_A);
    try {
      await waitFor('zone a DEGRADED', async () => ((await zoneStates())[ZONE_A] === 'DEGRADED' ? true : undefined), 15_000, 200);
      expect(await zoneStates()).to.deep.equal({ [ZONE_A]: 'DEGRADED', [ZONE_B]: 'ACTIVE' });
      for (let index = 0; index < 4; index += 1) await world!.seal(`during the outage ${index}`);
      expect(await world!.outcome(createKey)).to.equal('CloudHsmClusterInvalidConfigurationException');
    } finally {
      hosts!.linkUp(ZONE_A);
    }
    await waitFor('zone a ACTIVE', async () => ((await zoneStates())[ZONE_A] === 'ACTIVE' ? true : undefined), 20_000, 200);
    expect(await world!.outcome(createKey)).to.equal('ok');
    await world!.expectEverythingDecrypts();
  });

  it('removes the HSM\'s folder (its token) from its host on DeleteHsm', async () => {
    const zoneB = (await world!.hsms()).find((hsm) => hsm.AvailabilityZone === ZONE_B)!;
    const folder = join(hosts!.dataDir, ZONE_B, 'hsms', zoneB.HsmId!);
    expect(existsSync(folder)).to.equal(true);
    await world!.cloudhsm.send(new DeleteHsmCommand({ ClusterId: world!.clusterId, HsmId: zoneB.HsmId! }));
    await waitFor('the HSM gone', async () => ((await world!.hsms()).length === 1 ? true : undefined), 15_000, 100);
    await waitFor('its folder gone from the host', async () => (existsSync(folder) ? undefined : true), 5_000, 50);
  });
});
