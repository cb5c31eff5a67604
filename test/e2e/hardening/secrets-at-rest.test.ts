// Item 6: no password in clear anywhere the simulator writes. `cloudhsm-sim tour` walks the seed procedure
// against a started simulator (PRECO password -> CO Admin-pass1, kmsuser kmsPswd, CreateCustomKeyStore,
// connect - which rotates kmsuser's password), then the documented password changes: kmsuser's password
// drifts (fault injection), UpdateCustomKeyStore gives KMS the new one, connect. Then every file of the data
// directory (binary-safe: SQLite files and WAL, node logs, audit logs, launch files, tokens), the simulator's
// stdout/stderr and every response recorded here are searched for each password used.

import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KMS_SERVICE, SignedJsonClient, type AwsJson } from '../../../src/shared/signed-json.client';
import { createTempDir, removeTempDir } from '../../support/temp-dir';
import { SimulatorProcess } from '../support/simulator-process';
import { waitFor } from '../support/wait-for';

const BIN = join(__dirname, '..', '..', '..', '..', 'bin', 'cloudhsm-sim.js');
const REGION = 'us-east-2';
const DRIFTED = 'Drift-pw77';
const REFUSED = 'Refused-pw8';
/** Passwords that must be nowhere; the PRECO's factory password is a common word, searched as a JSON value and in cmu commands. */
const PASSWORDS = ['Admin-pass1', 'kmsPswd', DRIFTED, REFUSED];
const FACTORY_PRECO = [/"password"\s*[,}\]]/, /:\s*"password"/, /PRECO admin password/];

interface Finding {
  readonly where: string;
  readonly what: string;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

function search(where: string, content: Buffer): Finding[] {
  const found = PASSWORDS.filter((password) => content.includes(Buffer.from(password, 'utf8'))).map((what) => ({ where, what }));
  const text = content.toString('latin1');
  return [...found, ...FACTORY_PRECO.filter((pattern) => pattern.test(text)).map((pattern) => ({ where, what: `PRECO factory password (${pattern.source})` }))];
}

describe('e2e: secrets stay secret (no password in the data directory, logs, answers or errors)', function () {
  this.timeout(240_000);
  let simulator: SimulatorProcess;
  let workDir: string;
  let kms: SignedJsonClient;
  const responses: string[] = [];

  before(async () => {
    simulator = await SimulatorProcess.start(undefined, ['--log-level', 'debug']);
    workDir = createTempDir('secrets-tour');
    kms = new SignedJsonClient(simulator.endpoint, KMS_SERVICE, { region: REGION });
  });
  after(async () => {
    kms?.destroy();
    await simulator?.destroy();
    removeTempDir(workDir);
  });

  async function record(operation: string, input: AwsJson): Promise<AwsJson | undefined> {
    try {
      const answer = await kms.send(operation, input);
      responses.push(JSON.stringify(answer));
      return answer;
    } catch (error) {
      responses.push(`${(error as Error).name}: ${(error as Error).message}`);
      return undefined;
    }
  }

  async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${simulator.endpoint}${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    const text = await response.text();
    responses.push(text);
    return JSON.parse(text) as unknown;
  }

  async function storeState(storeId: string): Promise<string | undefined> {
    const answer = await record('DescribeCustomKeyStores', { CustomKeyStoreId: storeId });
    return (answer?.CustomKeyStores as { ConnectionState: string }[] | undefined)?.[0]?.ConnectionState;
  }

  it('walks the tour and the password changes, and finds no password anywhere', async () => {
    const env = { ...process.env, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const tour = await promisify(execFile)(process.execPath, [BIN, 'tour', '--endpoint', simulator.endpoint, '--work-dir', workDir, '--region', REGION], { env, maxBuffer: 16 * 1024 * 1024 });
    expect(tour.stdout).to.contain('cloudhsm-sim tour: done.');

    const stores = (await record('DescribeCustomKeyStores', {}))?.CustomKeyStores as { CustomKeyStoreId: string; CloudHsmClusterId: string }[];
    const { CustomKeyStoreId: storeId, CloudHsmClusterId: clusterId } = stores[0]!;
    // Refused while CONNECTED: the error must not carry the password it was given.
    await record('UpdateCustomKeyStore', { CustomKeyStoreId: storeId, KeyStorePassword: REFUSED });
    await record('CreateCustomKeyStore', { CustomKeyStoreName: 'second', CloudHsmClusterId: clusterId, KeyStorePassword: REFUSED, TrustAnchorCertificate: 'not a certificate' });

    // 4.3's documented fix after a password changed behind KMS's back.
    await record('DisconnectCustomKeyStore', { CustomKeyStoreId: storeId });
    await waitFor('DISCONNECTED', async () => ((await storeState(storeId)) === 'DISCONNECTED' ? true : undefined), 30_000);
    await admin('POST', '/_sim/faults', { kind: 'kmsuser-password-drift', target: { clusterId }, params: { password: DRIFTED } });
    await admin('GET', '/_sim/faults');
    expect(await record('UpdateCustomKeyStore', { CustomKeyStoreId: storeId, KeyStorePassword: DRIFTED })).to.not.equal(undefined);
    await record('ConnectCustomKeyStore', { CustomKeyStoreId: storeId });
    await waitFor('CONNECTED', async () => ((await storeState(storeId)) === 'CONNECTED' ? true : undefined), 60_000);
    for (const path of ['/_sim/health', `/_sim/clusters/${clusterId}/hsms`, '/_sim/clock']) await admin('GET', path);

    // Searched while it runs (WAL, logs) and after a clean stop (checkpointed database).
    const findings: Finding[] = [];
    const searchDataDir = (): void => {
      for (const file of filesUnder(simulator.dataDir)) if (statSync(file).size > 0) findings.push(...search(file, readFileSync(file)));
    };
    searchDataDir();
    await simulator.stop();
    searchDataDir();
    findings.push(...search('simulator stdout/stderr', Buffer.from(simulator.log, 'utf8')));
    findings.push(...search('recorded responses', Buffer.from(responses.join('\n'), 'utf8')));

    expect(responses.length).to.be.greaterThan(10);
    expect(findings, JSON.stringify(findings, null, 2)).to.deep.equal([]);
  });

  it('keeps the data directory 0700 and its files 0600', () => {
    expect(statSync(simulator.dataDir).mode & 0o777).to.equal(0o700);
    const open = filesUnder(simulator.dataDir).filter((file) => (statSync(file).mode & 0o077) !== 0);
    expect(open.map((file) => `${file} ${(statSync(file).mode & 0o777).toString(8)}`)).to.deep.equal([]);
  });
});
