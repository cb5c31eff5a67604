import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFlags } from '../../../src/cli/parse-flags';
import { loadHsmHosts, parseHsmHostFlag, parseHsmHostsFile } from '../../../src/main/hsm-hosts.parser';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const TOKEN = 'a-token-of-24-characters';

describe('HSM host placement flags', () => {
  let directory: string;
  before(() => (directory = createTempDir('hsm-hosts')));
  after(() => removeTempDir(directory));

  it('reads az=ZONE,addr=HOST[:PORT], repeated or split by ;', () => {
    const { flags } = parseFlags(['start', '--hsm-host', 'az=us-east-1a,addr=10.199.7.10:7401', '--hsm-host=az=us-east-1b,addr=hsm-b']);
    expect(parseHsmHostFlag(flags['hsm-host']!)).to.deep.equal([
      { availabilityZone: 'us-east-1a', host: '10.199.7.10', port: 7401 },
      { availabilityZone: 'us-east-1b', host: 'hsm-b', port: 7400 },
    ]);
    expect(parseHsmHostFlag('az=eu-west-1c,addr=[fd00::7]:7402; az=eu-west-1a,addr=h')).to.have.length(2);
  });

  it('refuses what is not a placement', () => {
    expect(() => parseHsmHostFlag('us-east-1a=10.0.0.1')).to.throw('az=ZONE,addr=HOST[:PORT]');
    expect(() => parseHsmHostFlag('az=us-east-1a,addr=h,token=x')).to.throw('az=ZONE,addr=HOST[:PORT]');
    expect(() => parseHsmHostFlag('az=east,addr=h')).to.throw('not an Availability Zone');
    expect(() => parseHsmHostFlag('az=us-east-1a,addr=h:99999')).to.throw('not HOST[:PORT]');
  });

  it('reads a hosts file', () => {
    const file = join(directory, 'hosts.json');
    writeFileSync(file, JSON.stringify([{ availabilityZone: 'us-east-2a', address: 'hsm-a:7400' }]));
    expect(parseHsmHostsFile(file)).to.deep.equal([{ availabilityZone: 'us-east-2a', host: 'hsm-a', port: 7400 }]);
    writeFileSync(file, '{"availabilityZone": "us-east-2a"}');
    expect(() => parseHsmHostsFile(file)).to.throw('a JSON list');
  });

  it('needs a token of 16 characters or more, from a file or the environment, and one host per zone', () => {
    expect(loadHsmHosts({}, {})).to.equal(undefined);
    const flags = { 'hsm-host': 'az=us-east-1a,addr=h' };
    expect(() => loadHsmHosts(flags, {})).to.throw('token of at least 16 characters');
    expect(() => loadHsmHosts(flags, { CLOUDHSM_SIM_HOST_TOKEN: 'short' })).to.throw('token of at least 16 characters');
    expect(loadHsmHosts(flags, { CLOUDHSM_SIM_HOST_TOKEN: TOKEN })?.token).to.equal(TOKEN);
    const tokenFile = join(directory, 'token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    expect(loadHsmHosts({ ...flags, 'hsm-host-token-file': tokenFile }, {})?.hosts).to.have.length(1);
    expect(() => loadHsmHosts({ 'hsm-host': 'az=us-east-1a,addr=h\naz=us-east-1a,addr=g' }, { CLOUDHSM_SIM_HOST_TOKEN: TOKEN })).to.throw('named twice');
  });
});
