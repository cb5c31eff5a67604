// Before initialisation an HSM presents a certificate from the simulated hardware CA; after
// InitializeCluster a chain up to the customer's trust anchor, and clients verify against that anchor.

import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import type { KeyView } from '../../../../hsm-sim/node/node.types';
import { customerCa, otherCa } from '../../../support/pki-fixtures';
import { NodeCluster, PRECO_PASSWORD } from '../../../support/node-cluster';

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
    // As cmu does it: every command runs on every HSM it is connected to.
    for (const member of cluster.members) {
      const management = await cluster.connect(member, 'management', customerCa.certPem);
      await management.call('login', { role: 'PRECO', username: 'admin', password: PRECO_PASSWORD });
      await management.call('changePassword', { role: 'PRECO', username: 'admin', password: 'Admin-pass1' });
      await management.call('createUser', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    }

    const crypto = await cluster.connect(cluster.members[0]!, 'crypto', customerCa.certPem);
    await crypto.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    const key = await crypto.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'after-init', encrypt: true } });
    const other = await cluster.connect(cluster.members[1]!, 'crypto', customerCa.certPem);
    await other.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    expect((await other.call<KeyView>('getKey', { handle: key.handle })).label).to.equal('after-init');
    expect(await other.call<Buffer>('encrypt', { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('ok') })).to.have.length(18);
  });
});
