import { expect } from 'chai';
import { useInProcessCluster } from './in-process-cluster';
import { activateCluster, ADMIN_PASSWORD, cmuArgs } from './seeded-cluster';
import { runCmu } from './tool-runner';

describe('cmu: the CAUTION question of mutating commands (7.7)', () => {
  const cluster = useInProcessCluster(2);

  it("changes nothing when the answer is 'n' or the input ends", async () => {
    await activateCluster(cluster());

    const run = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU bob Passw0rd', 'n', 'deleteUser CO admin']);

    expect(run.code).to.equal(0);
    expect(run.lines.filter((line) => line === '*************************CAUTION********************************')).to.have.length(2);
    expect(run.lines.filter((line) => line === 'createUser cancelled: no HSM was changed')).to.have.length(1);
    expect(run.lines).to.include('deleteUser cancelled: no HSM was changed');
    expect(run.stdout).not.to.contain('Creating User');
    for (const index of [0, 1]) expect(cluster().node(index).findUser('bob')).to.equal(undefined);
    expect(cluster().node(0).findUser('admin')).not.to.equal(undefined);
  });
});
