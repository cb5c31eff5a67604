// A running simulator for the console's browser tests: the control plane in this process on port 0 with
// its default Region (us-east-1), real HSM processes, an ACTIVE two-HSM cluster with kmsuser built over
// the AWS SDK in us-east-2 (the cluster half of scripts/bench/seed-over-sdk.ts; signed requests carry
// their own Region, as the README's walkthroughs and the tour do), and headless Chromium (the Debian
// package) driven by puppeteer-core, on the console's plain address: a clean clone after `npm start`.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CloudHSMV2Client, CreateClusterCommand, CreateHsmCommand, DescribeClustersCommand, InitializeClusterCommand, type Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { signCsrAsCustomer } from '../../../hsm-sim/node/certificates';
import { cmuCommand } from '../../../src/cli/cmu/cmu-command';
import { StreamShellIo } from '../../../src/cli/cmu/shell-io';
import { ControlPlane } from '../../../src/main/control-plane';
import { loadSimulatorConfig } from '../../../src/main/simulator-config';
import { CREDENTIALS, KMS_REGION } from '../../../scripts/bench/kms-client';
import { ADMIN_PASSWORD } from '../../e2e/support/active-cluster';
import { waitFor } from '../../e2e/support/wait-for';
import { customerCa } from '../../support/pki-fixtures';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

export const CHROMIUM = '/usr/bin/chromium';
export const KEY_STORE_PASSWORD = 'kmsPswd';
/** fixtures/pki/customerCA.crt: the trust anchor the cluster is initialised with. */
export const TRUST_ANCHOR_FILE = join(__dirname, '..', '..', '..', '..', 'fixtures', 'pki', 'customerCA.crt');
/** Screenshots land here (git-ignored). */
export const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'console');

export const chromiumMissing = (): boolean => !existsSync(CHROMIUM);

export class ConsoleWorld {
  readonly errors: string[] = [];

  private constructor(
    private readonly plane: ControlPlane,
    private readonly dataDir: string,
    readonly browser: Browser,
    readonly page: Page,
    readonly kms: KMSClient,
    readonly cloudhsm: CloudHSMV2Client,
    readonly clusterIds: readonly string[],
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  /** `clusters` ACTIVE two-HSM clusters with kmsuser, then the console open in Chromium. */
  static async start(clusters = 1): Promise<ConsoleWorld> {
    const dataDir = createTempDir('console');
    const config = loadSimulatorConfig({ 'data-dir': dataDir, port: '0', 'time-scale': '0', 'hsm-ports': 'ephemeral', 'log-level': 'error' }, {});
    const plane = await ControlPlane.start(config);
    const options = { endpoint: plane.url, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 };
    const cloudhsm = new CloudHSMV2Client(options);
    const clusterIds: string[] = [];
    for (let index = 0; index < clusters; index += 1) clusterIds.push(await activeCluster(plane.url, cloudhsm));
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless=new'], headless: true });
    const page = await browser.newPage();
    await page.setViewport({ width: 1500, height: 1000 });
    const world = new ConsoleWorld(plane, dataDir, browser, page, new KMSClient(options), cloudhsm, clusterIds);
    await page.goto(world.consoleUrl, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('[data-testid="topology"]', { timeout: 10_000 });
    return world;
  }

  get endpoint(): string {
    return this.plane.url;
  }

  get consoleUrl(): string {
    return this.plane.consoleUrl;
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    this.kms.destroy();
    this.cloudhsm.destroy();
    await this.plane.stop();
    removeTempDir(this.dataDir);
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /** GET a console API route (`snapshot?region=...`), as JSON. */
  async api<T>(route: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.consoleUrl}api/${route}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  async cluster(clusterId: string): Promise<Cluster> {
    const { Clusters } = await this.cloudhsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
    return Clusters![0]!;
  }
}

async function activeCluster(endpoint: string, cloudhsm: CloudHSMV2Client): Promise<string> {
  const ec2 = new EC2Client({ endpoint, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
  ec2.destroy();
  const subnetIds = Subnets!.slice(0, 2).map((subnet) => subnet.SubnetId!);
  const created = await cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: subnetIds }));
  const clusterId = created.Cluster!.ClusterId!;
  const describe = async (): Promise<Cluster> => (await cloudhsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }))).Clusters![0]!;
  const until = <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => waitFor(what, probe, 60_000, 20);
  await until('UNINITIALIZED', async () => ((await describe()).State === 'UNINITIALIZED' ? true : undefined));
  await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: `${KMS_REGION}a` }));
  const csr = await until('the CSR', async () => (await describe()).Certificates?.ClusterCsr);
  await cloudhsm.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem }));
  await until('INITIALIZED', async () => ((await describe()).State === 'INITIALIZED' ? true : undefined));
  const lines = ['loginHSM PRECO admin password', `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'logoutHSM', `loginHSM CO admin ${ADMIN_PASSWORD}`, `createUser CU kmsuser ${KEY_STORE_PASSWORD}`, 'y', 'quit'];
  const output = new TextSink();
  const code = await cmuCommand(['--ca-file', TRUST_ANCHOR_FILE, '--cluster-id', clusterId, '--endpoint', endpoint], new StreamShellIo(Readable.from([`${lines.join('\n')}\n`]), output, output, false));
  if (code !== 0) throw new Error(`cmu activation failed (${code}):\n${output.text}`);
  await until('ACTIVE', async () => ((await describe()).State === 'ACTIVE' ? true : undefined));
  await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: `${KMS_REGION}b` }));
  await until('two ACTIVE HSMs', async () => {
    const hsms = (await describe()).Hsms ?? [];
    return hsms.length === 2 && hsms.every((hsm) => hsm.State === 'ACTIVE') ? true : undefined;
  });
  return clusterId;
}

class TextSink extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}
