// Who may come in, as configured: --host, --admin-token, --auth and --credentials (and their variables).

import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessBannerLines } from '../../../src/cli/access-banner.format';
import { START_SPEC } from '../../../src/cli/command-flags';
import { loadCredentialsFile } from '../../../src/main/credentials-file.loader';
import { isLoopbackHost, loadSimulatorConfig } from '../../../src/main/simulator-config';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const TOKEN = 'a-long-admin-token-0123456789';

describe('simulator access configuration (--host, --admin-token, --auth, --credentials)', () => {
  let dir: string;
  before(() => (dir = createTempDir('access')));
  after(() => removeTempDir(dir));

  function file(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('binds 127.0.0.1, lenient, with no admin token unless told otherwise', () => {
    const config = loadSimulatorConfig({}, {});
    expect([config.host, config.auth, config.credentialsFile, config.adminToken]).to.deep.equal(['127.0.0.1', 'lenient', undefined, undefined]);
    expect(accessBannerLines(config, 0)).to.deep.equal(['cloudhsm-sim: auth: lenient (any credentials)']);
  });

  it('refuses to listen beyond loopback without an admin token, and says so at start when it does', () => {
    expect(() => loadSimulatorConfig({ host: '0.0.0.0' }, {})).to.throw('--host 0.0.0.0 listens beyond loopback: give --admin-token TOKEN');
    const config = loadSimulatorConfig({ host: '0.0.0.0' }, { CLOUDHSM_SIM_ADMIN_TOKEN: TOKEN });
    expect(config.adminToken).to.equal(TOKEN);
    const banner = accessBannerLines(config, 0).join('\n');
    expect(banner).to.include('listening on 0.0.0.0, beyond loopback').and.not.include(TOKEN);
    expect(loadSimulatorConfig({ host: '127.0.0.2' }, {}).host).to.equal('127.0.0.2');
    expect([isLoopbackHost('localhost'), isLoopbackHost('::1'), isLoopbackHost('127.1.2.3'), isLoopbackHost('10.0.0.1'), isLoopbackHost('::')]).to.deep.equal([true, true, true, false, false]);
    expect(() => loadSimulatorConfig({ 'admin-token': 'short' }, {})).to.throw('--admin-token must be 16 to 512 printable characters');
  });

  it('needs --credentials with --auth strict, and only then', () => {
    expect(() => loadSimulatorConfig({ auth: 'strict' }, {})).to.throw('--auth strict needs --credentials FILE');
    expect(() => loadSimulatorConfig({ credentials: 'x.json' }, {})).to.throw('--credentials is read only with --auth strict');
    expect(() => loadSimulatorConfig({ auth: 'paranoid' }, {})).to.throw('--auth must be lenient or strict, not "paranoid"');
    const config = loadSimulatorConfig({ auth: 'strict', credentials: '/keys.json' }, {});
    expect(accessBannerLines(config, 2)).to.deep.equal(['cloudhsm-sim: auth: strict (2 access keys from /keys.json)']);
  });

  it('lists the new flags in start --help, so the flag check lets them through', () => {
    expect(Object.keys(START_SPEC.flags)).to.include.members(['host', 'admin-token', 'auth', 'credentials']);
  });

  it('reads access keys from JSON and from an INI-like file', () => {
    const json = file('keys.json', JSON.stringify([{ accessKeyId: 'AKIDALICE', secretAccessKey: 's1', accountId: '999988887777' }, { accessKeyId: 'ASIATEMP', secretAccessKey: 's2', sessionToken: 'tok', expiration: '2030-01-01T00:00:00Z' }]));
    expect(loadCredentialsFile(json)).to.deep.equal({
      AKIDALICE: { secretAccessKey: 's1', accountId: '999988887777' },
      ASIATEMP: { secretAccessKey: 's2', sessionToken: 'tok', expiration: new Date('2030-01-01T00:00:00Z') },
    });
    const ini = file('credentials', '# keys\n[alice]\naws_access_key_id = AKIDALICE\naws_secret_access_key = s1\naws_account_id = 999988887777\n\n[bob]\naws_access_key_id=AKIDBOB\naws_secret_access_key=s=3\n');
    expect(loadCredentialsFile(ini)).to.deep.equal({ AKIDALICE: { secretAccessKey: 's1', accountId: '999988887777' }, AKIDBOB: { secretAccessKey: 's=3' } });
    expect(loadCredentialsFile(file('wrapped.json', JSON.stringify({ credentials: [{ accessKeyId: 'AKIDX', secretAccessKey: 'x' }] })))).to.have.keys('AKIDX');
  });

  it('names what is wrong with a credentials file, never a secret', () => {
    const problems = [
      file('bad.json', '{"credentials": [{"accessKeyId": "AKID", "secretAccessKey": "TOPSECRET", "accountId": "12"}]}'),
      file('twice.json', '[{"accessKeyId": "A", "secretAccessKey": "TOPSECRET"}, {"accessKeyId": "A", "secretAccessKey": "TOPSECRET"}]'),
      file('nosecret.ini', '[a]\naws_access_key_id = A\n'),
      file('empty.json', '[]'),
      file('broken.json', '{"credentials": '),
      join(dir, 'missing.json'),
    ].map((path) => {
      try {
        loadCredentialsFile(path);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(problems.map((message) => message.replace(`${dir}/`, ''))).to.deep.equal([
      'bad.json entry 1 (AKID): accountId must be 12 digits',
      'twice.json: access key A is listed twice',
      'nosecret.ini entry 1 (A): secretAccessKey is missing',
      'empty.json lists no access keys',
      'broken.json is not valid JSON',
      'cannot read --credentials missing.json: ENOENT',
    ]);
    expect(problems.join(' ')).not.to.include('TOPSECRET');
  });
});
