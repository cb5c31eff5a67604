import { expect } from 'chai';
import { useInProcessCluster } from './in-process-cluster';
import { activateCluster, ADMIN_PASSWORD } from './seeded-cluster';
import { cliJson, runCli } from './tool-runner';

describe('cli: user list and its cluster-coverage (7.9)', () => {
  const cluster = useInProcessCluster(3);

  it('shows a user created through a configuration that misses an HSM as partial', async () => {
    await activateCluster(cluster());
    const admin = { CLOUDHSM_ROLE: 'admin', CLOUDHSM_PIN: `admin:${ADMIN_PASSWORD}` };
    const twoHsms = ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts([0]), '--hsm', cluster().managementPorts([1])];
    const create = await runCli([...twoHsms, 'user', 'create', '--username', 'kmsuser', '--role', 'crypto-user', '--password', 'kmsPswd'], [], admin);
    expect(create.code).to.equal(0);

    const list = await runCli(['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts(), 'user', 'list']);

    expect(list.code).to.equal(0);
    expect(cliJson(list)).to.deep.equal({
      error_code: 0,
      data: {
        users: [
          { username: 'admin', role: 'admin', locked: 'false', mfa: [], quorum: [], 'cluster-coverage': 'full' },
          { username: 'app_user', role: 'internal(APPLIANCE_USER)', locked: 'false', mfa: [], quorum: [], 'cluster-coverage': 'full' },
          { username: 'kmsuser', role: 'crypto-user', locked: 'false', mfa: [], quorum: [], 'cluster-coverage': 'partial' },
        ],
      },
    });
  });

  it('shows a locked user as "locked": "true"', async () => {
    await activateCluster(cluster());
    const args = ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts()];
    await runCli([...args, 'user', 'create', '--username', 'kmsuser', '--role', 'crypto-user', '--password', 'kmsPswd'], [], { CLOUDHSM_ROLE: 'admin', CLOUDHSM_PIN: `admin:${ADMIN_PASSWORD}` });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await runCli([...args, 'login', '--username', 'kmsuser', '--role', 'crypto-user', '--password', 'wrong-pw']);
      expect(cliJson(wrong).data).to.contain('CKR_PIN_INCORRECT');
    }

    const list = await runCli([...args, 'user', 'list']);
    const users = (cliJson(list).data as { users: { username: string; locked: string }[] }).users;
    expect(users.find((user) => user.username === 'kmsuser')?.locked).to.equal('true');
  });
});
