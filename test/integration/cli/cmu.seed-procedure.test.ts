import { expect } from 'chai';
import { HOST, PRECO_PASSWORD, useInProcessCluster } from './in-process-cluster';
import { ADMIN_PASSWORD, cmuArgs } from './seeded-cluster';
import { runCmu } from './tool-runner';

const KMSUSER_ROW = '         3              CU              kmsuser                                  NO               0                 NO';

describe('cmu: the seed procedure (activate, createUser CU kmsuser, listUsers)', () => {
  const cluster = useInProcessCluster(3);

  it('activates the first HSM with loginHSM PRECO and changePswd PRECO: admin becomes a CO', async () => {
    const run = await runCmu(cmuArgs(cluster(), [0]), [`loginHSM PRECO admin ${PRECO_PASSWORD}`, `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'listUsers', 'quit']);

    expect(run.code).to.equal(0);
    expect(run.lines).to.include.members([
      `loginHSM success on server 0(${HOST})`,
      'Do you want to continue(y/n)?',
      'Changing password for admin(PRECO) on 1 nodes',
      `changePswd success on server 0(${HOST})`,
      '         1              CO              admin                                    NO               0                 NO',
    ]);
    expect(cluster().node(0).isActivated).to.equal(true);
  });

  it('creates kmsuser on every HSM of the cluster and lists it on each', async () => {
    const activation = await runCmu(cmuArgs(cluster(), [0]), [`loginHSM PRECO admin ${PRECO_PASSWORD}`, `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'quit']);
    expect(activation.code).to.equal(0);
    await cluster().cloneFirstToOthers();

    const run = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU kmsuser kmsPswd', 'y', 'listU', 'quit']);

    expect(run.code).to.equal(0);
    expect(run.lines).to.include.members([
      ...[0, 1, 2].map((index) => `loginHSM success on server ${index}(${HOST})`),
      'Creating User kmsuser(CU) on 3 nodes',
      ...[0, 1, 2].map((index) => `createUser success on server ${index}(${HOST})`),
      ...[0, 1, 2].map((index) => `Users on server ${index}(${HOST}):`),
    ]);
    expect(run.lines.filter((line) => line === 'Number of users found:3')).to.have.length(3);
    expect(run.lines.filter((line) => line === KMSUSER_ROW)).to.have.length(3);
    for (const index of [0, 1, 2]) expect(cluster().node(index).findUser('kmsuser')?.role).to.equal('CU');
  });

  it('never prints a password', async () => {
    const run = await runCmu(cmuArgs(cluster(), [0]), [`loginHSM PRECO admin ${PRECO_PASSWORD}`, `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'createUser CU kmsuser kmsPswd', 'y', 'quit']);
    expect(run.stdout + run.stderr).not.to.contain(PRECO_PASSWORD).and.not.to.contain(ADMIN_PASSWORD).and.not.to.contain('kmsPswd');
  });
});
