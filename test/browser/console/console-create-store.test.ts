// The seed's console procedure in the browser: the "Create key store" form sends a real
// CreateCustomKeyStore to the same endpoint, so the store it makes is the one boto3 describes, and
// AWS's ValidationException for a 3-character password shows in place.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { KMS_REGION } from '../../../scripts/bench/kms-client';
import { chromiumMissing, ConsoleWorld, KEY_STORE_PASSWORD, TRUST_ANCHOR_FILE } from '../support/console-world';

const BOTO3_DESCRIBE = `
import json, sys, boto3
kms = boto3.client('kms', endpoint_url=sys.argv[1], region_name=sys.argv[2], aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')
store = kms.describe_custom_key_stores(CustomKeyStoreName=sys.argv[3])['CustomKeyStores'][0]
print(json.dumps({k: store[k] for k in ('CustomKeyStoreId', 'CustomKeyStoreName', 'CloudHsmClusterId', 'ConnectionState', 'TrustAnchorCertificate')}))
`;

describe('console (Chromium): Create key store, as the seed procedure does it in the AWS console', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
  });

  after(async () => {
    await world?.stop();
  });

  /** As a user would: select what is there, delete it, type (each key an input event the form's state hears). */
  async function clearAndType(selector: string, text: string): Promise<void> {
    await world.page.click(selector, { clickCount: 3 });
    await world.page.keyboard.press('Backspace');
    await world.page.type(selector, text);
  }

  async function fill(name: string, password: string): Promise<void> {
    const { page } = world;
    await clearAndType('[data-testid="store-name"]', name);
    const upload = await page.$('[data-testid="store-trust-anchor-file"]');
    await (upload as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(TRUST_ANCHOR_FILE);
    await page.waitForFunction(`document.querySelector('[data-testid="store-trust-anchor"]').value.includes('BEGIN CERTIFICATE')`, { timeout: 5_000 });
    await clearAndType('[data-testid="store-password"]', password);
  }

  it('lists the ACTIVE two-HSM cluster as eligible', async () => {
    const options = await world.page.$$eval('[data-testid="store-cluster"] option', (elements) => elements.map((element) => { const option = element as unknown as { value: string; disabled: boolean }; return { value: option.value, disabled: option.disabled }; }));
    expect(options).to.deep.equal([{ value: world.clusterIds[0], disabled: false }]);
  });

  it("shows AWS's ValidationException for a 3-character kmsuser password, and creates nothing", async () => {
    await fill('TooShort', 'abc');
    await world.page.click('[data-testid="store-create"]');
    await world.page.waitForSelector('[data-testid="store-create-outcome"].error', { timeout: 5_000 });
    const text = await world.page.$eval('[data-testid="store-create-outcome"]', (element) => element.textContent ?? '');
    expect(text).to.match(/^ValidationException: 1 validation error detected: .*keyStorePassword.* length greater than or equal to 7/);
    await world.screenshot('create-store-validation-error');
    expect(await world.page.$$('[data-testid="store-panel"]')).to.have.length(0);
  });

  it('creates the store boto3 then describes: same id, name, cluster and trust anchor, DISCONNECTED', async () => {
    await fill('ConsoleKeyStore', KEY_STORE_PASSWORD);
    await world.page.click('[data-testid="store-create"]');
    await world.page.waitForSelector('[data-testid="store-create-outcome"].ok', { timeout: 5_000 });
    const panel = await world.page.waitForSelector('[data-testid="store-panel"][data-connection-state="DISCONNECTED"]', { timeout: 3_000 });
    const storeId = await panel!.evaluate((element) => element.getAttribute('data-store-id'));
    const { stdout } = await promisify(execFile)('python3', ['-c', BOTO3_DESCRIBE, world.endpoint, KMS_REGION, 'ConsoleKeyStore']);
    const seen = JSON.parse(stdout) as Record<string, string>;
    expect(seen).to.deep.equal({
      CustomKeyStoreId: storeId,
      CustomKeyStoreName: 'ConsoleKeyStore',
      CloudHsmClusterId: world.clusterIds[0],
      ConnectionState: 'DISCONNECTED',
      TrustAnchorCertificate: seen['TrustAnchorCertificate'],
    });
    expect(seen['TrustAnchorCertificate']!.trim()).to.equal(readFileSync(TRUST_ANCHOR_FILE, 'utf8').trim());
    // The cluster is now used by a store: greyed out, with the reason.
    await world.page.waitForFunction(`[...document.querySelectorAll('[data-testid="store-cluster"] option')].some((option) => option.disabled && option.textContent.includes('already used by ${storeId}'))`, { timeout: 3_000 });
    await world.screenshot('store-created');
    expect(world.errors.filter((error) => !error.includes('400'))).to.deep.equal([]);
  });
});
