// Seeds a running simulator as fast as a client can, all in this process: the AWS SDK v3 for EC2,
// CloudHSM V2 and KMS, fixtures/pki's customer CA to sign the cluster CSR, and the cmu shell run
// in-process to activate the cluster. The steps are those of test/e2e/support/active-cluster.ts and
// simulator-kms.ts; it ends with an ACTIVE 2-HSM cluster and a CONNECTED custom key store, and reports
// each milestone to `mark` as it is reached (startup-timings.ts times them).

import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CloudHSMV2Client, CreateClusterCommand, CreateHsmCommand, DescribeClustersCommand, InitializeClusterCommand, type Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ConnectCustomKeyStoreCommand, CreateCustomKeyStoreCommand, DescribeCustomKeyStoresCommand, KMSClient } from '@aws-sdk/client-kms';
import { signCsrAsCustomer } from '../../hsm-sim/node/certificates';
import { cmuCommand } from '../../src/cli/cmu/cmu-command';
import { StreamShellIo } from '../../src/cli/cmu/shell-io';
import { ADMIN_PASSWORD } from '../../test/e2e/support/active-cluster';
import { waitFor } from '../../test/e2e/support/wait-for';
import { customerCa } from '../../test/support/pki-fixtures';
import { CREDENTIALS, KMS_REGION } from './kms-client';

/** customerCA.crt as a file, for cmu's --ca-file; the same certificate as `customerCa.certPem`. */
const TRUST_ANCHOR_FILE = join(__dirname, '..', '..', '..', 'fixtures', 'pki', 'customerCA.crt');
const KEY_STORE_PASSWORD = 'kmsPswd';
const POLL_INTERVAL_MS = 5;
const POLL_TIMEOUT_MS = 60_000;

export interface SeededStore {
  readonly clusterId: string;
  readonly customKeyStoreId: string;
}

/** Probes every 5 ms (the times measured are the point), for at most a minute. */
export function pollUntil<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  return waitFor(what, probe, POLL_TIMEOUT_MS, POLL_INTERVAL_MS);
}

export async function seedConnectedStoreOverSdk(endpoint: string, mark: (milestone: string) => void): Promise<SeededStore> {
  const options = { endpoint, region: KMS_REGION, credentials: CREDENTIALS, maxAttempts: 1 };
  const ec2 = new EC2Client(options);
  const cloudhsm = new CloudHSMV2Client(options);
  const kms = new KMSClient(options);
  try {
    const subnets = await pollUntil('a DescribeSubnets answer', () => ec2.send(new DescribeSubnetsCommand({})).then((answer) => answer.Subnets, () => undefined));
    mark('first answer (DescribeSubnets)');
    const subnetIds = subnets.slice(0, 2).map((subnet) => required(subnet.SubnetId, 'a subnet id'));
    const created = await cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: subnetIds }));
    const clusterId = required(created.Cluster?.ClusterId, 'the new cluster id');
    const describe = async (): Promise<Cluster> =>
      required((await cloudhsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }))).Clusters?.[0], `cluster ${clusterId}`);
    const inState = (state: string) => async () => ((await describe()).State === state ? true : undefined);

    await pollUntil('UNINITIALIZED', inState('UNINITIALIZED'));
    mark('cluster UNINITIALIZED');
    await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: `${KMS_REGION}a` }));
    const csr = await pollUntil('the cluster CSR', async () => (await describe()).Certificates?.ClusterCsr);
    mark('first HSM + CSR');
    await cloudhsm.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem }));
    await pollUntil('INITIALIZED', inState('INITIALIZED'));
    mark('cluster INITIALIZED');

    await activate(clusterId, endpoint);
    mark('cmu activation done');
    await pollUntil('ACTIVE', inState('ACTIVE'));
    mark('cluster ACTIVE');
    await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: `${KMS_REGION}b` }));
    await pollUntil('two ACTIVE HSMs', async () => {
      const hsms = (await describe()).Hsms ?? [];
      return hsms.length === 2 && hsms.every((hsm) => hsm.State === 'ACTIVE') ? true : undefined;
    });
    mark('second HSM ACTIVE');

    const store = await kms.send(
      new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'StartupKeyStore', CloudHsmClusterId: clusterId, KeyStorePassword: KEY_STORE_PASSWORD, TrustAnchorCertificate: customerCa.certPem }),
    );
    const customKeyStoreId = required(store.CustomKeyStoreId, 'the new custom key store id');
    await kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId: customKeyStoreId }));
    await pollUntil('a CONNECTED key store', async () => {
      const { CustomKeyStores } = await kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId: customKeyStoreId }));
      const state = CustomKeyStores?.[0]?.ConnectionState;
      if (state === 'FAILED') throw new Error(`custom key store ${customKeyStoreId} failed to connect: ${CustomKeyStores?.[0]?.ConnectionErrorCode ?? 'no error code'}`);
      return state === 'CONNECTED' ? true : undefined;
    });
    mark('store CONNECTED');
    return { clusterId, customKeyStoreId };
  } finally {
    ec2.destroy();
    cloudhsm.destroy();
    kms.destroy();
  }
}

/** The cmu session active-cluster.ts pipes: the admin's first password, then the kmsuser crypto user. */
async function activate(clusterId: string, endpoint: string): Promise<void> {
  const lines = ['loginHSM PRECO admin password', `changePswd PRECO admin ${ADMIN_PASSWORD}`, 'y', 'logoutHSM', `loginHSM CO admin ${ADMIN_PASSWORD}`, `createUser CU kmsuser ${KEY_STORE_PASSWORD}`, 'y', 'quit'];
  const output = new TextSink();
  const io = new StreamShellIo(Readable.from([`${lines.join('\n')}\n`]), output, output, false);
  const code = await cmuCommand(['--ca-file', TRUST_ANCHOR_FILE, '--cluster-id', clusterId, '--endpoint', endpoint], io);
  if (code !== 0) throw new Error(`cmu activation failed with code ${code}:\n${output.text}`);
}

/** Keeps what cmu prints, to show only when it fails. */
class TextSink extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the simulator's answer lacks ${what}`);
  return value;
}
