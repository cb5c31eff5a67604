import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { expect } from 'chai';
import { Ckr } from '../../../../hsm-sim/engine/hsm-error';
import { NodeErrorCode } from '../../../../hsm-sim/node/node.types';
import { expectHsmError } from '../../../support/expect-error';
import { expectNodeError, useNodeWorld } from './node-fixture';

const AES_USE = { encrypt: true, decrypt: true, wrap: true, unwrap: true } as const;

describe('HsmNode key operations', () => {
  const world = useNodeWorld();

  it('generates an AES token key whose handle is sequence * 32 + slot, found again by label', async () => {
    const { node, kmsuser } = await world.seeded();
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { label: 'arn:aws:kms:us-east-1:111122223333:key/abc', ...AES_USE } });
    expect(key).to.deep.include({ class: 'SECRET_KEY', keyType: 'AES', size: 32, token: true, extractable: true, ownerId: 3, sharedWith: [] });
    expect(key.handle % 32).to.equal(0);
    const second = await node.generateKey(kmsuser, { keyType: 'GENERIC_SECRET', bits: 512, attributes: { sign: true, verify: true } });
    expect(second.handle).to.equal(key.handle + 32);
    expect(await node.findKeys(kmsuser, { label: 'arn:aws:kms:us-east-1:111122223333:key/abc' })).to.deep.equal([key]);
    expect(await node.findKeys(kmsuser, { keyType: 'GENERIC_SECRET' })).to.deep.equal([second]);
  });

  it('encrypts and decrypts with AES-GCM and AAD; a tampered ciphertext or another AAD fails in the engine', async () => {
    const { node, kmsuser } = await world.seeded();
    const { handle } = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    const iv = randomBytes(12);
    const aad = Buffer.from('kms:encryption-context');
    const ciphertext = await node.encrypt(kmsuser, { handle, iv, aad, plaintext: Buffer.from('data key') });
    expect(ciphertext).to.have.length('data key'.length + 16);
    expect((await node.decrypt(kmsuser, { handle, iv, aad, ciphertext })).toString()).to.equal('data key');

    const tampered = Buffer.from(ciphertext);
    tampered[0]! ^= 1;
    await expectHsmError(node.decrypt(kmsuser, { handle, iv, aad, ciphertext: tampered }), Ckr.ENCRYPTED_DATA_INVALID);
    await expectHsmError(node.decrypt(kmsuser, { handle, iv, aad: Buffer.from('other'), ciphertext }), Ckr.ENCRYPTED_DATA_INVALID);
  });

  it('honours the usage flags, and changes them for the owner', async () => {
    const { node, kmsuser } = await world.seeded();
    const { handle } = await node.generateKey(kmsuser, { keyType: 'AES', bits: 128, attributes: { decrypt: true } });
    const request = { handle, iv: randomBytes(12), plaintext: Buffer.from('x') };
    await expectHsmError(node.encrypt(kmsuser, request), Ckr.KEY_FUNCTION_NOT_PERMITTED);
    const changed = await node.setKeyAttributes(kmsuser, { handle, attributes: { encrypt: true, label: 'relabelled' } });
    expect(changed).to.include({ encrypt: true, decrypt: true, label: 'relabelled' });
    expect(await node.encrypt(kmsuser, request)).to.have.length(17);
  });

  it('signs and verifies with RSA and EC key pairs; the public key comes out as SPKI', async function () {
    this.timeout(30_000);
    const { node, kmsuser } = await world.seeded();
    const data = Buffer.from('message');
    for (const [spec, mechanism, nodeOptions] of [
      [{ type: 'RSA', modulusBits: 2048 }, { name: 'RSA-PKCS', hash: 'SHA-256' }, {}],
      [{ type: 'EC', curve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }, { dsaEncoding: 'ieee-p1363' }],
    ] as const) {
      const pair = await node.generateKeyPair(kmsuser, { spec, publicAttributes: { verify: true }, privateAttributes: { sign: true } });
      expect(pair.publicKey.pairHandle).to.equal(pair.privateKey.handle);
      expect(pair.privateKey.pairHandle).to.equal(pair.publicKey.handle);
      const signature = await node.sign(kmsuser, { handle: pair.privateKey.handle, mechanism, data });
      expect(await node.verify(kmsuser, { handle: pair.publicKey.handle, mechanism, data, signature })).to.equal(true);
      expect(await node.verify(kmsuser, { handle: pair.publicKey.handle, mechanism, data: Buffer.from('other'), signature })).to.equal(false);
      const spki = await node.publicKey(kmsuser, { handle: pair.publicKey.handle });
      const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
      expect(verify('sha256', data, { key: publicKey, ...nodeOptions }, signature)).to.equal(true);
    }
  });

  it('wraps a key the owner may export and unwraps it as a new key owned by the unwrapping user', async () => {
    const { node, kmsuser } = await world.seeded();
    const kek = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { wrap: true, unwrap: true } });
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    const gcm = { iv: randomBytes(12) };
    const ciphertext = await node.encrypt(kmsuser, { handle: key.handle, ...gcm, plaintext: Buffer.from('secret') });
    const wrapped = await node.wrapKey(kmsuser, { wrappingHandle: kek.handle, handle: key.handle, mechanism: { name: 'AES-KEY-WRAP' } });

    const copy = await node.unwrapKey(kmsuser, {
      unwrappingHandle: kek.handle,
      wrapped,
      mechanism: { name: 'AES-KEY-WRAP' },
      template: { class: 'SECRET_KEY', keyType: 'AES', label: 'copy', decrypt: true, token: false },
    });

    expect(copy).to.deep.include({ class: 'SECRET_KEY', keyType: 'AES', size: 32, label: 'copy', ownerId: 3, token: false });
    expect((await node.decrypt(kmsuser, { handle: copy.handle, ...gcm, ciphertext })).toString()).to.equal('secret');
  });

  it('refuses to wrap a non-extractable key, and never makes a key extractable again', async () => {
    const { node, kmsuser } = await world.seeded();
    const kek = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { wrap: true } });
    const key = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: { extractable: false } });
    await expectNodeError(node.wrapKey(kmsuser, { wrappingHandle: kek.handle, handle: key.handle, mechanism: { name: 'AES-KEY-WRAP' } }), Ckr.KEY_UNEXTRACTABLE);
    await expectNodeError(node.setKeyAttributes(kmsuser, { handle: key.handle, attributes: { extractable: true } }), Ckr.ATTRIBUTE_READ_ONLY);
    expect((await node.setKeyAttributes(kmsuser, { handle: kek.handle, attributes: { extractable: false } })).extractable).to.equal(false);
  });

  it('deletes a key for good', async () => {
    const { node, kmsuser } = await world.seeded();
    const { handle } = await node.generateKey(kmsuser, { keyType: 'AES', bits: 256, attributes: AES_USE });
    await node.deleteKey(kmsuser, { handle });
    await expectNodeError(node.getKey(kmsuser, { handle }), NodeErrorCode.KEY_NOT_FOUND);
    expect(node.listKeyHandles()).to.deep.equal([]);
  });

  it('returns random bytes to any crypto user', async () => {
    const { node, kmsuser } = await world.seeded();
    expect(await node.random(kmsuser, { length: 24 })).to.have.length(24);
  });

  it('holds at most 3,300 keys', async function () {
    this.timeout(60_000);
    const { node, kmsuser } = await world.seeded();
    for (let count = 0; count < 3300; count += 1) await node.generateKey(kmsuser, { keyType: 'AES', bits: 128, attributes: { token: false } });
    expect(node.hsmInfo().keys).to.equal(3300);
    await expectNodeError(node.generateKey(kmsuser, { keyType: 'AES', bits: 128, attributes: { token: false } }), NodeErrorCode.QUOTA_EXCEEDED);
  });
});
