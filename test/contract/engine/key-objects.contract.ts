import { expect } from 'chai';
import { Ckr } from '../../../hsm-sim/engine/hsm-error';
import type { KeyHandle } from '../../../hsm-sim/engine/hsm-engine.types';
import { expectHsmError } from '../../support/expect-error';
import { USER_PIN, useEngine, type EngineFixture } from './engine-fixture';

export function keyObjectsContract(fixture: EngineFixture): void {
  describe('key objects', () => {
    const subject = useEngine(fixture);

    it('generates AES and generic secret keys with the requested attributes', async () => {
      const session = await subject.loggedInSession();
      const id = Buffer.from('0102', 'hex');
      for (const bits of [128, 256] as const) {
        const key = await session.generateKey({ type: 'AES', bits }, { label: `aes${bits}`, id, token: true, encrypt: true, decrypt: true });
        expect(await session.getAttributes(key)).to.deep.include({
          class: 'SECRET_KEY', keyType: 'AES', label: `aes${bits}`, id, token: true, valueLength: bits / 8,
          encrypt: true, decrypt: true, wrap: false, unwrap: false, sign: false, verify: false, derive: false,
          extractable: false, sensitive: true, local: true, alwaysSensitive: true, neverExtractable: true,
        });
      }
      const secret = await session.generateKey({ type: 'GENERIC_SECRET', bits: 512 }, { sign: true, verify: true, derive: true, extractable: true, sensitive: false });
      expect(await session.getAttributes(secret)).to.deep.include({
        class: 'SECRET_KEY', keyType: 'GENERIC_SECRET', valueLength: 64, token: false, label: '',
        sign: true, verify: true, derive: true, extractable: true, sensitive: false, neverExtractable: false,
      });
    });

    it('refuses key sizes the mechanism does not support', async () => {
      const session = await subject.loggedInSession();
      await expectHsmError(session.generateKey({ type: 'AES', bits: 100 as 128 }), Ckr.KEY_SIZE_RANGE);
      await expectHsmError(session.generateKey({ type: 'GENERIC_SECRET', bits: 12 }), Ckr.KEY_SIZE_RANGE);
    });

    for (const modulusBits of [2048, 3072, 4096] as const) {
      it(`generates an RSA-${modulusBits} key pair`, async function () {
        this.timeout(60_000);
        const session = await subject.loggedInSession();
        const pair = await session.generateKeyPair({ type: 'RSA', modulusBits }, { verify: true, label: 'rsa' }, { sign: true, label: 'rsa' });
        expect(await session.getAttributes(pair.publicKey)).to.deep.include({ class: 'PUBLIC_KEY', keyType: 'RSA', modulusBits, verify: true, extractable: true, sensitive: false });
        expect(await session.getAttributes(pair.privateKey)).to.deep.include({ class: 'PRIVATE_KEY', keyType: 'RSA', modulusBits, sign: true, sensitive: true, extractable: false });
      });
    }

    for (const curve of ['P-256', 'P-384'] as const) {
      it(`generates an EC ${curve} key pair`, async () => {
        const session = await subject.loggedInSession();
        const pair = await session.generateKeyPair({ type: 'EC', curve }, { verify: true, token: true }, { sign: true, token: true, derive: true });
        expect(await session.getAttributes(pair.publicKey)).to.deep.include({ class: 'PUBLIC_KEY', keyType: 'EC', curve, verify: true, token: true });
        expect(await session.getAttributes(pair.privateKey)).to.deep.include({ class: 'PRIVATE_KEY', keyType: 'EC', curve, sign: true, derive: true, token: true });
      });
    }

    it('finds keys by label, id, class, key type and token flag', async () => {
      const session = await subject.loggedInSession();
      const aes = await session.generateKey({ type: 'AES', bits: 256 }, { label: 'a', id: Buffer.from([1]), token: true });
      const secret = await session.generateKey({ type: 'GENERIC_SECRET', bits: 256 }, { label: 'b', id: Buffer.from([2]) });
      const pair = await session.generateKeyPair({ type: 'EC', curve: 'P-256' }, { label: 'c' }, { label: 'c' });
      const sorted = (handles: KeyHandle[]) => [...handles].sort((x, y) => x - y);

      expect(await session.findKeys({ label: 'a' })).to.deep.equal([aes]);
      expect(await session.findKeys({ id: Buffer.from([2]) })).to.deep.equal([secret]);
      expect(sorted(await session.findKeys({ label: 'c' }))).to.deep.equal(sorted([pair.publicKey, pair.privateKey]));
      expect(await session.findKeys({ label: 'c', class: 'PRIVATE_KEY' })).to.deep.equal([pair.privateKey]);
      expect(await session.findKeys({ keyType: 'GENERIC_SECRET' })).to.deep.equal([secret]);
      expect(await session.findKeys({ token: true })).to.deep.equal([aes]);
      expect(await session.findKeys({ label: 'none' })).to.deep.equal([]);
      expect(await session.findKeys()).to.have.length(4);
    });

    it('changes labels and usage, but never makes a key extractable or non-sensitive again', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { label: 'old', token: true });
      await session.setAttributes(key, { label: 'new', encrypt: true, id: Buffer.from('ff', 'hex') });
      expect(await session.getAttributes(key)).to.deep.include({ label: 'new', encrypt: true, id: Buffer.from('ff', 'hex') });
      await expectHsmError(session.setAttributes(key, { extractable: true }), Ckr.ATTRIBUTE_READ_ONLY);
      await expectHsmError(session.setAttributes(key, { sensitive: false }), Ckr.ATTRIBUTE_READ_ONLY);
      expect(await session.getAttributes(key)).to.deep.include({ extractable: false, sensitive: true });
    });

    it('destroys keys, after which their handles are invalid', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { token: true, label: 'gone', encrypt: true });
      await session.destroyKey(key);
      expect(await session.findKeys({ label: 'gone' })).to.deep.equal([]);
      await expectHsmError(session.getAttributes(key), Ckr.OBJECT_HANDLE_INVALID);
      await expectHsmError(session.encrypt(key, { name: 'AES-GCM', iv: Buffer.alloc(12) }, Buffer.from('x')), Ckr.OBJECT_HANDLE_INVALID);
      await expectHsmError(session.destroyKey(key), Ckr.OBJECT_HANDLE_INVALID);
    });

    it('refuses handles it never issued', async () => {
      const session = await subject.loggedInSession();
      const unknown = 987_654 as KeyHandle;
      await expectHsmError(session.getAttributes(unknown), Ckr.OBJECT_HANDLE_INVALID);
      await expectHsmError(session.sign(unknown, { name: 'ECDSA', hash: 'SHA-256' }, Buffer.from('x')), Ckr.OBJECT_HANDLE_INVALID);
    });

    it('hides keys while the token is logged out', async () => {
      const session = await subject.loggedInSession();
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { token: true, label: 'private' });
      await session.logout();
      expect(await session.findKeys({ label: 'private' })).to.deep.equal([]);
      await expectHsmError(session.getAttributes(key), Ckr.OBJECT_HANDLE_INVALID);
      await session.login(USER_PIN);
      const [again] = await session.findKeys({ label: 'private' });
      expect((await session.getAttributes(again!)).label).to.equal('private');
    });

    it('exports public keys as SubjectPublicKeyInfo and nothing else', async () => {
      const session = await subject.loggedInSession();
      const pair = await session.generateKeyPair({ type: 'EC', curve: 'P-384' });
      const { createPublicKey } = await import('node:crypto');
      const exported = createPublicKey({ key: await session.getPublicKeySpki(pair.publicKey), format: 'der', type: 'spki' });
      expect(exported.asymmetricKeyDetails).to.deep.include({ namedCurve: 'secp384r1' });
      await expectHsmError(session.getPublicKeySpki(pair.privateKey), Ckr.KEY_TYPE_INCONSISTENT);
      const aes = await session.generateKey({ type: 'AES', bits: 128 });
      await expectHsmError(session.getPublicKeySpki(aes), Ckr.KEY_TYPE_INCONSISTENT);
    });
  });
}
