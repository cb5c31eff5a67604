import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { NodeErrorCode, type ConnectionContext } from '../../../../hsm-sim/node/node.types';
import type { HsmNode } from '../../../../hsm-sim/node/hsm-node';
import { expectNodeError, useNodeWorld } from './node-fixture';

const AES_USE = { encrypt: true, decrypt: true, wrap: true, unwrap: true } as const;

describe('HsmNode key ownership and sharing', () => {
  const world = useNodeWorld();

  interface Cast {
    node: HsmNode;
    admin: ConnectionContext;
    alice: ConnectionContext;
    bob: ConnectionContext;
    carol: ConnectionContext;
  }

  async function cast(): Promise<Cast> {
    const node = await world.openNode();
    const admin = await world.activate(node);
    const [alice, bob, carol] = await world.cryptoUsers(node, admin, 'alice', 'bob', 'carol');
    return { node, admin, alice: alice!, bob: bob!, carol: carol! };
  }

  const userId = (ctx: ConnectionContext) => ctx.principal!.userId;
  const gcm = { iv: randomBytes(12), aad: Buffer.from('context') };

  it('gives the owner everything and a sharer only use', async () => {
    const { node, alice, bob } = await cast();
    const key = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: { label: 'shared', ...AES_USE } });
    const shared = await node.shareKey(alice, { handle: key.handle, userId: userId(bob), share: true });
    expect(shared.sharedWith).to.deep.equal([userId(bob)]);

    const ciphertext = await node.encrypt(bob, { handle: key.handle, ...gcm, plaintext: Buffer.from('from bob') });
    expect((await node.decrypt(alice, { handle: key.handle, ...gcm, ciphertext })).toString()).to.equal('from bob');
    expect((await node.getKey(bob, { handle: key.handle })).ownerId).to.equal(userId(alice));

    await expectNodeError(node.deleteKey(bob, { handle: key.handle }), NodeErrorCode.KEY_ACCESS_DENIED);
    await expectNodeError(node.shareKey(bob, { handle: key.handle, userId: userId(bob), share: false }), NodeErrorCode.KEY_ACCESS_DENIED);
    await expectNodeError(node.setKeyAttributes(bob, { handle: key.handle, attributes: { label: 'mine' } }), NodeErrorCode.KEY_ACCESS_DENIED);
    const wrapping = await node.generateKey(bob, { keyType: 'AES', bits: 256, attributes: AES_USE });
    await expectNodeError(node.wrapKey(bob, { wrappingHandle: wrapping.handle, handle: key.handle, mechanism: { name: 'AES-KEY-WRAP' } }), NodeErrorCode.KEY_ACCESS_DENIED);
  });

  it('hides keys that are neither owned nor shared: KEY_NOT_FOUND', async () => {
    const { node, alice, carol } = await cast();
    const key = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: { label: 'private', ...AES_USE } });
    await expectNodeError(node.encrypt(carol, { handle: key.handle, ...gcm, plaintext: Buffer.from('x') }), NodeErrorCode.KEY_NOT_FOUND);
    await expectNodeError(node.getKey(carol, { handle: key.handle }), NodeErrorCode.KEY_NOT_FOUND);
    await expectNodeError(node.getKeyInfo(carol, { handle: key.handle }), NodeErrorCode.KEY_NOT_FOUND);
    expect(await node.findKeys(carol, { label: 'private' })).to.deep.equal([]);
  });

  it('stops sharing on unshare', async () => {
    const { node, alice, bob } = await cast();
    const key = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: AES_USE });
    await node.shareKey(alice, { handle: key.handle, userId: userId(bob), share: true });
    await node.shareKey(alice, { handle: key.handle, userId: userId(bob), share: false });
    await expectNodeError(node.encrypt(bob, { handle: key.handle, ...gcm, plaintext: Buffer.from('x') }), NodeErrorCode.KEY_NOT_FOUND);
  });

  it('shares only with other existing crypto users', async () => {
    const { node, admin, alice } = await cast();
    const key = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: AES_USE });
    await expectNodeError(node.shareKey(alice, { handle: key.handle, userId: userId(admin), share: true }), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(node.shareKey(alice, { handle: key.handle, userId: userId(alice), share: true }), NodeErrorCode.ARGUMENTS_BAD);
    await expectNodeError(node.shareKey(alice, { handle: key.handle, userId: 99, share: true }), NodeErrorCode.USER_NOT_FOUND);
  });

  it('lets a CO see ownership but not use or manage keys', async () => {
    const { node, admin, alice, bob } = await cast();
    const key = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: AES_USE });
    await node.shareKey(alice, { handle: key.handle, userId: userId(bob), share: true });
    expect(await node.getKeyInfo(admin, { handle: key.handle })).to.deep.equal({ handle: key.handle, token: true, ownerId: userId(alice), sharedWith: [userId(bob)] });
    const error = await expectNodeError(node.encrypt(admin, { handle: key.handle, ...gcm, plaintext: Buffer.from('x') }), NodeErrorCode.ROLE_NOT_PERMITTED);
    expect(error.message).to.contain('a CO cannot use or manage keys');
    await expectNodeError(node.generateKey(admin, { keyType: 'AES', bits: 256 }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.findKeys(admin), NodeErrorCode.ROLE_NOT_PERMITTED);
  });

  it('lets every crypto user see and use public keys, which cannot be shared', async () => {
    const { node, alice, bob } = await cast();
    const pair = await node.generateKeyPair(alice, {
      spec: { type: 'EC', curve: 'P-256' },
      publicAttributes: { label: 'alice-signing', verify: true },
      privateAttributes: { label: 'alice-signing', sign: true },
    });
    const mechanism = { name: 'ECDSA', hash: 'SHA-256' } as const;
    const data = Buffer.from('signed by alice');
    const signature = await node.sign(alice, { handle: pair.privateKey.handle, mechanism, data });

    expect((await node.findKeys(bob, { label: 'alice-signing' })).map((key) => key.handle)).to.deep.equal([pair.publicKey.handle]);
    expect(await node.verify(bob, { handle: pair.publicKey.handle, mechanism, data, signature })).to.equal(true);
    await expectNodeError(node.sign(bob, { handle: pair.privateKey.handle, mechanism, data }), NodeErrorCode.KEY_NOT_FOUND);
    await expectNodeError(node.deleteKey(bob, { handle: pair.publicKey.handle }), NodeErrorCode.KEY_ACCESS_DENIED);
    await expectNodeError(node.shareKey(alice, { handle: pair.publicKey.handle, userId: userId(bob), share: true }), NodeErrorCode.ARGUMENTS_BAD);
  });

  it('lists a user\'s keys for findAllKeys: (o) owned unshared and own public keys, unmarked owned and shared, (s) shared to it', async () => {
    const { node, admin, alice, bob } = await cast();
    const unshared = await node.generateKey(alice, { keyType: 'AES', bits: 256, attributes: AES_USE });
    const shared = await node.generateKey(alice, { keyType: 'AES', bits: 128, attributes: AES_USE });
    await node.shareKey(alice, { handle: shared.handle, userId: userId(bob), share: true });
    const pair = await node.generateKeyPair(alice, { spec: { type: 'EC', curve: 'P-256' }, privateAttributes: { sign: true } });

    const forAlice = await node.findAllKeys(admin, { userId: userId(alice), withHash: true });
    expect(forAlice.keys).to.deep.equal([
      { handle: unshared.handle, mark: 'o' },
      { handle: shared.handle, mark: '' },
      { handle: pair.publicKey.handle, mark: 'o' },
      { handle: pair.privateKey.handle, mark: 'o' },
    ]);
    expect(forAlice.hash).to.match(/^[0-9a-f]{64}$/);
    expect(await node.findAllKeys(admin, { userId: userId(bob), withHash: false })).to.deep.equal({ keys: [{ handle: shared.handle, mark: 's' }] });
    await expectNodeError(node.findAllKeys(alice, { userId: userId(alice), withHash: false }), NodeErrorCode.ROLE_NOT_PERMITTED);
    await expectNodeError(node.findAllKeys(admin, { userId: 99, withHash: false }), NodeErrorCode.USER_NOT_FOUND);
  });
});
