import { createCipheriv, createDecipheriv, createHash, createPublicKey, constants, randomBytes, verify as nodeVerify } from 'node:crypto';
import { expect } from 'chai';
import { Ckr } from '../../../hsm-sim/engine/hsm-error';
import type { AesGcmMechanism, HashAlgorithm } from '../../../hsm-sim/engine/hsm-engine.types';
import { expectHsmError } from '../../support/expect-error';
import { useEngine, type EngineFixture } from './engine-fixture';

const gcm = (aad?: string): AesGcmMechanism => ({ name: 'AES-GCM', iv: randomBytes(12), ...(aad ? { aad: Buffer.from(aad) } : {}) });

export function cryptoOperationsContract(fixture: EngineFixture): void {
  describe('crypto operations', () => {
    const subject = useEngine(fixture);

    it('encrypts and decrypts with AES-GCM and AAD, as node:crypto does', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { encrypt: true, decrypt: true, extractable: true, sensitive: false, wrap: false });
      const mechanism = gcm('context');
      const plaintext = randomBytes(4096);
      const ciphertext = await session.encrypt(key, mechanism, plaintext);
      expect(ciphertext).to.have.length(plaintext.length + 16);
      expect(await session.decrypt(key, mechanism, ciphertext)).to.deep.equal(plaintext);
      const withoutAad = { name: 'AES-GCM', iv: mechanism.iv } as const;
      expect(await session.decrypt(key, withoutAad, await session.encrypt(key, withoutAad, Buffer.from('x')))).to.deep.equal(Buffer.from('x'));
      await expectHsmError(session.encrypt(key, withoutAad, Buffer.alloc(0)), Ckr.ARGUMENTS_BAD);
    });

    it('produces GCM ciphertext that node:crypto opens, and opens node:crypto ciphertext', async () => {
      const session = await subject.loggedInSession();
      const raw = randomBytes(32);
      const key = await session.importSecretKey({ type: 'AES', value: raw }, { encrypt: true, decrypt: true });
      const mechanism = gcm('aad');
      const ciphertext = await session.encrypt(key, mechanism, Buffer.from('interop'));
      const opener = createDecipheriv('aes-256-gcm', raw, mechanism.iv);
      opener.setAAD(mechanism.aad!);
      opener.setAuthTag(ciphertext.subarray(-16));
      expect(Buffer.concat([opener.update(ciphertext.subarray(0, -16)), opener.final()]).toString()).to.equal('interop');

      const sealer = createCipheriv('aes-256-gcm', raw, mechanism.iv);
      sealer.setAAD(mechanism.aad!);
      const sealed = Buffer.concat([sealer.update(Buffer.from('back')), sealer.final(), sealer.getAuthTag()]);
      expect((await session.decrypt(key, mechanism, sealed)).toString()).to.equal('back');
    });

    it('refuses tampered ciphertext, a wrong AAD and a wrong IV', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { encrypt: true, decrypt: true });
      const mechanism = gcm('bound');
      const ciphertext = await session.encrypt(key, mechanism, Buffer.from('secret data'));
      const tampered = Buffer.from(ciphertext);
      tampered[tampered.length - 1]! ^= 0x01;
      await expectHsmError(session.decrypt(key, mechanism, tampered), Ckr.ENCRYPTED_DATA_INVALID);
      await expectHsmError(session.decrypt(key, { ...mechanism, aad: Buffer.from('other') }, ciphertext), Ckr.ENCRYPTED_DATA_INVALID);
      await expectHsmError(session.decrypt(key, { ...mechanism, iv: randomBytes(12) }, ciphertext), Ckr.ENCRYPTED_DATA_INVALID);
      expect((await session.decrypt(key, mechanism, ciphertext)).toString()).to.equal('secret data');
    });

    it('refuses a GCM IV that is not 12 bytes', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 128 }, { encrypt: true });
      await expectHsmError(session.encrypt(key, { name: 'AES-GCM', iv: randomBytes(16) }, Buffer.from('x')), Ckr.MECHANISM_PARAM_INVALID);
    });

    it('refuses a key whose usage flag is off', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { encrypt: true, decrypt: false });
      const mechanism = gcm();
      const ciphertext = await session.encrypt(key, mechanism, Buffer.from('x'));
      await expectHsmError(session.decrypt(key, mechanism, ciphertext), Ckr.KEY_FUNCTION_NOT_PERMITTED);
      const pair = await session.generateKeyPair({ type: 'EC', curve: 'P-256' }, { verify: true }, { sign: false });
      await expectHsmError(session.sign(pair.privateKey, { name: 'ECDSA', hash: 'SHA-256' }, Buffer.from('x')), Ckr.KEY_FUNCTION_NOT_PERMITTED);
    });

    it('refuses a key of the wrong type for the mechanism', async () => {
      const session = await subject.loggedInSession();
      const aes = await session.generateKey({ type: 'AES', bits: 256 }, { sign: true, encrypt: true });
      const ec = await session.generateKeyPair({ type: 'EC', curve: 'P-256' }, { verify: true, encrypt: true }, { sign: true, decrypt: true });
      await expectHsmError(session.sign(aes, { name: 'RSA-PKCS', hash: 'SHA-256' }, Buffer.from('x')), Ckr.KEY_TYPE_INCONSISTENT);
      await expectHsmError(session.sign(ec.privateKey, { name: 'RSA-PSS', hash: 'SHA-256' }, Buffer.from('x')), Ckr.KEY_TYPE_INCONSISTENT);
      await expectHsmError(session.encrypt(ec.publicKey, gcm(), Buffer.from('x')), Ckr.KEY_TYPE_INCONSISTENT);
      await expectHsmError(session.verify(ec.privateKey, { name: 'ECDSA', hash: 'SHA-256' }, Buffer.from('x'), Buffer.alloc(64)), Ckr.KEY_TYPE_INCONSISTENT);
    });

    const rsaMechanisms = [
      { name: 'RSA-PKCS', hash: 'SHA-256' },
      { name: 'RSA-PKCS', hash: 'SHA-512' },
      { name: 'RSA-PSS', hash: 'SHA-256' },
      { name: 'RSA-PSS', hash: 'SHA-384' },
    ] as const;

    it('signs with RSA-PKCS and RSA-PSS, verifiable by node:crypto and by itself', async function () {
      this.timeout(30_000);
      const session = await subject.loggedInSession();
      const pair = await session.generateKeyPair({ type: 'RSA', modulusBits: 2048 }, { verify: true }, { sign: true });
      const publicKey = createPublicKey({ key: await session.getPublicKeySpki(pair.publicKey), format: 'der', type: 'spki' });
      const message = Buffer.from('a message to sign');
      for (const mechanism of rsaMechanisms) {
        const signature = await session.sign(pair.privateKey, mechanism, message);
        expect(signature).to.have.length(256);
        const padding = mechanism.name === 'RSA-PSS'
          ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashBytes(mechanism.hash) }
          : { padding: constants.RSA_PKCS1_PADDING };
        expect(nodeVerify(nodeHash(mechanism.hash), message, { key: publicKey, ...padding }, signature), mechanism.name).to.equal(true);
        expect(await session.verify(pair.publicKey, mechanism, message, signature)).to.equal(true);
        expect(await session.verify(pair.publicKey, mechanism, Buffer.from('another message'), signature)).to.equal(false);
      }
    });

    for (const [curve, length] of [['P-256', 64], ['P-384', 96]] as const) {
      it(`signs with ECDSA on ${curve} (raw r||s), verifiable by node:crypto and by itself`, async () => {
        const session = await subject.loggedInSession();
        const pair = await session.generateKeyPair({ type: 'EC', curve }, { verify: true }, { sign: true });
        const publicKey = createPublicKey({ key: await session.getPublicKeySpki(pair.publicKey), format: 'der', type: 'spki' });
        const message = randomBytes(100);
        const signature = await session.sign(pair.privateKey, { name: 'ECDSA', hash: 'SHA-256' }, message);
        expect(signature).to.have.length(length);
        expect(nodeVerify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)).to.equal(true);
        expect(await session.verify(pair.publicKey, { name: 'ECDSA', hash: 'SHA-256' }, message, signature)).to.equal(true);
        const forged = Buffer.from(signature);
        forged[5]! ^= 0xff;
        expect(await session.verify(pair.publicKey, { name: 'ECDSA', hash: 'SHA-256' }, message, forged)).to.equal(false);
        expect(await session.verify(pair.publicKey, { name: 'ECDSA', hash: 'SHA-256' }, message, signature.subarray(1))).to.equal(false);
      });
    }

    it('digests like node:crypto', async () => {
      const session = await subject.loggedInSession();
      const data = randomBytes(1000);
      for (const algorithm of ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'] as const) {
        expect(await session.digest(algorithm, data)).to.deep.equal(createHash(nodeHash(algorithm)).update(data).digest());
      }
    });

    it('returns random bytes of the requested length', async () => {
      const session = await subject.loggedInSession();
      const first = await session.random(32);
      const second = await session.random(32);
      expect(first).to.have.length(32);
      expect(first.equals(second)).to.equal(false);
      expect(await session.random(1)).to.have.length(1);
    });
  });
}

function nodeHash(algorithm: string): string {
  return algorithm.replace('-', '').toLowerCase();
}

function hashBytes(algorithm: HashAlgorithm): number {
  return { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[algorithm];
}
