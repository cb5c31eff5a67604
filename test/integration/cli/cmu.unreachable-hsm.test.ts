import { expect } from 'chai';
import { HOST, useInProcessCluster } from './in-process-cluster';
import { activateCluster, ADMIN_PASSWORD, cmuArgs } from './seeded-cluster';
import { cliJson, runCli, runCmu } from './tool-runner';

interface ListedUser {
  readonly username: string;
  readonly 'cluster-coverage': string;
}

async function kmsuserCoverage(args: readonly string[]): Promise<string | undefined> {
  const data = cliJson(await runCli([...args, 'user', 'list'])).data as { users: ListedUser[] };
  return data.users.find((user) => user.username === 'kmsuser')?.['cluster-coverage'];
}

describe('cmu: an HSM down while users change (7.10: users are not synchronised)', () => {
  const cluster = useInProcessCluster(3);

  it('warns about the HSM it cannot reach, creates the user on the others only, and syncUser fixes it later', async () => {
    await activateCluster(cluster());
    await cluster().takeDown(2);

    const partial = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU kmsuser kmsPswd', 'y', 'quit']);

    expect(partial.code).to.equal(0);
    const warning = partial.lines.find((line) => line.startsWith('Warning:'));
    expect(warning).to.match(/^Warning: could not connect to server 2 '127\.0\.0\.1' port \d+: ECONNREFUSED \(nothing is listening there/);
    expect(partial.lines).to.include.members([`loginHSM success on server 0(${HOST})`, `loginHSM success on server 1(${HOST})`, 'Creating User kmsuser(CU) on 2 nodes']);
    expect(partial.stdout).not.to.contain('server 2(');
    expect(cluster().node(2).findUser('kmsuser')).to.equal(undefined);

    await cluster().bringBack(2);
    const cliArgs = ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts()];
    expect(await kmsuserCoverage(cliArgs)).to.equal('partial');

    // 7.7: `server <n>` then `syncUser <uid> <server>`
    const fixed = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'server 0', 'syncUser 3 2', 'y', 'exit', 'listUsers', 'quit']);

    expect(fixed.lines).to.include('syncUser success');
    expect(fixed.lines.filter((line) => line === 'Number of users found:3')).to.have.length(3);
    expect(cluster().node(2).findUser('kmsuser')).to.include({ id: 3, role: 'CU' });
    expect(await kmsuserCoverage(cliArgs)).to.equal('full');
  });

  it('reports a per-server failure and carries on with the other servers', async () => {
    await activateCluster(cluster());
    cluster().node(1).importUser({ ...cluster().node(0).exportUser('admin'), id: 3, username: 'kmsuser', role: 'CU' });

    const run = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU kmsuser kmsPswd', 'y', 'quit']);

    expect(run.lines).to.include.members([`createUser success on server 0(${HOST})`, `createUser success on server 2(${HOST})`]);
    expect(run.lines.find((line) => line.startsWith('createUser failed on server 1'))).to.match(/^createUser failed on server 1\(127\.0\.0\.1\): CKR_USER_ALREADY_EXISTS \(.+\)$/);
  });
});
