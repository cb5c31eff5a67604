import { expect } from 'chai';
import { useInProcessCluster } from './in-process-cluster';
import { ADMIN_PASSWORD, KMSUSER_PASSWORD, seedCluster } from './seeded-cluster';
import { cliJson, runCli } from './tool-runner';

interface ListedKey {
  readonly 'key-reference': string;
  readonly 'key-info'?: { readonly 'key-owners': { username: string }[]; readonly 'shared-users': { username: string }[]; readonly 'cluster-coverage': string };
  readonly attributes: Record<string, unknown>;
}

describe('cli: key generate, list, share and delete as a crypto user (7.9, 7.10)', () => {
  const cluster = useInProcessCluster(2);

  function args(): string[] {
    return ['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts(), '--crypto', cluster().cryptoPort(0)];
  }

  it('generates keys, lists them with filters, shares one with another crypto user and deletes one', async () => {
    await seedCluster(cluster());
    const createAlice = await runCli([...args(), 'user', 'create', '--username', 'alice', '--role', 'crypto-user', '--password', 'Alice-pw1'], [], { CLOUDHSM_ROLE: 'admin', CLOUDHSM_PIN: `admin:${ADMIN_PASSWORD}` });
    expect(cliJson(createAlice).error_code).to.equal(0);

    const owner = await runCli(args(), [
      `login --username kmsuser --role crypto-user --password ${KMSUSER_PASSWORD}`,
      'key generate-symmetric aes --label "backing key" --key-length-bytes 32 --attributes encrypt=true decrypt=true',
      'key generate-asymmetric-pair ec --curve secp256r1 --public-label ec-pub --private-label ec-priv',
      'key generate-symmetric generic-secret --label hmac --key-length-bytes 32 --session',
      'key list --filter "attr.label=backing key" --verbose',
      'key share --filter "attr.label=backing key" --username alice --role crypto-user',
      'key delete --filter attr.label=ec-priv',
      'key list',
    ]);

    const outputs = JSON.parse(`[${owner.stdout.replace(/\}\n\{/g, '},{')}]`) as { error_code: number; data: Record<string, unknown> }[];
    expect(outputs.map((output) => output.error_code), owner.stdout).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 0]);
    const aes = (outputs[1]?.data.key ?? {}) as ListedKey;
    expect(aes.attributes).to.deep.include({ 'key-type': 'aes', label: 'backing key', class: 'secret-key', encrypt: true, decrypt: true, token: true, 'key-length-bytes': 32 });
    expect(aes['key-reference']).to.match(/^0x[0-9a-f]{16}$/);
    expect(outputs[2]?.data).to.have.keys('public_key', 'private_key');
    expect(((outputs[3]?.data.key ?? {}) as ListedKey)['key-info']?.['cluster-coverage']).to.equal('session');

    const [listed] = outputs[4]?.data.matched_keys as ListedKey[];
    expect(listed?.['key-reference']).to.equal(aes['key-reference']);
    // the in-process HSMs do not replicate: the key is on one HSM of two
    expect(listed?.['key-info']).to.deep.include({ 'key-owners': [{ username: 'kmsuser', 'key-coverage': 'partial' }], 'cluster-coverage': 'partial' });
    expect(outputs[5]?.data).to.deep.equal({ message: 'Key shared successfully' });
    expect(outputs[6]?.data).to.deep.equal({ message: 'Key deleted successfully' });
    expect((outputs[7]?.data.matched_keys as ListedKey[]).map((key) => key.attributes.label)).to.deep.equal(['backing key', 'ec-pub', 'hmac']);

    const sharer = await runCli([...args(), 'key', 'list', '--verbose'], [], { CLOUDHSM_ROLE: 'crypto-user', CLOUDHSM_PIN: 'alice:Alice-pw1' });
    const seen = (cliJson(sharer).data as { matched_keys: ListedKey[] }).matched_keys;
    expect(seen.map((key) => key.attributes.label)).to.deep.equal(['backing key', 'ec-pub']);
    expect(seen[0]?.['key-info']?.['shared-users']).to.deep.equal([{ username: 'alice', 'key-coverage': 'partial' }]);
  });

  it('refuses key commands without --crypto, and a delete filter that matches several keys', async () => {
    await seedCluster(cluster());
    const credentials = { CLOUDHSM_ROLE: 'crypto-user', CLOUDHSM_PIN: `kmsuser:${KMSUSER_PASSWORD}` };
    const noCrypto = await runCli(['--ca-file', cluster().caFile, '--hsm', cluster().managementPorts(), 'key', 'list'], [], credentials);
    expect(cliJson(noCrypto).data).to.contain('--crypto HOST:PORT');

    const run = await runCli(args(), [
      `login --username kmsuser --role crypto-user --password ${KMSUSER_PASSWORD}`,
      'key generate-symmetric aes --label twin --key-length-bytes 16',
      'key generate-symmetric aes --label twin --key-length-bytes 16',
      'key delete --filter attr.label=twin',
    ]);
    expect(run.stdout).to.contain('2 keys match the filter');
  });
});
