import { expect } from 'chai';
import { Ckr } from '../../../hsm-sim/engine/hsm-error';
import { expectHsmError } from '../../support/expect-error';
import { SO_PIN, USER_PIN, useEngine, type EngineFixture } from './engine-fixture';

export function tokensAndSessionsContract(fixture: EngineFixture): void {
  describe('tokens and sessions', () => {
    const subject = useEngine(fixture);

    it('creates tokens found by label, several in one engine', async () => {
      const { engine } = subject;
      const first = await engine.initToken({ label: 'hsm1', soPin: SO_PIN, userPin: USER_PIN });
      await engine.initToken({ label: 'hsm2', soPin: SO_PIN, userPin: USER_PIN });
      expect(first).to.include({ label: 'hsm1', userPinInitialized: true });
      expect(engine.findToken('hsm1')?.serial).to.equal(first.serial);
      expect(engine.findToken('absent')).to.equal(undefined);
      expect(engine.listTokens().map((token) => token.label).sort()).to.deep.equal(['hsm1', 'hsm2']);
    });

    it('refuses a session on an unknown token', async () => {
      await expectHsmError(subject.engine.openSession('absent'), Ckr.TOKEN_NOT_PRESENT);
    });

    it('refuses PINs and labels out of range', async () => {
      const { engine } = subject;
      await expectHsmError(engine.initToken({ label: 'hsm1', soPin: 'abc', userPin: USER_PIN }), Ckr.PIN_LEN_RANGE);
      await expectHsmError(engine.initToken({ label: 'hsm1', soPin: SO_PIN, userPin: 'x'.repeat(256) }), Ckr.PIN_LEN_RANGE);
      await expectHsmError(engine.initToken({ label: 'l'.repeat(33), soPin: SO_PIN, userPin: USER_PIN }), Ckr.ARGUMENTS_BAD);
      expect(engine.listTokens()).to.deep.equal([]);
    });

    it('checks the user PIN', async () => {
      await subject.engine.initToken({ label: 'hsm1', soPin: SO_PIN, userPin: USER_PIN });
      const session = await subject.engine.openSession('hsm1');
      await expectHsmError(session.login('wrong-pin'), Ckr.PIN_INCORRECT);
      await session.login(USER_PIN);
    });

    it('shares login state between the sessions of one token', async () => {
      const first = await subject.loggedInSession();
      const second = await subject.engine.openSession('hsm1');
      await expectHsmError(second.login(USER_PIN), Ckr.USER_ALREADY_LOGGED_IN);
      await second.generateKey({ type: 'AES', bits: 128 });
      await first.logout();
      await expectHsmError(second.logout(), Ckr.USER_NOT_LOGGED_IN);
      await expectHsmError(second.generateKey({ type: 'AES', bits: 128 }), Ckr.USER_NOT_LOGGED_IN);
    });

    it('keeps login state per token', async () => {
      await subject.loggedInSession('hsm1');
      await subject.engine.initToken({ label: 'hsm2', soPin: SO_PIN, userPin: USER_PIN });
      const other = await subject.engine.openSession('hsm2');
      await expectHsmError(other.generateKey({ type: 'AES', bits: 128 }), Ckr.USER_NOT_LOGGED_IN);
    });

    it('changes the user PIN of a logged-in token', async () => {
      const session = await subject.loggedInSession();
      await expectHsmError(session.changePin('wrong-pin', 'new-pin-5678'), Ckr.PIN_INCORRECT);
      await session.changePin(USER_PIN, 'new-pin-5678');
      await session.logout();
      await expectHsmError(session.login(USER_PIN), Ckr.PIN_INCORRECT);
      await session.login('new-pin-5678');
      await session.logout();
      await expectHsmError(session.changePin('new-pin-5678', 'other-pin-9'), Ckr.USER_NOT_LOGGED_IN);
    });

    it('re-initialises a token only with its SO PIN, closing its sessions and destroying its objects', async () => {
      const session = await subject.loggedInSession();
      await session.generateKey({ type: 'AES', bits: 256 }, { token: true, label: 'doomed' });
      await expectHsmError(subject.engine.initToken({ label: 'hsm1', soPin: 'wrong-so-pin', userPin: USER_PIN }), Ckr.PIN_INCORRECT);
      expect(session.isOpen).to.equal(false);
      await expectHsmError(session.random(8), Ckr.SESSION_HANDLE_INVALID);
      const survivor = await subject.loggedInSession();
      expect(await survivor.findKeys({ label: 'doomed' })).to.have.length(1);

      await subject.engine.initToken({ label: 'hsm1', soPin: SO_PIN, userPin: 'fresh-pin-1' });
      expect(survivor.isOpen).to.equal(false);
      const fresh = await subject.engine.openSession('hsm1');
      await fresh.login('fresh-pin-1');
      expect(await fresh.findKeys({ label: 'doomed' })).to.deep.equal([]);
      expect(subject.engine.listTokens()).to.have.length(1);
    });

    it('refuses calls on a closed session', async () => {
      const session = await subject.loggedInSession();
      await session.close();
      expect(session.isOpen).to.equal(false);
      await expectHsmError(session.random(8), Ckr.SESSION_HANDLE_INVALID);
    });

    it('keeps keys of one token invisible to another', async () => {
      const first = await subject.loggedInSession('hsm1');
      const second = await subject.loggedInSession('hsm2');
      await first.generateKey({ type: 'AES', bits: 256 }, { label: 'only-on-hsm1', token: true });
      expect(await first.findKeys({ label: 'only-on-hsm1' })).to.have.length(1);
      expect(await second.findKeys({ label: 'only-on-hsm1' })).to.deep.equal([]);
    });
  });
}
