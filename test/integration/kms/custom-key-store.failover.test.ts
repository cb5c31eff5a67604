// A CONNECTED store when the cluster changes under it (aws-behaviour 3.6) and after a simulator restart:
// backing keys made and used over the live kmsuser sessions, failing over between HSMs, failing as AWS
// says when no HSM is left, and coming back when HSMs do.

import { expect } from 'chai';
import type { KeyView } from '../../../hsm-sim/node/node.types';
import { customerCa } from '../../support/pki-fixtures';
import { SCOPE, KeyStoreWorld, kmsuser } from './key-store-world';

const KEY_ARN = `arn:aws:kms:${SCOPE.region}:${SCOPE.accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (error: Error) => error,
  );
}

describe('a CONNECTED custom key store while HSMs die and come back (3.6)', function () {
  this.timeout(60_000);
  let world: KeyStoreWorld;
  let id: string;
  let handle: number;
  before(async () => {
    world = await KeyStoreWorld.start();
    id = world.createStore();
    expect((await world.connect(id)).ConnectionState).to.equal('CONNECTED');
  });
  after(async () => {
    try {
      if (handle !== undefined) expect(await world.services.crypto.deleteBackingKey(id, handle)).to.equal('deleted');
      await world.reset();
    } finally {
      await world?.stop();
    }
  });

  const crypto = () => world.services.crypto;
  const aad = Buffer.from('{"purpose":"test"}');
  const roundTrip = async () => {
    const sealed = await crypto().encrypt(id, handle, Buffer.from('secret data'), aad);
    return (await crypto().decrypt(id, handle, sealed, aad)).toString();
  };

  it('makes a backing key labelled with the key ARN, held by both HSMs, non-extractable', async () => {
    const key = await crypto().generateBackingKey(id, KEY_ARN);
    handle = key.handle;
    expect(key.holders).to.equal(2);
    // find-key-material: log in as kmsuser (with the password KMS holds) and look for the key ARN.
    const rotated = world.storeRepository.get(id)!.keyStorePassword;
    for (const member of world.nodes.members) {
      const asKmsuser = await world.nodes.loggedIn(member, 'crypto', kmsuser(rotated), customerCa.certPem);
      const found = await asKmsuser.call<KeyView[]>('findKeys', { label: KEY_ARN });
      await asKmsuser.close();
      expect(found).to.have.length(1);
      expect(found[0]).to.include({ handle, label: KEY_ARN, token: true, extractable: false, keyType: 'AES', size: 32 });
    }
    expect(await roundTrip()).to.equal('secret data');
    expect((await crypto().random(id, 32)).length).to.equal(32);
  });

  it('binds the AAD: another context does not decrypt', async () => {
    const sealed = await crypto().encrypt(id, handle, Buffer.from('bound'), aad);
    expect((await rejection(crypto().decrypt(id, handle, sealed, Buffer.from('other')))).name).to.equal('InvalidCiphertextException');
  });

  it('stays CONNECTED with one HSM killed, and encrypts on the other', async () => {
    await world.nodes.fleet.kill(world.nodes.members[0]!.hsmId);
    expect(world.describe(id).ConnectionState).to.equal('CONNECTED');
    expect(await roundTrip()).to.equal('secret data');
  });

  it('with every HSM gone: still CONNECTED; crypto fails with KMSInvalidStateException, GenerateRandom with KMSInternalException', async () => {
    await world.nodes.fleet.kill(world.nodes.members[1]!.hsmId);
    expect(world.describe(id).ConnectionState).to.equal('CONNECTED');
    const failure = await rejection(crypto().encrypt(id, handle, Buffer.from('x'), aad));
    expect(failure.name).to.equal('KMSInvalidStateException');
    expect(failure.message).to.contain('KMS cannot communicate with the CloudHSM cluster');
    expect((await rejection(crypto().random(id, 16))).name).to.equal('KMSInternalException');
    expect(await crypto().deleteBackingKey(id, handle)).to.equal('failed');
  });

  it('logs in again, with the rotated password, on an HSM that is back', async () => {
    await world.nodes.restart(world.nodes.members[1]!);
    expect(await roundTrip()).to.equal('secret data');
    await world.nodes.restart(world.nodes.members[0]!);
  });

  it('after a simulator restart, a CONNECTED store logs in again and works without a new connect', async () => {
    await world.restartServices();
    expect(world.services.crypto.isConnected(id)).to.equal(true);
    await world.services.connections.resumeConnections();
    expect(world.services.sessions.openSessions(id)).to.have.length(2);
    expect(await roundTrip()).to.equal('secret data');
  });

  it('with every HSM hung (SIGSTOP): KeyUnavailableException, then DependencyTimeoutException; both retryable once they answer', async () => {
    for (const member of world.nodes.members) world.nodes.fleet.hang(member.hsmId);
    try {
      // The open sessions take the request and never answer.
      const failure = await rejection(crypto().encrypt(id, handle, Buffer.from('x'), aad));
      expect(failure.name).to.equal('KeyUnavailableException');
      expect(failure.message).to.contain('You can retry the request');
      // Those sessions are dropped; new ones cannot finish their handshake.
      const timeout = await rejection(crypto().encrypt(id, handle, Buffer.from('x'), aad));
      expect(timeout.name).to.equal('DependencyTimeoutException');
    } finally {
      for (const member of world.nodes.members) world.nodes.fleet.resume(member.hsmId);
    }
    expect(await roundTrip()).to.equal('secret data');
  });
});
