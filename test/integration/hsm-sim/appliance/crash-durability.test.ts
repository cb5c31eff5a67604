// Nothing acknowledged is lost: SIGKILL an HSM while keys are being generated on it, start it again,
// and every key whose creation was acknowledged is there.

import { expect } from 'chai';
import type { KeyView } from '../../../../hsm-sim/node/node.types';
import { NodeCluster } from '../../../support/node-cluster';

const WRITERS = 4;

describe('HSM appliance: crash durability (node processes, SoftHSM)', function () {
  this.timeout(90_000);
  let cluster: NodeCluster;

  before(async () => {
    cluster = await NodeCluster.start(1);
    await cluster.activate();
    await cluster.createUser({ role: 'CU', username: 'writer', password: 'writer-pass1' });
    await cluster.addHsm();
  });
  after(() => cluster?.stop());

  it('keeps every acknowledged key through a SIGKILL during generation', async () => {
    const victim = cluster.members[0]!;
    const acknowledged: number[] = [];
    let failures = 0;
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const crypto = await cluster.connect(victim, 'crypto');
        await crypto.call('login', { role: 'CU', username: 'writer', password: 'writer-pass1' });
        // Wrapped in an object so that Promise.all waits for the logins only, not for the loops.
        return { done: (async () => {
          for (let index = 0; ; index += 1) {
            try {
              const key = await crypto.call<KeyView>('generateKey', {
                keyType: 'AES', bits: 256, attributes: { label: `w${writer}-${index}`, token: true, encrypt: true },
              });
              acknowledged.push(key.handle);
            } catch {
              failures += 1;
              return;
            }
          }
        })() };
      }),
    );
    await waitUntil(() => acknowledged.length >= 40);
    await cluster.fleet.kill(victim.hsmId);
    await Promise.all(writers.map((writer) => writer.done));
    expect(failures, 'every writer saw the HSM die').to.equal(WRITERS);

    await cluster.restart(victim);
    for (const member of cluster.members) {
      const crypto = await cluster.connect(member, 'crypto');
      await crypto.call('login', { role: 'CU', username: 'writer', password: 'writer-pass1' });
      const present = new Set((await crypto.call<KeyView[]>('findKeys', {})).map((key) => key.handle));
      const missing = acknowledged.filter((handle) => !present.has(handle));
      expect(missing, `acknowledged keys missing on ${member.hsmId}`).to.deep.equal([]);
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
