import { expect } from 'chai';
import { HOST, useInProcessCluster } from './in-process-cluster';
import { ADMIN_PASSWORD, cmuArgs, KMSUSER_PASSWORD, seedCluster } from './seeded-cluster';
import { cliJson, runCli, runCmu } from './tool-runner';

describe('cmu: key ownership, attributes, sharing and syncKey (7.7, 7.10)', () => {
  const cluster = useInProcessCluster(2);

  /** kmsuser's AES key on HSM 0 only (the in-process nodes do not replicate); its handle. */
  async function kmsuserKey(): Promise<number> {
    const args = ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts(), '--crypto', cluster().cryptoPort(0)];
    const run = await runCli([...args, 'key', 'generate-symmetric', 'aes', '--label', 'kms-key', '--key-length-bytes', '32'], [], { CLOUDHSM_ROLE: 'crypto-user', CLOUDHSM_PIN: `kmsuser:${KMSUSER_PASSWORD}` });
    const reference = (cliJson(run).data as { key: { 'key-reference': string } }).key['key-reference'];
    return Number.parseInt(reference, 16);
  }

  it('shows ownership to the CO, copies the key with syncKey, and reads attributes as the CU', async () => {
    await seedCluster(cluster());
    const handle = await kmsuserKey();

    const admin = await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'findAllKeys 3 1', `getKeyInfo -k ${handle}`, `syncKey ${handle} 1`, 'y', 'findAllKeys 3 0', 'quit']);

    const keyLists = admin.lines.filter((line) => line.startsWith('Number of keys found'));
    expect(keyLists).to.deep.equal(['Number of keys found 1', 'Number of keys found 0', 'Number of keys found 1', 'Number of keys found 1']);
    expect(admin.lines).to.include.members([`${handle}(o)`, `Key Info on server 0(${HOST}):`, '\tToken/Flash Key,', '\tOwned by user 3', 'syncKey success']);
    expect(admin.lines.filter((line) => line.startsWith('Key Hash: '))).to.have.length(2);
    expect(admin.lines.find((line) => line.startsWith('getKeyInfo failed on server 1'))).to.contain('CKR_OBJECT_HANDLE_INVALID');

    const user = await runCmu(cmuArgs(cluster()), [`loginHSM CU kmsuser ${KMSUSER_PASSWORD}`, `getAttribute ${handle} 3`, `getAttribute ${handle} 289`, 'quit']);

    expect(user.lines.filter((line) => line === 'OBJ_ATTR_LABEL')).to.have.length(2);
    expect(user.lines.filter((line) => line === 'kms-key')).to.have.length(2);
    expect(user.lines.find((line) => line.startsWith('getAttribute failed on server 0'))).to.contain('CKR_ATTRIBUTE_TYPE_INVALID');
  });

  it('shares a key with another crypto user: getKeyInfo lists it, findAllKeys marks it (s)', async () => {
    await seedCluster(cluster());
    await runCmu(cmuArgs(cluster()), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'createUser CU alice Alice-pw1', 'y', 'quit']);
    const handle = await kmsuserKey();

    const owner = await runCmu(cmuArgs(cluster(), [0]), [`loginHSM CU kmsuser ${KMSUSER_PASSWORD}`, `shareKey ${handle} 4 1`, 'y', `getKeyInfo -k ${handle}`, 'quit']);
    expect(owner.lines).to.include.members([`shareKey success on server 0(${HOST})`, '\talso, shared to following 1 user(s):', '\t\t 4']);

    const admin = await runCmu(cmuArgs(cluster(), [0]), [`loginHSM CO admin ${ADMIN_PASSWORD}`, 'findAllKeys 4 0', 'quit']);
    expect(admin.lines).to.include(`${handle}(s)`);
  });

  it('lists the attribute constants', async () => {
    const run = await runCmu(cmuArgs(cluster()), ['listAttributes', 'quit']);
    expect(run.lines).to.include.members(['      OBJ_ATTR_LABEL                  = 3', '      OBJ_ATTR_KEY_TYPE               = 256', '      OBJ_ATTR_ALL                    = 512']);
  });
});
