// `cloudhsm-sim tour` against a running simulator walks all its steps and ends with a working key.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { SimulatorProcess } from '../support/simulator-process';

const BIN = join(__dirname, '..', '..', '..', '..', 'bin', 'cloudhsm-sim.js');

describe('e2e: cloudhsm-sim tour', function () {
  this.timeout(180_000);
  let simulator: SimulatorProcess;
  before(async () => (simulator = await SimulatorProcess.start()));
  after(() => simulator?.destroy());

  it('walks the seed procedure to a key used for encryption', async () => {
    const env = { ...process.env, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'tour', '--endpoint', simulator.endpoint, '--work-dir', simulator.dataDir], { env, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout.match(/^== Step \d+ of 10:/gm)).to.have.length(10);
    expect(stdout).to.contain('now: custom key store').and.to.contain(': CONNECTED');
    // Decrypt prints the plaintext base64-encoded: "Hello, CloudHSM".
    expect(stdout).to.contain(Buffer.from('Hello, CloudHSM').toString('base64'));
    expect(stdout).to.match(/findAllKeys success on server 1/);
    expect(stdout).to.contain('cloudhsm-sim tour: done.');
  });
});
