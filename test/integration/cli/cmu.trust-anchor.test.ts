import { expect } from 'chai';
import { createHardwareCa } from '../../../hsm-sim/node/certificates';
import { useInProcessCluster } from './in-process-cluster';
import { cliJson, runCli, runCmu } from './tool-runner';

describe('admin tools: the HSMs are verified against --ca-file (6.5)', () => {
  const cluster = useInProcessCluster(2);

  it('cmu names the untrusted certificate for each HSM and stops', async () => {
    const otherCa = cluster().writeFile('other-ca.crt', createHardwareCa().certPem);

    const run = await runCmu(['--ca-file', otherCa, '--hsm', cluster().managementPorts()], ['listUsers', 'quit']);

    expect(run.code).to.equal(1);
    const warnings = run.lines.filter((line) => line.startsWith('Warning:'));
    expect(warnings).to.have.length(2);
    for (const warning of warnings) expect(warning).to.contain("the HSM's certificate does not chain to the --ca-file trust anchor");
    expect(run.stderr).to.contain('no HSM could be reached');
  });

  it('cli answers with an error and exit code 1', async () => {
    const otherCa = cluster().writeFile('other-ca.crt', createHardwareCa().certPem);

    const run = await runCli(['--ca-file', otherCa, '--hsm', cluster().managementPorts(), 'user', 'list']);

    expect(run.code).to.equal(1);
    expect(cliJson(run)).to.deep.include({ error_code: 1 });
    expect(run.stderr).to.contain('does not chain to the --ca-file trust anchor');
  });

  it('refuses a --ca-file that holds no certificate, and an --endpoint where no simulator answers', async () => {
    const notPem = cluster().writeFile('empty.crt', 'nothing here\n');
    const empty = await runCmu(['--ca-file', notPem, '--hsm', cluster().managementPorts()], []);
    expect(empty.code).to.equal(2);
    expect(empty.stderr).to.contain('holds no PEM certificate');

    const endpoint = await runCmu(['--ca-file', cluster().caFile, '--cluster-id', 'cluster-abc', '--endpoint', 'http://127.0.0.1:1'], []);
    expect(endpoint.code).to.equal(2);
    expect(endpoint.stderr).to.contain('cannot reach the simulator at http://127.0.0.1:1');
  });
});
