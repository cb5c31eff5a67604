// A store that fails to connect, for real: created over the AWS API with a KeyStorePassword that is not
// kmsuser's, then connected from the page's Connect button. KMS's login is refused, the store turns
// FAILED with INVALID_CREDENTIALS, and the page shows the code with AWS's cause and documented fix.

import { CreateCustomKeyStoreCommand, DescribeCustomKeyStoresCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import type { ConsoleMeta } from '../../../src/console/console-snapshot.types';
import { customerCa } from '../../support/pki-fixtures';
import { chromiumMissing, ConsoleWorld, KEY_STORE_PASSWORD } from '../support/console-world';

describe('console (Chromium): a store that failed to connect shows its ConnectionErrorCode and the fix', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;
  let storeId: string;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
    const created = await world.kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'WrongPasswordStore', CloudHsmClusterId: world.clusterIds[0]!, KeyStorePassword: `not-${KEY_STORE_PASSWORD}`, TrustAnchorCertificate: customerCa.certPem }),
    );
    storeId = created.CustomKeyStoreId!;
    await world.page.waitForSelector(`[data-testid="store-panel"][data-store-id="${storeId}"][data-connection-state="DISCONNECTED"]`, { timeout: 3_000 });
  });

  after(async () => {
    await world?.stop();
  });

  it('Connect from the page: FAILED with INVALID_CREDENTIALS, as the AWS API describes it', async () => {
    const panel = `[data-testid="store-panel"][data-store-id="${storeId}"]`;
    await world.page.click(`${panel} [data-testid="connect"]`);
    await world.page.waitForSelector(`${panel}[data-connection-state="FAILED"] .state.lit[data-state="FAILED"]`, { timeout: 10_000 });
    const { CustomKeyStores } = await world.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: storeId }));
    expect(CustomKeyStores![0]).to.include({ ConnectionState: 'FAILED', ConnectionErrorCode: 'INVALID_CREDENTIALS' });
    expect(await world.page.$eval(`.store-card[data-store-id="${storeId}"]`, (element) => element.textContent ?? '')).to.include('FAILED (INVALID_CREDENTIALS)');
  });

  it("shows the error code with AWS's cause and documented fix (aws-behaviour 3.4)", async () => {
    const { body: meta } = await world.api<ConsoleMeta>('meta');
    const advice = meta.connectionAdvice['INVALID_CREDENTIALS']!;
    const text = await world.page.$eval(`[data-testid="store-panel"][data-store-id="${storeId}"] [data-testid="connection-error"]`, (element) => element.textContent ?? '');
    expect(text).to.include('Error code: INVALID_CREDENTIALS').and.include(`Cause: ${advice.cause}`).and.include(`Documented fix: ${advice.fix}`);
    expect(advice.fix).to.include('UpdateCustomKeyStore');
    await world.screenshot('store-failed-invalid-credentials');
  });

  it('records the Connect call in the timeline, made by the console for its Region', async () => {
    const entry = await world.page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="timeline"] li[data-kind="aws"]')].find((li) => li.textContent.includes('ConnectCustomKeyStore'))?.textContent`,
      { timeout: 3_000 },
    );
    expect(await entry.jsonValue()).to.include('by console');
    expect(world.errors).to.deep.equal([]);
  });
});
