// The key material is really in SoftHSM: a key made through the engine is listed by OpenSC's
// pkcs11-tool, an independent PKCS#11 client, reading the same token directory.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { resolveSoftHsmLibrary } from '../../hsm-sim/engine/softhsm/softhsm-library-path';
import { SoftHsmEngine } from '../../hsm-sim/engine/softhsm/softhsm-engine';
import { createTempDir, removeTempDir } from '../support/temp-dir';

const run = promisify(execFile);

describe('SoftHSM key material seen by pkcs11-tool', () => {
  let directory: string;
  beforeEach(() => (directory = createTempDir('pkcs11-tool')));
  afterEach(() => removeTempDir(directory));

  it('lists a token key generated through the engine', async () => {
    const engine = await SoftHsmEngine.open({ directory });
    try {
      await engine.initToken({ label: 'hsm-visible', soPin: 'so-pin-1234', userPin: 'user-pin-1234' });
      const session = await engine.openSession('hsm-visible');
      await session.login('user-pin-1234');
      await session.generateKey({ type: 'AES', bits: 256 }, { token: true, label: 'kms-key-arn-label', id: Buffer.from('c0ffee', 'hex'), encrypt: true });
      await session.generateKeyPair({ type: 'EC', curve: 'P-256' }, { token: true, label: 'ec-pair' }, { token: true, label: 'ec-pair', sign: true });
    } finally {
      await engine.close();
    }

    const env = { ...process.env, SOFTHSM2_CONF: join(directory, 'softhsm2.conf') };
    const args = ['--module', resolveSoftHsmLibrary(), '--token-label', 'hsm-visible', '--login', '--pin', 'user-pin-1234', '--list-objects'];
    const { stdout } = await run('pkcs11-tool', args, { env });
    expect(stdout).to.match(/Secret Key Object; AES length 32/);
    expect(stdout).to.match(/label:\s+kms-key-arn-label/);
    expect(stdout).to.match(/ID:\s+c0ffee/);
    expect(stdout).to.match(/Private Key Object; EC/);

    const anonymous = await run('pkcs11-tool', args.filter((arg) => !['--login', '--pin', 'user-pin-1234'].includes(arg)), { env });
    expect(anonymous.stdout, 'private objects are hidden without login').to.not.include('kms-key-arn-label');
  });
});
