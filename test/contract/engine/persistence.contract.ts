import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Ckr } from '../../../hsm-sim/engine/hsm-error';
import { expectHsmError } from '../../support/expect-error';
import { SO_PIN, USER_PIN, useEngine, type EngineFixture } from './engine-fixture';

export function persistenceContract(fixture: EngineFixture): void {
  describe('persistence', () => {
    const subject = useEngine(fixture);

    it('keeps tokens and token objects across close and reopen; session objects and logins are gone', async () => {
      const session = await subject.loggedInSession('hsm1');
      await subject.engine.initToken({ label: 'hsm2', soPin: SO_PIN, userPin: USER_PIN });
      const kept = await session.generateKey({ type: 'AES', bits: 256 }, { token: true, label: 'kept', encrypt: true, decrypt: true });
      await session.generateKey({ type: 'AES', bits: 256 }, { token: false, label: 'ephemeral' });
      await session.generateKeyPair({ type: 'EC', curve: 'P-256' }, { token: true, label: 'kept-ec' }, { token: true, label: 'kept-ec', sign: true });
      const mechanism = { name: 'AES-GCM', iv: randomBytes(12) } as const;
      const ciphertext = await session.encrypt(kept, mechanism, Buffer.from('survives'));
      const attributes = await session.getAttributes(kept);

      const engine = await subject.reopen();
      expect(session.isOpen).to.equal(false);
      expect(engine.listTokens().map((token) => token.label).sort()).to.deep.equal(['hsm1', 'hsm2']);
      const reopened = await engine.openSession('hsm1');
      await expectHsmError(reopened.generateKey({ type: 'AES', bits: 128 }), Ckr.USER_NOT_LOGGED_IN);
      await reopened.login(USER_PIN);
      const [found] = await reopened.findKeys({ label: 'kept' });
      expect(found).to.not.equal(undefined);
      const { handle: _old, ...expected } = attributes;
      expect(await reopened.getAttributes(found!)).to.deep.include(expected);
      expect((await reopened.decrypt(found!, mechanism, ciphertext)).toString()).to.equal('survives');
      expect(await reopened.findKeys({ label: 'ephemeral' })).to.deep.equal([]);
      expect(await reopened.findKeys({ label: 'kept-ec' })).to.have.length(2);
    });
  });
}
