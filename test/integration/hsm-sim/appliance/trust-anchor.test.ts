// Before initialisation an HSM presents a certificate from the simulated hardware CA; after
// InitializeCluster a chain up to the customer's trust anchor, and clients verify against that anchor.

import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { KeyView } from '../../../../hsm-sim/node/node.types';
import { customerCa, otherCa } from '../../../support/pki-fixtures';
import { NodeCluster } from '../../../support/node-cluster';

describe('HSM appliance: TLS before and after initialisation with the customer trust anchor', function () {
  this.timeout(60_000);
  let cluster: NodeCluster;
  before(async () => {
    cluster = await NodeCluster.start(2);
  });
  after(() => cluster?.stop());

  async function refusal(trustAnchorPem: string): Promise<string | undefined> {
    return cluster.connect(cluster.members[0]!, 'management', trustAnchorPem).then(
      () => undefined,
      (error: { code: string }) => error.code,
    );
  }

  it('presents the hardware identity before initialisation', async () => {
    expect(await refusal(cluster.hardwareCa.certPem)).to.equal(undefined);
    expect(await refusal(customerCa.certPem)).to.be.a('string');
  });

  it("presents a chain to the customer's anchor after initialisation, and refuses clients that trust another", async () => {
    const anchor = cluster.initialize(customerCa);
    expect(await refusal(anchor)).to.equal(undefined);
    expect(await refusal(otherCa.certPem)).to.be.a('string');
    expect(await refusal(cluster.hardwareCa.certPem)).to.be.a('string');
  });

  it('keeps replicating between HSMs that now present the new chain', async () => {
    const kmsuser = { role: 'CU', username: 'kmsuser', password: 'kmsPswd' } as const;
    await cluster.activate(customerCa.certPem);
    await cluster.createUser(kmsuser, cluster.members, customerCa.certPem);

    const crypto = await cluster.loggedIn(cluster.members[0]!, 'crypto', kmsuser, customerCa.certPem);
    const key = await crypto.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'after-init', encrypt: true } });
    const other = await cluster.loggedIn(cluster.members[1]!, 'crypto', kmsuser, customerCa.certPem);
    expect((await other.call<KeyView>('getKey', { handle: key.handle })).label).to.equal('after-init');
    expect(await other.call<Buffer>('encrypt', { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('ok') })).to.have.length(18);
  });
});
