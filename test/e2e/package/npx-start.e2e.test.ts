// The package as someone installs it: `npm pack`, the tarball installed into an empty folder (from the
// npm cache; the native modules build there), then `npx cloudhsm-sim start --port 0 --preset seed` in
// that folder, `npx cloudhsm-sim wait-ready`, GET /_sim/health, the library entry by its name, Ctrl-C.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const ENDPOINT_LINE = /endpoint (http:\/\/127\.0\.0\.1:\d+)/;
const MAX_BUFFER = 16 * 1024 * 1024;
/** Where this node's headers are (/usr/include/node), so node-gyp builds pkcs11js and better-sqlite3 without downloading them. */
const NODE_DIR = dirname(dirname(process.execPath));

describe('e2e: the packed package, installed and run with npx', function () {
  this.timeout(600_000);
  let scratch = '';
  let simulator: ChildProcess | undefined;
  let output = '';

  before(async () => {
    scratch = createTempDir('npx');
    const { stdout } = await run('npm', ['pack', '--pack-destination', scratch, '--silent'], { cwd: REPO_ROOT, maxBuffer: MAX_BUFFER });
    const tarball = join(scratch, stdout.trim().split('\n').at(-1)!);
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], {
      cwd: scratch,
      maxBuffer: MAX_BUFFER,
      env: { ...process.env, npm_config_nodedir: NODE_DIR },
    });
  });

  after(async () => {
    if (simulator?.pid !== undefined && groupAlive(simulator.pid)) process.kill(-simulator.pid, 'SIGKILL');
    if (scratch) removeTempDir(scratch);
  });

  it('ships dist, bin, the fixtures and the models, and no tests', () => {
    const installed = join(scratch, 'node_modules', 'cloudhsm-sim');
    expect(readdirSync(installed).sort()).to.include.members(['bin', 'dist', 'fixtures', 'package.json', 'src']);
    expect(readdirSync(join(installed, 'dist')).sort()).to.deep.equal(['hsm-sim', 'src']);
    expect(readdirSync(join(installed, 'fixtures', 'presets'))).to.include('seed.json');
  });

  it('starts with npx and --preset seed, answers /_sim/health ready after wait-ready, and stops on Ctrl-C', async () => {
    const child = spawn('npx', ['--no-install', 'cloudhsm-sim', 'start', '--port', '0', '--preset', 'seed', '--data-dir', join(scratch, 'data'), '--time-scale', '0', '--hsm-ports', 'ephemeral'], {
      cwd: scratch,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    simulator = child;
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no endpoint printed in 60 s:\n${output}`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = ENDPOINT_LINE.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`npx cloudhsm-sim start exited with ${code}:\n${output}`)));
    });

    const waited = await run('npx', ['--no-install', 'cloudhsm-sim', 'wait-ready', '--endpoint', endpoint, '--timeout', '60'], { cwd: scratch });
    expect(waited.stdout).to.contain(`${endpoint} is ready`);
    const health = (await (await fetch(`${endpoint}/_sim/health`)).json()) as { status: string; services: Record<string, string>; hsms: Record<string, string> };
    expect(health.status).to.equal('ready');
    expect(health.services).to.deep.equal({ cloudhsmv2: 'running', cloudtrail: 'running', ec2: 'running', kms: 'running' });
    expect(Object.keys(health.hsms)).to.have.length(2);
    expect(output).to.match(/custom key store cks-[0-9a-z]+ {2}ExampleKeyStore {2}CONNECTED/);

    const library = await run(process.execPath, ['-e', "console.log(typeof require('cloudhsm-sim').startSimulator)"], { cwd: scratch });
    expect(library.stdout.trim()).to.equal('function');

    // Ctrl-C reaches the whole process group: npx, the simulator and its HSM processes.
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    const deadline = Date.now() + 15_000;
    while (groupAlive(child.pid!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(groupAlive(child.pid!), 'a process of the group is still running').to.equal(false);
    expect(output).to.contain('cloudhsm-sim: stopping');
  });
});

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
