// The seed procedure ("Creating a Custom Key Store", AWS KMS Developer Guide, and the CloudHSM getting-
// started guide it relies on) as steps a learner can watch: each says why, runs the real command, and
// shows what changed.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandResult, TourShell } from './tour-shell';

export interface TourContext {
  readonly shell: TourShell;
  readonly endpoint: string;
  readonly region: string;
  /** The `cloudhsm-sim` command itself, for cmu. */
  readonly cloudhsmSim: readonly string[];
  readonly values: Map<string, string>;
}

export interface TourStep {
  readonly title: string;
  readonly purpose: string;
  run(context: TourContext): Promise<CommandResult[]>;
}

const POLL_MS = 200;
const WAIT_LIMIT_MS = 10 * 60_000;

function aws(context: TourContext, ...args: string[]): Promise<CommandResult> {
  return context.shell.run('aws', ['--endpoint-url', context.endpoint, '--region', context.region, '--output', 'json', ...args]);
}

function json<T>(result: CommandResult): T {
  // The command is left out: it can carry a password (--key-store-password).
  if (result.exitCode !== 0) throw new Error(`a step's command failed: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as T;
}

function value(context: TourContext, name: string): string {
  const found = context.values.get(name);
  if (!found) throw new Error(`the tour has no ${name} yet`);
  return found;
}

/** Re-runs a describe command until `done` says so; returns the last result, as a user would see it. */
async function waitUntil(run: () => Promise<CommandResult>, done: (result: CommandResult) => boolean): Promise<CommandResult> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const result = await run();
    if (done(result) || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const describeCluster = (context: TourContext) => aws(context, 'cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${value(context, 'clusterId')}`);
const clusterOf = (result: CommandResult) => json<{ Clusters: { State: string; Hsms: { State: string }[]; Certificates: { ClusterCsr?: string } }[] }>(result).Clusters[0]!;

const cmu = (context: TourContext, lines: readonly string[]) =>
  context.shell.run(context.cloudhsmSim[0]!, [...context.cloudhsmSim.slice(1), 'cmu', '--cluster-id', value(context, 'clusterId'), '--endpoint', context.endpoint, '--ca-file', 'customerCA.crt'], `${lines.join('\n')}\n`);

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Find the subnets',
    purpose: 'A CloudHSM cluster lives in your VPC: one private subnet per Availability Zone, where its HSMs get their network interfaces.',
    async run(context) {
      const result = await aws(context, 'ec2', 'describe-subnets', '--query', 'Subnets[].[SubnetId,AvailabilityZone,CidrBlock]');
      const subnets = json<string[][]>(result).map((row) => row[0]!);
      context.values.set('subnets', subnets.slice(0, 2).join(' '));
      return [result];
    },
  },
  {
    title: 'Create the cluster',
    purpose: 'The cluster is the unit KMS will connect to; it starts empty, without HSMs, and becomes UNINITIALIZED.',
    async run(context) {
      const created = await aws(context, 'cloudhsmv2', 'create-cluster', '--hsm-type', 'hsm1.medium', '--subnet-ids', ...value(context, 'subnets').split(' '));
      context.values.set('clusterId', json<{ Cluster: { ClusterId: string } }>(created).Cluster.ClusterId);
      const settled = await waitUntil(() => describeCluster(context), (result) => clusterOf(result).State === 'UNINITIALIZED');
      return [created, settled];
    },
  },
  {
    title: 'Create the first HSM',
    purpose: 'The first HSM generates the cluster key and its certificate signing request (CSR), which you sign to claim the cluster.',
    async run(context) {
      const zone = `${context.region}a`;
      const created = await aws(context, 'cloudhsmv2', 'create-hsm', '--cluster-id', value(context, 'clusterId'), '--availability-zone', zone);
      const settled = await waitUntil(() => describeCluster(context), (result) => Boolean(clusterOf(result).Certificates.ClusterCsr));
      return [created, settled];
    },
  },
  {
    title: 'Sign the CSR with your own CA',
    purpose: 'Your CA certificate (customerCA.crt) becomes the trust anchor: clients, KMS among them, trust only HSMs whose certificate chains to it.',
    async run(context) {
      const { shell } = context;
      const clusterId = value(context, 'clusterId');
      const csr = await aws(context, 'cloudhsmv2', 'describe-clusters', '--filters', `clusterIds=${clusterId}`, '--query', 'Clusters[0].Certificates.ClusterCsr', '--output', 'text');
      writeFileSync(join(shell.workDir, `${clusterId}_ClusterCsr.csr`), csr.stdout);
      return [
        csr,
        await shell.run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'customerCA.key', '-out', 'customerCA.crt', '-days', '3652', '-subj', '/CN=customerCA']),
        await shell.run('openssl', ['x509', '-req', '-days', '3652', '-in', `${clusterId}_ClusterCsr.csr`, '-CA', 'customerCA.crt', '-CAkey', 'customerCA.key', '-CAcreateserial', '-out', `${clusterId}_CustomerHsmCertificate.crt`]),
      ];
    },
  },
  {
    title: 'Initialize the cluster',
    purpose: 'CloudHSM checks that the signed certificate carries the CSR key and chains to the trust anchor; from now on the HSMs present that chain.',
    async run(context) {
      const clusterId = value(context, 'clusterId');
      const initialized = await aws(context, 'cloudhsmv2', 'initialize-cluster', '--cluster-id', clusterId, '--signed-cert', `file://${clusterId}_CustomerHsmCertificate.crt`, '--trust-anchor', 'file://customerCA.crt');
      const settled = await waitUntil(() => describeCluster(context), (result) => clusterOf(result).State === 'INITIALIZED');
      return [initialized, settled];
    },
  },
  {
    title: 'Activate the cluster and create kmsuser',
    purpose: "The precrypto officer (PRECO) becomes a crypto officer by changing its password; the crypto officer then creates kmsuser, the crypto user KMS will log in as.",
    async run(context) {
      const activated = await cmu(context, ['loginHSM PRECO admin password', 'changePswd PRECO admin Admin-pass1', 'y', 'logoutHSM', 'loginHSM CO admin Admin-pass1', 'createUser CU kmsuser kmsPswd', 'y', 'listUsers', 'quit']);
      const settled = await waitUntil(() => describeCluster(context), (result) => clusterOf(result).State === 'ACTIVE');
      return [activated, settled];
    },
  },
  {
    title: 'Add a second HSM in another Availability Zone',
    purpose: 'KMS needs at least two active HSMs in different zones; the new HSM is cloned from the first, kmsuser included.',
    async run(context) {
      const created = await aws(context, 'cloudhsmv2', 'create-hsm', '--cluster-id', value(context, 'clusterId'), '--availability-zone', `${context.region}b`);
      const settled = await waitUntil(
        () => describeCluster(context),
        (result) => {
          const hsms = clusterOf(result).Hsms;
          return hsms.length === 2 && hsms.every((hsm) => hsm.State === 'ACTIVE');
        },
      );
      return [created, settled];
    },
  },
  {
    title: 'Create the custom key store',
    purpose: 'KMS records the cluster, the trust anchor and the kmsuser password; nothing connects yet.',
    async run(context) {
      const created = await aws(context, 'kms', 'create-custom-key-store', '--custom-key-store-name', 'ExampleKeyStore', '--cloud-hsm-cluster-id', value(context, 'clusterId'), '--key-store-password', 'kmsPswd', '--trust-anchor-certificate', 'file://customerCA.crt');
      context.values.set('storeId', json<{ CustomKeyStoreId: string }>(created).CustomKeyStoreId);
      return [created];
    },
  },
  {
    title: 'Connect the custom key store',
    purpose: 'KMS logs in to every HSM as kmsuser, changes its password to one only KMS knows, and stays logged in.',
    async run(context) {
      const storeId = value(context, 'storeId');
      const connected = await aws(context, 'kms', 'connect-custom-key-store', '--custom-key-store-id', storeId);
      const settled = await waitUntil(
        () => aws(context, 'kms', 'describe-custom-key-stores', '--custom-key-store-id', storeId),
        (result) => ['CONNECTED', 'FAILED'].includes(json<{ CustomKeyStores: { ConnectionState: string }[] }>(result).CustomKeyStores[0]!.ConnectionState),
      );
      return [connected, settled];
    },
  },
  {
    title: 'Create a KMS key in the store and use it',
    purpose:
      'The key material is an AES-256 key generated inside the HSMs, labelled with the key ARN; Encrypt and Decrypt run inside the HSMs (Decrypt prints the plaintext base64-encoded).',
    async run(context) {
      const created = await aws(context, 'kms', 'create-key', '--origin', 'AWS_CLOUDHSM', '--custom-key-store-id', value(context, 'storeId'), '--description', 'Tour key');
      const keyId = json<{ KeyMetadata: { KeyId: string } }>(created).KeyMetadata.KeyId;
      writeFileSync(join(context.shell.workDir, 'plaintext.txt'), 'Hello, CloudHSM');
      const encrypted = await aws(context, 'kms', 'encrypt', '--key-id', keyId, '--plaintext', 'fileb://plaintext.txt');
      const blob = json<{ CiphertextBlob: string }>(encrypted).CiphertextBlob;
      writeFileSync(join(context.shell.workDir, 'ciphertext.bin'), Buffer.from(blob, 'base64'));
      const decrypted = await aws(context, 'kms', 'decrypt', '--ciphertext-blob', 'fileb://ciphertext.bin', '--query', 'Plaintext', '--output', 'text');
      const listed = await cmu(context, ['loginHSM CO admin Admin-pass1', 'findAllKeys 3 0', 'quit']);
      return [created, encrypted, decrypted, listed];
    },
  },
];
