import { expect } from 'chai';
import { PRECO_PASSWORD, useInProcessCluster } from './in-process-cluster';
import { cliJson, runCli } from './tool-runner';

describe('cli: cluster activate and user management (6.6, 7.9)', () => {
  const cluster = useInProcessCluster(1);

  it('activates as the unactivated-admin from the environment, then creates a user as admin', async () => {
    const args = ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts()];

    const activate = await runCli([...args, 'cluster', 'activate', '--password', 'Newpass1'], [], { CLOUDHSM_ROLE: 'unactivated-admin', CLOUDHSM_PIN: `admin:${PRECO_PASSWORD}` });
    expect(activate.code).to.equal(0);
    expect(cliJson(activate)).to.deep.equal({ error_code: 0, data: 'Cluster activation successful' });
    expect(cluster().node(0).isActivated).to.equal(true);

    const create = await runCli([...args, 'user', 'create', '--username', 'KmsUser', '--role', 'crypto-user', '--password', 'kmsPswd'], [], { CLOUDHSM_ROLE: 'admin', CLOUDHSM_PIN: 'admin:Newpass1' });
    expect(cliJson(create)).to.deep.equal({ error_code: 0, data: { username: 'kmsuser', role: 'crypto-user' } });
  });

  it('runs a script of commands on one connection set, login first', async () => {
    const run = await runCli(
      ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts()],
      [
        'user create --username kmsuser --role crypto-user --password kmsPswd',
        `login --username admin --role unactivated-admin --password ${PRECO_PASSWORD}`,
        'cluster activate --password Newpass1',
        'user create --username kmsuser --role crypto-user --password kmsPswd',
        'user change-password --username admin --role admin --password Newpass2',
        'logout',
        'login --username admin --role admin --password Newpass2',
        'user delete --username kmsuser --role crypto-user',
        'quit',
      ],
    );

    expect(run.code).to.equal(0);
    const outputs = JSON.parse(`[${run.stdout.replace(/\}\n\{/g, '},{')}]`) as { error_code: number; data: unknown }[];
    expect(outputs.map((output) => output.error_code)).to.deep.equal([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(outputs[0]?.data).to.contain('needs a login');
    expect(outputs[1]?.data).to.deep.equal({ username: 'admin', role: 'unactivated-admin' });
    expect(outputs[5]?.data).to.equal('Logout successful');
    expect(outputs[6]?.data).to.deep.equal({ username: 'admin', role: 'admin' });
    expect(cluster().node(0).findUser('kmsuser')).to.equal(undefined);
  });

  it('explains a one-shot command without credentials', async () => {
    const run = await runCli(['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts(), 'user', 'create', '--username', 'x_user', '--role', 'crypto-user', '--password', 'Passw0rd']);
    expect(run.code).to.equal(1);
    expect((cliJson(run).data as string)).to.contain('CLOUDHSM_ROLE');
  });
});
