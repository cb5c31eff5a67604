// Issue acceptance, with the unmodified aws CLI, openssl and cmu against `cloudhsm-sim start`:
// describe-subnets -> create-cluster -> create-hsm -> CSR -> openssl signs it -> initialize-cluster ->
// cmu activation and createUser CU kmsuser kmsPswd -> ACTIVE -> a second HSM in another AZ -> two
// ACTIVE HSMs with kmsuser on both; then a restart keeps the clusters and the keys.

import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { tlsClientOptions } from '../../../hsm-sim/node/certificates';
import type { KeyView } from '../../../hsm-sim/node/node.types';
import { RpcClient } from '../../../hsm-sim/protocol';
import { AwsCli } from '../support/aws-cli';
import { runCmuScript } from '../support/cmu-script';
import { SimulatorProcess } from '../support/simulator-process';
import { waitFor } from '../support/wait-for';

const run = promisify(execFile);
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'fixtures', 'pki');

interface Cluster {
  ClusterId: string;
  State: string;
  Hsms: { HsmId: string; State: string; AvailabilityZone: string; EniIp: string }[];
  Certificates: { ClusterCsr?: string; ClusterCertificate?: string };
  SubnetMapping: Record<string, string>;
}

describe('e2e (aws CLI): the seed procedure builds an ACTIVE two-HSM cluster', function () {
  this.timeout(120_000);
  let simulator: SimulatorProcess;
  let aws: AwsCli;
  let clusterId = '';

  before(async () => {
    simulator = await SimulatorProcess.start();
    aws = new AwsCli(simulator.endpoint);
  });
  after(() => simulator?.destroy());

  const cluster = async (): Promise<Cluster> =>
    (await aws.json<{ Clusters: Cluster[] }>('cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${clusterId}`)).Clusters[0]!;
  const inState = (state: string) => async () => ((await cluster()).State === state ? true : undefined);
  const cmu = (lines: string[]) =>
    runCmuScript(['--ca-file', join(simulator.dataDir, 'customerCA.crt'), '--cluster-id', clusterId, '--endpoint', simulator.endpoint], lines);

  it('creates the cluster in the default subnets and its first HSM, which produces the CSR', async () => {
    const { Subnets } = await aws.json<{ Subnets: { SubnetId: string; AvailabilityZone: string }[] }>('ec2', 'describe-subnets');
    expect(Subnets.map((subnet) => subnet.AvailabilityZone)).to.deep.equal(['us-east-2a', 'us-east-2b', 'us-east-2c']);
    const created = await aws.json<{ Cluster: Cluster }>('cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', Subnets[0]!.SubnetId, Subnets[1]!.SubnetId);
    clusterId = created.Cluster.ClusterId;
    expect(created.Cluster.State).to.equal('CREATE_IN_PROGRESS');
    await waitFor('UNINITIALIZED', inState('UNINITIALIZED'));

    await aws.json('cloudhsmv2', 'create-hsm', '--cluster-id', clusterId, '--availability-zone', 'us-east-2a');
    const csr = await waitFor('the cluster CSR', async () => (await cluster()).Certificates.ClusterCsr);
    expect(csr).to.match(/^-----BEGIN CERTIFICATE REQUEST-----/);
  });

  it('initialises with the CSR signed by openssl, refusing a certificate from another CA', async () => {
    const dir = simulator.dataDir;
    for (const name of ['customerCA.crt', 'customerCA.key', 'other-CA.crt', 'other-CA.key']) copyFileSync(join(FIXTURES, name), join(dir, name));
    writeFileSync(join(dir, 'cluster.csr'), (await cluster()).Certificates.ClusterCsr!);
    const sign = (ca: string, out: string) =>
      run('openssl', ['x509', '-req', '-days', '3652', '-sha256', '-in', join(dir, 'cluster.csr'), '-CA', join(dir, `${ca}.crt`), '-CAkey', join(dir, `${ca}.key`), '-CAcreateserial', '-out', join(dir, out)]);
    await sign('customerCA', 'signed.crt');
    await sign('other-CA', 'signed-by-other.crt');

    const refused = await aws.run('cloudhsmv2', 'initialize-cluster', '--cluster-id', clusterId, '--signed-cert', `file://${join(dir, 'signed-by-other.crt')}`, '--trust-anchor', `file://${join(dir, 'customerCA.crt')}`);
    expect(refused.exitCode).to.not.equal(0);
    expect(refused.stderr).to.contain('CloudHsmInvalidRequestException');
    expect((await cluster()).State).to.equal('UNINITIALIZED');

    const accepted = await aws.json<{ State: string }>('cloudhsmv2', 'initialize-cluster', '--cluster-id', clusterId, '--signed-cert', `file://${join(dir, 'signed.crt')}`, '--trust-anchor', `file://${join(dir, 'customerCA.crt')}`);
    expect(accepted.State).to.equal('INITIALIZE_IN_PROGRESS');
    await waitFor('INITIALIZED', inState('INITIALIZED'));
  });

  it('activates through cmu, creates kmsuser, and turns ACTIVE', async () => {
    const result = await cmu([
      'loginHSM PRECO admin password', 'changePswd PRECO admin Admin-pass1', 'y', 'logoutHSM',
      'loginHSM CO admin Admin-pass1', 'createUser CU kmsuser kmsPswd', 'y', 'quit',
    ]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('changePswd success on server 0').and.to.contain('createUser success on server 0');
    await waitFor('ACTIVE', inState('ACTIVE'));
  });

  it('adds an HSM in the second AZ: two ACTIVE HSMs with kmsuser on both', async () => {
    await aws.json('cloudhsmv2', 'create-hsm', '--cluster-id', clusterId, '--availability-zone', 'us-east-2b');
    const hsms = await waitFor('two ACTIVE HSMs', async () => {
      const { Hsms } = await cluster();
      return Hsms.length === 2 && Hsms.every((hsm) => hsm.State === 'ACTIVE') ? Hsms : undefined;
    });
    expect(hsms.map((hsm) => hsm.AvailabilityZone).sort()).to.deep.equal(['us-east-2a', 'us-east-2b']);
    const listed = await cmu(['listUsers', 'quit']);
    expect(listed.stdout.match(/\bCU\s+kmsuser\b/g)).to.have.length(2);
  });

  /** kmsuser on the crypto port (2223) of a cluster's first HSM, over TLS verified against customerCA. */
  const crypto = async (onCluster = clusterId): Promise<RpcClient> => {
    const response = await fetch(`${simulator.endpoint}/_sim/clusters/${onCluster}/hsms`);
    const { Hsms } = (await response.json()) as { Hsms: { Host: string; CryptoPort: number }[] };
    const trustAnchor = readFileSync(join(simulator.dataDir, 'customerCA.crt'), 'utf8');
    const client = await RpcClient.connect({ host: Hsms[0]!.Host, port: Hsms[0]!.CryptoPort, tls: tlsClientOptions(trustAnchor) });
    await client.call('login', { role: 'CU', username: 'kmsuser', password: 'kmsPswd' });
    return client;
  };

  it('keeps the cluster and its keys across a restart of the simulator', async () => {
    const before = await crypto();
    const key = await before.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'survives-restart', encrypt: true, decrypt: true } });
    const iv = randomBytes(12);
    const ciphertext = await before.call<Buffer>('encrypt', { handle: key.handle, iv, plaintext: Buffer.from('still here') });
    await before.close();
    const described = await aws.json('cloudhsmv2', 'describe-clusters');

    await simulator.stop();
    await simulator.start();
    aws = new AwsCli(simulator.endpoint);
    expect(await aws.json('cloudhsmv2', 'describe-clusters')).to.deep.equal(described);
    const after = await crypto();
    expect((await after.call<Buffer>('decrypt', { handle: key.handle, iv, ciphertext })).toString()).to.equal('still here');
    expect(await after.call<Buffer>('encrypt', { handle: key.handle, iv: randomBytes(12), plaintext: Buffer.from('x') })).to.have.length(17);
    await after.close();
  });

  it("restores a new cluster from a backup: the source's certificate, users and keys", async () => {
    const writer = await crypto();
    const key = await writer.call<KeyView>('generateKey', { keyType: 'AES', bits: 256, attributes: { label: 'in-the-backup', encrypt: true, decrypt: true } });
    const iv = randomBytes(12);
    const ciphertext = await writer.call<Buffer>('encrypt', { handle: key.handle, iv, plaintext: Buffer.from('from a backup') });
    await writer.close();

    // 6.8: removing an HSM from an active cluster takes a backup, which now holds the new key.
    const leaving = (await cluster()).Hsms.find((hsm) => hsm.AvailabilityZone === 'us-east-2b')!;
    await aws.json('cloudhsmv2', 'delete-hsm', '--cluster-id', clusterId, '--hsm-id', leaving.HsmId);
    await waitFor('one HSM left', async () => ((await cluster()).Hsms.length === 1 ? true : undefined));
    const { Backups } = await aws.json<{ Backups: { BackupId: string; BackupState: string; CreateTimestamp: number }[] }>('cloudhsmv2', 'describe-backups', '--filters', `clusterIds=${clusterId}`);
    expect(Backups.length).to.be.greaterThanOrEqual(3);
    const latest = Backups.reduce((newest, backup) => (backup.CreateTimestamp > newest.CreateTimestamp ? backup : newest));
    expect(latest.BackupState).to.equal('READY');

    const source = await cluster();
    const { Subnets } = await aws.json<{ Subnets: { SubnetId: string }[] }>('ec2', 'describe-subnets');
    const created = await aws.json<{ Cluster: Cluster }>('cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', Subnets[0]!.SubnetId, Subnets[2]!.SubnetId, '--source-backup-id', latest.BackupId);
    const restoredId = created.Cluster.ClusterId;
    const restored = async (): Promise<Cluster> =>
      (await aws.json<{ Clusters: Cluster[] }>('cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${restoredId}`)).Clusters[0]!;
    await waitFor('the restored cluster ACTIVE', async () => ((await restored()).State === 'ACTIVE' ? true : undefined));
    expect((await restored()).Certificates.ClusterCertificate).to.equal(source.Certificates.ClusterCertificate);

    await aws.json('cloudhsmv2', 'create-hsm', '--cluster-id', restoredId, '--availability-zone', 'us-east-2c');
    await waitFor('its HSM ACTIVE', async () => ((await restored()).Hsms[0]?.State === 'ACTIVE' ? true : undefined));
    const reader = await crypto(restoredId);
    expect((await reader.call<Buffer>('decrypt', { handle: key.handle, iv, ciphertext })).toString()).to.equal('from a backup');
    await reader.close();
  });
});
