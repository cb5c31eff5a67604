// Who may come in, end to end: `cloudhsm-sim start --host 0.0.0.0 --admin-token T --auth strict
// --credentials FILE`, then the AWS SDK for JavaScript v3 and botocore signing right and wrong (secret,
// Region, clock 20 minutes off, missing or expired session token), and /_sim/ with and without the token.

import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const BIN = join(__dirname, '..', '..', '..', '..', 'bin', 'cloudhsm-sim.js');
const ADMIN_TOKEN = 'e2e-admin-token-7f3a9c2b41';
const ALICE = { accessKeyId: 'AKIDALICE0000000', secretAccessKey: 'alice-secret', accountId: '999988887777' };
const TEMPORARY = { accessKeyId: 'ASIATEMP00000000', secretAccessKey: 'temp-secret', sessionToken: 'the-session-token' };
const EXPIRED = { accessKeyId: 'ASIAEXPIRED00000', secretAccessKey: 'old-secret', sessionToken: 'old-token', expiration: '2020-01-01T00:00:00Z' };

const BOTOCORE = `
import datetime, json, os, sys
import boto3, botocore.auth
from botocore.config import Config
case = sys.argv[1]
if case == 'skewed':
    real = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda: real() - datetime.timedelta(minutes=20)
region = 'moon-base-1' if case == 'wrong-region' else 'eu-west-1'
secret = 'not-the-secret' if case == 'wrong-secret' else os.environ['SECRET']
kms = boto3.client('kms', endpoint_url=os.environ['ENDPOINT'], region_name=region, aws_access_key_id=os.environ['AKID'],
                   aws_secret_access_key=secret, config=Config(retries={'max_attempts': 1, 'mode': 'standard'}))
try:
    kms.list_keys()
    print(json.dumps({'ok': True}))
except kms.exceptions.ClientError as error:
    print(json.dumps({'code': error.response['Error']['Code'], 'message': error.response['Error']['Message'], 'status': error.response['ResponseMetadata']['HTTPStatusCode']}))
`;

describe('who may come in: --host, --admin-token, --auth strict (SDK v3 and botocore)', function () {
  this.timeout(60_000);
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let endpoint: string;

  before(async () => {
    dir = createTempDir('access-e2e');
    const credentials = join(dir, 'keys.json');
    writeFileSync(credentials, JSON.stringify([ALICE, TEMPORARY, EXPIRED]));
    const flags = ['--host', '0.0.0.0', '--admin-token', ADMIN_TOKEN, '--auth', 'strict', '--credentials', credentials];
    child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', join(dir, 'data'), '--time-scale', '0', '--hsm-ports', 'ephemeral', '--engine', 'in-memory', ...flags], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "ready" in time:\n${output}`)), 30_000);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const port = /endpoint http:\/\/0\.0\.0\.0:(\d+)/.exec(output)?.[1];
        if (port && output.includes('cloudhsm-sim: ready')) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`simulator exited with ${code}:\n${output}`)));
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    removeTempDir(dir);
  });

  it('says at start that it listens beyond loopback and authenticates strictly; never prints the token', () => {
    expect(output).to.include('cloudhsm-sim: auth: strict (3 access keys from ');
    expect(output).to.include('listening on 0.0.0.0, beyond loopback');
    expect(output).not.to.include(ADMIN_TOKEN);
  });

  it('answers /_sim/ routes only with the admin token, 401 with a JSON message otherwise', async () => {
    const without = await fetch(`${endpoint}/_sim/health`);
    expect(without.status).to.equal(401);
    expect(((await without.json()) as { message: string }).message).to.include('admin token');
    expect((await fetch(`${endpoint}/_sim/health`, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).to.equal(401);
    expect((await fetch(`${endpoint}/_sim/health`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).to.equal(200);
    expect((await fetch(`${endpoint}/_sim/clock`, { headers: { 'x-sim-admin-token': ADMIN_TOKEN } })).status).to.equal(200);
  });

  async function sdkCall(keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, options: { region?: string; systemClockOffset?: number } = {}): Promise<{ name: string; message: string; status?: number }> {
    const client = new KMSClient({ endpoint, region: options.region ?? 'eu-west-1', credentials: keys, maxAttempts: 1, ...(options.systemClockOffset ? { systemClockOffset: options.systemClockOffset } : {}) });
    try {
      await client.send(new ListKeysCommand({}));
      return { name: 'ok', message: '' };
    } catch (error) {
      const failure = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
      return { name: failure.name, message: failure.message, ...(failure.$metadata?.httpStatusCode ? { status: failure.$metadata.httpStatusCode } : {}) };
    } finally {
      client.destroy();
    }
  }

  it('verifies what the JavaScript SDK signs: right, wrong secret, unknown key, wrong Region, clock 20 minutes off', async () => {
    const [right, wrongSecret, unknown, wrongRegion, skewed] = await Promise.all([
      sdkCall(ALICE),
      sdkCall({ ...ALICE, secretAccessKey: 'not-the-secret' }),
      sdkCall({ accessKeyId: 'AKIDNOBODY000000', secretAccessKey: 'x' }),
      sdkCall(ALICE, { region: 'moon-base-1' }),
      sdkCall(ALICE, { systemClockOffset: -20 * 60_000 }),
    ]);
    expect(right.name).to.equal('ok');
    expect(wrongSecret).to.include({ name: 'InvalidSignatureException', status: 400 });
    expect(wrongSecret.message).to.match(/^The request signature we calculated does not match/);
    expect(unknown).to.deep.equal({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', status: 400 });
    expect(wrongRegion).to.include({ name: 'InvalidSignatureException', status: 400 });
    expect(wrongRegion.message).to.match(/^Credential should be scoped to a valid region/);
    expect(skewed).to.include({ name: 'InvalidSignatureException', status: 400 });
    expect(skewed.message).to.match(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });

  it('wants the session token of temporary credentials, and refuses them once expired', async () => {
    const [withToken, withoutToken, expired] = await Promise.all([
      sdkCall(TEMPORARY),
      sdkCall({ accessKeyId: TEMPORARY.accessKeyId, secretAccessKey: TEMPORARY.secretAccessKey }),
      sdkCall({ accessKeyId: EXPIRED.accessKeyId, secretAccessKey: EXPIRED.secretAccessKey, sessionToken: EXPIRED.sessionToken }),
    ]);
    expect(withToken.name).to.equal('ok');
    expect(withoutToken).to.deep.equal({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', status: 400 });
    expect(expired).to.deep.equal({ name: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 400 });
  });

  it('verifies what botocore signs: right, wrong secret, wrong Region, clock 20 minutes off', () => {
    const run = (which: string): { ok?: boolean; code?: string; message?: string; status?: number } => {
      const result = spawnSync('python3', ['-c', BOTOCORE, which], { env: { ...process.env, ENDPOINT: endpoint, AKID: ALICE.accessKeyId, SECRET: ALICE.secretAccessKey }, encoding: 'utf8' });
      expect(result.status, result.stderr).to.equal(0);
      return JSON.parse(result.stdout) as { ok?: boolean; code?: string; message?: string; status?: number };
    };
    expect(run('right')).to.deep.equal({ ok: true });
    expect(run('wrong-secret')).to.include({ code: 'InvalidSignatureException', status: 400 });
    expect(run('wrong-region')).to.include({ code: 'InvalidSignatureException', status: 400 });
    const skewed = run('skewed');
    expect(skewed).to.include({ code: 'InvalidSignatureException', status: 400 });
    expect(skewed.message).to.match(/^Signature expired: /);
  });
});
