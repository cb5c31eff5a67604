import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import { HOST, useInProcessCluster } from './in-process-cluster';
import { activateCluster, ADMIN_PASSWORD, cmuArgs } from './seeded-cluster';
import { runCmu } from './tool-runner';

describe('cmu: 2FA for crypto officers (7.5)', () => {
  const cluster = useInProcessCluster(2);

  it('registers a key with createUser -2fa; loginHSM needs -2fa with its private half', async () => {
    await activateCluster(cluster());
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPath = cluster().writeFile('bob.pub.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const privatePath = cluster().writeFile('bob.key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

    const run = await runCmu(cmuArgs(cluster()), [
      `loginHSM CO admin ${ADMIN_PASSWORD}`,
      `createUser CO bob Bob-pass1 -2fa ${publicPath}`,
      'y',
      'logoutHSM',
      'loginHSM CO bob Bob-pass1',
      `loginHSM CO bob Bob-pass1 -2fa ${privatePath}`,
      'info server 0',
      'listUsers',
      'quit',
    ]);

    const refusals = run.lines.filter((line) => line.startsWith('loginHSM failed on server'));
    expect(refusals).to.have.length(2);
    for (const refusal of refusals) expect(refusal).to.contain(": CKR_MFA_REQUIRED (user 'bob' has 2FA: log in with -2fa <private key PEM path>)");
    expect(run.lines).to.include.members([`loginHSM success on server 0(${HOST})`, `loginHSM success on server 1(${HOST})`]);
    expect(run.lines.find((line) => line.startsWith('0       '))).to.match(/Connected\s+hsm-test0\s+Logged in as 'bob\(CO\)'$/);
    expect(run.lines.filter((line) => /^\s+3\s+CO\s+bob\s+NO\s+0\s+YES$/.test(line))).to.have.length(2);
  });
});
