// An HSM launched with faultLayer: false has no fault seams at all (the benchmark's bare path): the
// faults the fleet sends it are ignored, and its requests run as without any fault.

import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyView } from '../../../../hsm-sim/node/node.types';
import { waitFor } from '../../../e2e/support/wait-for';
import { NodeCluster } from '../../../support/node-cluster';

describe('HSM node without the fault layer', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;
  before(async () => (cluster = await NodeCluster.start(1, { faultLayer: false })));
  after(() => cluster?.stop());

  it('ignores the faults it is sent and keeps answering', async () => {
    const member = cluster.members[0]!;
    await cluster.activate();
    await cluster.createUser({ role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    const crypto = await cluster.loggedIn(member, 'crypto', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    const key = await crypto.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'bare', encrypt: true } });

    cluster.fleet.setFaults(member.hsmId, [
      { kind: 'engine-error', ckr: 'CKR_DEVICE_ERROR', probability: 1, faultId: 'f-1', seed: 1 },
      { kind: 'network-partition', mode: 'refuse', faultId: 'f-2', seed: 1 },
    ]);
    const log = join(member.directory, 'node.log');
    await waitFor('the node to ignore its faults', async () => (readFileSync(log, 'utf8').includes('"event":"faults-ignored"') ? true : undefined), 10_000, 20);
    const sealed = await crypto.call<Buffer>('encrypt', { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('bare path') });
    expect(sealed.length).to.be.greaterThan(16);
  });
});
