// The simulated clock from the page: "+1 day" and "+7 days" move the time the header shows, and a KMS key
// of the store scheduled for deletion with the shortest waiting period (7 days) leaves the store's key
// list once the clock has passed its deletion date.

import { ConnectCustomKeyStoreCommand, CreateCustomKeyStoreCommand, CreateKeyCommand, DescribeCustomKeyStoresCommand, DescribeKeyCommand, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { waitFor } from '../../e2e/support/wait-for';
import { customerCa } from '../../support/pki-fixtures';
import { chromiumMissing, ConsoleWorld, KEY_STORE_PASSWORD } from '../support/console-world';

const HOUR_MS = 3_600_000;

describe('console (Chromium): the clock buttons and a key scheduled for deletion', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;
  let storeId: string;
  let keyId: string;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
    const created = await world.kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'ClockStore', CloudHsmClusterId: world.clusterIds[0]!, KeyStorePassword: KEY_STORE_PASSWORD, TrustAnchorCertificate: customerCa.certPem }),
    );
    storeId = created.CustomKeyStoreId!;
    await world.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: storeId }));
    await waitFor(
      'the store CONNECTED',
      async () => ((await world.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: storeId }))).CustomKeyStores![0]!.ConnectionState === 'CONNECTED' ? true : undefined),
      30_000,
      50,
    );
    const key = await world.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId: storeId, Description: 'deleted in 7 days' }));
    keyId = key.KeyMetadata!.KeyId!;
    await world.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    await world.page.waitForSelector(`[data-testid="store-panel"][data-store-id="${storeId}"] [data-testid="store-keys"] tr[data-key-id="${keyId}"][data-key-state="PendingDeletion"]`, { timeout: 5_000 });
  });

  after(async () => {
    await world?.stop();
  });

  /** The simulated time the header shows, and its offset from real time. */
  async function shownClock(): Promise<{ time: number; text: string }> {
    const text = await world.page.$eval('[data-testid="clock"]', (element) => element.textContent ?? '');
    const [, stamp] = /simulated time (\S+ \S+) UTC/.exec(text) ?? [];
    return { time: Date.parse(`${stamp!.replace(' ', 'T')}Z`), text };
  }

  async function advance(button: string, offset: string): Promise<void> {
    await world.page.click(`[data-testid="${button}"]`);
    await world.page.waitForFunction(`document.querySelector('[data-testid="clock"]').textContent.includes('(${offset})')`, { timeout: 3_000 });
  }

  it('+1 day moves the simulated time a day on; the key is still pending deletion', async () => {
    const before = await shownClock();
    expect(before.text).to.not.include('(+');
    await advance('advance-1d', '+24 h');
    const after = await shownClock();
    expect(after.time - before.time).to.be.within(24 * HOUR_MS, 24 * HOUR_MS + 60_000);
    expect(await world.page.$$(`[data-testid="store-keys"] tr[data-key-id="${keyId}"][data-key-state="PendingDeletion"]`)).to.have.length(1);
  });

  it('+7 days passes the deletion date: the key leaves the store key list, and KMS no longer knows it', async () => {
    const before = await shownClock();
    await advance('advance-7d', '+192 h');
    const after = await shownClock();
    expect(after.time - before.time).to.be.within(7 * 24 * HOUR_MS, 7 * 24 * HOUR_MS + 60_000);
    await world.page.waitForFunction(`!document.querySelector('[data-testid="store-panel"][data-store-id="${storeId}"] tr[data-key-id="${keyId}"]')`, { timeout: 5_000 });
    expect(await world.page.$eval(`[data-testid="store-panel"][data-store-id="${storeId}"]`, (element) => element.textContent ?? '')).to.include('No KMS keys in this store.');
    const error = await world.kms.send(new DescribeKeyCommand({ KeyId: keyId })).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.name).to.equal('NotFoundException');
    await world.page.waitForFunction(`[...document.querySelectorAll('[data-testid="timeline"] li[data-kind="clock"]')].some((li) => li.textContent.includes('advanced 7 days'))`, { timeout: 3_000 });
    await world.screenshot('clock-key-deleted');
    expect(world.errors).to.deep.equal([]);
  });
});
