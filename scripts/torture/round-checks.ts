// The checks after a restart: every acknowledged key exists in KMS in a state it may be in, with its
// backing key on every active HSM of the cluster (label = key ARN); every acknowledged ciphertext decrypts
// to its plaintext; every alias resolves to its key; and nothing is half made - a backing key labelled
// with a key ARN that KMS does not know is an orphan, reported (the simulator's output names it) or not.

import { request } from 'node:http';
import { KMS_SERVICE, SignedJsonClient, type AwsJson } from '../../src/shared/signed-json.client';
import { kmsuserKeyLabels, setKmsuserPassword, type HsmPorts } from './hsm-key-listing';
import { sendCounted } from './load-mix';
import { sleep } from './simulator-under-test';
import type { KeyState, TortureLedger } from './torture-ledger';

const REGION = 'us-east-1';
/** How long the simulator may take to name an orphan after the store connects. */
const ORPHAN_REPORT_WAIT_MS = 15_000;

export interface CheckContext {
  readonly endpoint: string;
  readonly customKeyStoreId: string;
  readonly clusterId: string;
  readonly caFile: string;
  readonly admin: { readonly username: string; readonly password: string };
  /** Everything the simulator printed (all starts): where an orphan must be named. */
  readonly simulatorOutput: () => string;
  /** A new kmsuser password for this check (4.3's "set a known kmsuser password"). */
  readonly auditPassword: string;
}

export interface CheckResult {
  readonly lost: string[];
  readonly orphansReported: string[];
  readonly orphansUnreported: string[];
  /** Labels on some active HSMs only (orphans whose replication the kill cut short, or lost keys). */
  readonly partial: string[];
  readonly hsmCount: number;
}

export async function checkRound(context: CheckContext, ledger: TortureLedger): Promise<CheckResult> {
  const kms = new SignedJsonClient(context.endpoint, KMS_SERVICE, { region: REGION, maxSockets: 8 });
  const send = async (operation: string, input: AwsJson): Promise<AwsJson | undefined> => {
    const outcome = await sendCounted(kms, ledger, operation, input, false);
    return outcome.kind === 'acknowledged' ? outcome.answer : undefined;
  };
  const lost: string[] = [];
  try {
    await connected(context, send);

    // KMS: keys and their states, ciphertexts, aliases.
    for (const key of ledger.keys.values()) {
      const described = await sendCounted(kms, ledger, 'DescribeKey', { KeyId: key.keyId }, false);
      const state = described.kind === 'acknowledged' ? (described.answer.KeyMetadata as { KeyState?: string }).KeyState : described.kind === 'refused' && described.error.name === 'NotFoundException' ? 'Deleted' : undefined;
      if (state === undefined) lost.push(`key ${key.keyId}: DescribeKey failed`);
      else if (!key.states.has(state as KeyState)) lost.push(`key ${key.keyId}: ${state}, acknowledged ${[...key.states].join(' or ')}`);
    }
    for (const sealed of ledger.ciphertexts) {
      const answer = await send('Decrypt', { CiphertextBlob: sealed.ciphertextBase64 });
      if (answer?.Plaintext !== sealed.plaintextBase64) lost.push(`ciphertext under ${sealed.keyId}: ${answer ? 'other plaintext' : 'Decrypt failed'}`);
    }
    for (const [alias, keyId] of ledger.aliases) {
      const metadata = (await send('DescribeKey', { KeyId: alias }))?.KeyMetadata as { KeyId?: string } | undefined;
      if (metadata?.KeyId !== keyId) lost.push(`${alias}: ${metadata ? `names ${metadata.KeyId}` : 'does not resolve'}`);
    }

    // The cluster: kmsuser's keys on every active HSM, through the admin tools (4.3).
    const hsms = await activeHsms(context);
    const labels = new Map<string, Set<string>>();
    await send('DisconnectCustomKeyStore', { CustomKeyStoreId: context.customKeyStoreId });
    await waitForState(context, send, 'DISCONNECTED');
    await setKmsuserPassword(context.caFile, hsms, context.admin, context.auditPassword);
    for (const hsm of hsms) labels.set(hsm.hsmId, new Set(await kmsuserKeyLabels(context.caFile, hsms, hsm, context.auditPassword)));
    if (!(await send('UpdateCustomKeyStore', { CustomKeyStoreId: context.customKeyStoreId, KeyStorePassword: context.auditPassword }))) throw new Error('UpdateCustomKeyStore with the new kmsuser password was refused');
    await connected(context, send);

    for (const key of ledger.keys.values()) {
      // A deleted key's backing key goes too, best effort (4.3); one left is named in its deletion record.
      if (key.states.has('Deleted')) continue;
      const missing = hsms.filter((hsm) => !labels.get(hsm.hsmId)!.has(key.arn));
      if (missing.length > 0) lost.push(`backing key of ${key.keyId} missing on ${missing.map((hsm) => hsm.hsmId).join(', ')}`);
    }
    const everyLabel = new Set([...labels.values()].flatMap((set) => [...set]));
    const partial = [...everyLabel].filter((label) => hsms.some((hsm) => !labels.get(hsm.hsmId)!.has(label)));
    const unknown: string[] = [];
    for (const label of everyLabel) {
      if (!/^arn:aws:kms:/.test(label)) continue;
      const keyId = label.slice(label.lastIndexOf('/') + 1);
      if (ledger.keys.has(keyId)) continue;
      const described = await sendCounted(kms, ledger, 'DescribeKey', { KeyId: label }, false);
      if (described.kind === 'refused' && described.error.name === 'NotFoundException') unknown.push(label);
    }
    // The simulator names orphans in a warning shortly after each connect (its audit lets CreateKeys in flight settle first).
    const deadline = Date.now() + ORPHAN_REPORT_WAIT_MS;
    let output = context.simulatorOutput();
    while (unknown.some((arn) => !output.includes(arn)) && Date.now() < deadline) {
      await sleep(250);
      output = context.simulatorOutput();
    }
    return {
      lost,
      orphansReported: unknown.filter((arn) => output.includes(arn)),
      orphansUnreported: unknown.filter((arn) => !output.includes(arn)),
      partial,
      hsmCount: hsms.length,
    };
  } finally {
    kms.destroy();
  }
}

type Send = (operation: string, input: AwsJson) => Promise<AwsJson | undefined>;

async function storeState(context: CheckContext, send: Send): Promise<string | undefined> {
  const answer = await send('DescribeCustomKeyStores', { CustomKeyStoreId: context.customKeyStoreId });
  return (answer?.CustomKeyStores as { ConnectionState?: string }[] | undefined)?.[0]?.ConnectionState;
}

async function waitForState(context: CheckContext, send: Send, wanted: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state: string | undefined;
  while (Date.now() < deadline) {
    state = await storeState(context, send);
    if (state === wanted) return;
    await sleep(100);
  }
  throw new Error(`custom key store ${context.customKeyStoreId} is ${state}, not ${wanted}, after ${timeoutMs} ms`);
}

/** CONNECTED: connects a DISCONNECTED (or FAILED) store first, as a user would. */
async function connected(context: CheckContext, send: Send): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = await storeState(context, send);
    if (state === 'CONNECTED') return;
    if (state === 'FAILED') await send('DisconnectCustomKeyStore', { CustomKeyStoreId: context.customKeyStoreId });
    if (state === 'DISCONNECTED' || state === 'FAILED') await send('ConnectCustomKeyStore', { CustomKeyStoreId: context.customKeyStoreId });
    await sleep(100);
  }
  throw new Error(`custom key store ${context.customKeyStoreId} did not connect in 60 s: ${await storeState(context, send)}`);
}

/** The ACTIVE HSMs of the cluster and their ports (GET /_sim/clusters/<id>/hsms). */
async function activeHsms(context: CheckContext): Promise<HsmPorts[]> {
  const body = await new Promise<string>((resolve, reject) => {
    request(`${context.endpoint}/_sim/clusters/${context.clusterId}/hsms`, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(text));
    })
      .on('error', reject)
      .end();
  });
  const parsed = JSON.parse(body) as { Hsms: { HsmId: string; State: string; Host?: string; CryptoPort?: number; ManagementPort?: number }[] };
  return parsed.Hsms.filter((hsm) => hsm.State === 'ACTIVE' && hsm.Host).map((hsm) => ({ hsmId: hsm.HsmId, host: hsm.Host!, crypto: hsm.CryptoPort!, management: hsm.ManagementPort! }));
}
