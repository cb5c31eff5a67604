import { createCipheriv, randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Ckr } from '../../../hsm-sim/engine/hsm-error';
import { expectHsmError } from '../../support/expect-error';
import { useEngine, type EngineFixture } from './engine-fixture';

const RFC3394_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

export function keyWrappingContract(fixture: EngineFixture): void {
  describe('key wrapping', () => {
    const subject = useEngine(fixture);

    it('wraps with AES key wrap exactly as RFC 3394 (node:crypto id-aes256-wrap)', async () => {
      const session = await subject.loggedInSession();
      const kekBytes = randomBytes(32);
      const keyBytes = randomBytes(32);
      const kek = await session.importSecretKey({ type: 'AES', value: kekBytes }, { wrap: true });
      const key = await session.importSecretKey({ type: 'AES', value: keyBytes }, { extractable: true });
      const expected = Buffer.concat([createCipheriv('id-aes256-wrap', kekBytes, RFC3394_IV).update(keyBytes)]);
      expect(await session.wrapKey(kek, { name: 'AES-KEY-WRAP' }, key)).to.deep.equal(expected);
    });

    it('moves an AES key to another token under a shared wrapping key, still able to decrypt', async () => {
      const source = await subject.loggedInSession('hsm1');
      const target = await subject.loggedInSession('hsm2');
      const kekBytes = randomBytes(32);
      const sourceKek = await source.importSecretKey({ type: 'AES', value: kekBytes }, { wrap: true });
      const targetKek = await target.importSecretKey({ type: 'AES', value: kekBytes }, { unwrap: true });
      const key = await source.generateKey({ type: 'AES', bits: 256 }, { encrypt: true, extractable: true, token: true, label: 'shared' });
      const mechanism = { name: 'AES-GCM', iv: randomBytes(12), aad: Buffer.from('a') } as const;
      const ciphertext = await source.encrypt(key, mechanism, Buffer.from('replicated'));

      for (const wrap of [{ name: 'AES-KEY-WRAP' }, { name: 'AES-KEY-WRAP-PAD' }] as const) {
        const wrapped = await source.wrapKey(sourceKek, wrap, key);
        const copy = await target.unwrapKey(targetKek, wrap, wrapped, {
          class: 'SECRET_KEY', keyType: 'AES', label: 'shared', token: true, decrypt: true,
        });
        expect(await target.getAttributes(copy)).to.deep.include({ label: 'shared', token: true, decrypt: true, local: false, extractable: false, sensitive: true });
        expect((await target.decrypt(copy, mechanism, ciphertext)).toString()).to.equal('replicated');
      }
    });

    it('wraps an RSA private key with padded key wrap; the unwrapped key signs for the original public key', async function () {
      this.timeout(30_000);
      const session = await subject.loggedInSession();
      const kek = await session.generateKey({ type: 'AES', bits: 256 }, { wrap: true, unwrap: true });
      const pair = await session.generateKeyPair({ type: 'RSA', modulusBits: 2048 }, { verify: true }, { sign: true, extractable: true });
      const wrapped = await session.wrapKey(kek, { name: 'AES-KEY-WRAP-PAD' }, pair.privateKey);
      const copy = await session.unwrapKey(kek, { name: 'AES-KEY-WRAP-PAD' }, wrapped, { class: 'PRIVATE_KEY', keyType: 'RSA', sign: true });
      expect(await session.getAttributes(copy)).to.deep.include({ class: 'PRIVATE_KEY', keyType: 'RSA', modulusBits: 2048, sign: true });
      const signature = await session.sign(copy, { name: 'RSA-PSS', hash: 'SHA-256' }, Buffer.from('m'));
      expect(await session.verify(pair.publicKey, { name: 'RSA-PSS', hash: 'SHA-256' }, Buffer.from('m'), signature)).to.equal(true);
    });

    it('refuses to wrap a non-extractable key', async () => {
      const session = await subject.loggedInSession();
      const kek = await session.generateKey({ type: 'AES', bits: 256 }, { wrap: true });
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { extractable: false });
      await expectHsmError(session.wrapKey(kek, { name: 'AES-KEY-WRAP' }, key), Ckr.KEY_UNEXTRACTABLE);
    });

    it('refuses a wrapping key without the wrap or unwrap flag', async () => {
      const session = await subject.loggedInSession();
      const kek = await session.generateKey({ type: 'AES', bits: 256 }, { wrap: false, unwrap: false });
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { extractable: true });
      await expectHsmError(session.wrapKey(kek, { name: 'AES-KEY-WRAP' }, key), Ckr.KEY_FUNCTION_NOT_PERMITTED);
      await expectHsmError(session.unwrapKey(kek, { name: 'AES-KEY-WRAP' }, randomBytes(40), { class: 'SECRET_KEY', keyType: 'AES' }), Ckr.KEY_FUNCTION_NOT_PERMITTED);
    });

    it('refuses wrapped data that does not unwrap under the key', async () => {
      const session = await subject.loggedInSession();
      const kek = await session.generateKey({ type: 'AES', bits: 256 }, { wrap: true, unwrap: true });
      const key = await session.generateKey({ type: 'AES', bits: 256 }, { extractable: true });
      const wrapped = await session.wrapKey(kek, { name: 'AES-KEY-WRAP' }, key);
      wrapped[3]! ^= 0x10;
      await expectHsmError(session.unwrapKey(kek, { name: 'AES-KEY-WRAP' }, wrapped, { class: 'SECRET_KEY', keyType: 'AES' }), Ckr.WRAPPED_KEY_INVALID);
      await expectHsmError(session.unwrapKey(kek, { name: 'AES-KEY-WRAP' }, randomBytes(40), { class: 'SECRET_KEY', keyType: 'AES' }), Ckr.WRAPPED_KEY_INVALID);
    });
  });
}
