// Live updates without reloading: a store connected over the AWS API turns CONNECTED on the page within
// 2 s (the state machine lit), and a fault button kills an HSM, which the picture then shows down.

import { ConnectCustomKeyStoreCommand, CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { customerCa } from '../../support/pki-fixtures';
import { chromiumMissing, ConsoleWorld, KEY_STORE_PASSWORD } from '../support/console-world';

describe('console (Chromium): live updates over the event stream', function () {
  this.timeout(180_000);
  let world: ConsoleWorld;
  let storeId: string;

  before(async function () {
    if (chromiumMissing()) return this.skip();
    world = await ConsoleWorld.start();
    const created = await world.kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'LiveStore', CloudHsmClusterId: world.clusterIds[0]!, KeyStorePassword: KEY_STORE_PASSWORD, TrustAnchorCertificate: customerCa.certPem }),
    );
    storeId = created.CustomKeyStoreId!;
    await world.page.waitForSelector(`[data-testid="store-panel"][data-store-id="${storeId}"][data-connection-state="DISCONNECTED"]`, { timeout: 3_000 });
  });

  after(async () => {
    await world?.stop();
  });

  it('shows a store connected over the AWS API as CONNECTED within 2 s, without a reload', async () => {
    const navigations: string[] = [];
    world.page.on('framenavigated', (frame) => navigations.push(frame.url()));
    const started = Date.now();
    await world.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: storeId }));
    await world.page.waitForSelector(`[data-testid="store-panel"][data-store-id="${storeId}"][data-connection-state="CONNECTED"] .state.lit[data-state="CONNECTED"]`, { timeout: 2_000 });
    expect(Date.now() - started).to.be.below(2_000);
    expect(navigations).to.deep.equal([]);
    await world.page.waitForSelector(`svg .kms-eni`, { timeout: 2_000 });
    await world.screenshot('store-connected');
  });

  it('kills an HSM with its fault button; the picture shows its process down and the HSM DEGRADED', async () => {
    const hsmId = (await world.cluster(world.clusterIds[0]!)).Hsms![1]!.HsmId!;
    await world.page.click(`svg [data-hsm-id="${hsmId}"] .hsm-box`);
    await world.page.waitForSelector(`[data-testid="hsm-panel"][data-hsm-id="${hsmId}"]`, { timeout: 3_000 });
    await world.page.click(`[data-testid="hsm-panel"] button[data-fault="hsm-kill"]`);
    await world.page.waitForSelector(`svg [data-hsm-id="${hsmId}"][data-process="down"][data-state="DEGRADED"]`, { timeout: 3_000 });
    const cluster = await world.cluster(world.clusterIds[0]!);
    expect(cluster.Hsms!.find((hsm) => hsm.HsmId === hsmId)!.State).to.equal('DEGRADED');
    // The fault is listed once the kill has happened, a moment after the HSM went down.
    await world.page.waitForFunction(`document.querySelector('svg [data-hsm-id="${hsmId}"] .hsm-faults').textContent.includes('hsm-kill')`, { timeout: 3_000 });
    await world.page.waitForFunction(`[...document.querySelectorAll('[data-testid="timeline"] li[data-kind="fault"]')].some((li) => li.textContent.includes('hsm-kill added'))`, { timeout: 3_000 });
    await world.screenshot('hsm-killed');
  });

  it('heals it with Heal all: the process is up again', async () => {
    const hsmId = (await world.cluster(world.clusterIds[0]!)).Hsms![1]!.HsmId!;
    await world.page.click('[data-testid="heal-all"]');
    await world.page.waitForSelector(`svg [data-hsm-id="${hsmId}"][data-process="up"]`, { timeout: 10_000 });
    expect(world.errors).to.deep.equal([]);
  });
});
