import { expect } from 'chai';
import { useEngine, type EngineFixture } from './engine-fixture';

const KEY_COUNT = 10_000;

export function scaleContract(fixture: EngineFixture): void {
  describe('scale', () => {
    const subject = useEngine(fixture);

    it(`finds one key by label among ${KEY_COUNT.toLocaleString('en')}`, async function () {
      this.timeout(120_000);
      const session = await subject.loggedInSession();
      const pending: Promise<unknown>[] = [];
      for (let index = 0; index < KEY_COUNT; index += 1) {
        pending.push(session.generateKey({ type: 'AES', bits: 128 }, { label: `key-${index}`, encrypt: true }));
      }
      await Promise.all(pending);
      const found = await session.findKeys({ label: 'key-7321' });
      expect(found).to.have.length(1);
      expect((await session.getAttributes(found[0]!)).label).to.equal('key-7321');
      expect(await session.findKeys({ label: `key-${KEY_COUNT}` })).to.deep.equal([]);
    });
  });
}
