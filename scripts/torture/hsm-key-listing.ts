// The labels of kmsuser's keys on each HSM, found with the admin tools the way aws-behaviour 4.3 tells an
// administrator to look for orphaned backing keys: disconnect the store, set a known kmsuser password as
// the CO (`cloudhsm-sim cli user change-password`), log in as kmsuser on each HSM (`key list`), give KMS
// the new password (UpdateCustomKeyStore) and connect again.

import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'cloudhsm-sim.js');

export interface HsmPorts {
  readonly hsmId: string;
  readonly host: string;
  readonly crypto: number;
  readonly management: number;
}

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], env: Record<string, string>): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'cli', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function managementArgs(caFile: string, hsms: readonly HsmPorts[]): string[] {
  return ['--ca-file', caFile, ...hsms.flatMap((hsm) => ['--hsm', `${hsm.host}:${hsm.management}`])];
}

/** As the CO: kmsuser's password becomes `password` on every HSM given. */
export async function setKmsuserPassword(caFile: string, hsms: readonly HsmPorts[], admin: { username: string; password: string }, password: string): Promise<void> {
  const run = await runCli([...managementArgs(caFile, hsms), 'user', 'change-password', '--username', 'kmsuser', '--role', 'crypto-user', '--password', password], {
    CLOUDHSM_ROLE: 'admin',
    CLOUDHSM_PIN: `${admin.username}:${admin.password}`,
  });
  if (run.code !== 0) throw new Error(`cli user change-password failed (${run.code}): ${run.stdout}${run.stderr}`);
}

/** As kmsuser, on the crypto port of one HSM: the labels of the keys kmsuser owns there. */
export async function kmsuserKeyLabels(caFile: string, hsms: readonly HsmPorts[], hsm: HsmPorts, password: string): Promise<string[]> {
  const run = await runCli([...managementArgs(caFile, hsms), '--crypto', `${hsm.host}:${hsm.crypto}`, 'key', 'list'], { CLOUDHSM_ROLE: 'crypto-user', CLOUDHSM_PIN: `kmsuser:${password}` });
  const parsed = JSON.parse(run.stdout || '{}') as { error_code?: number; data?: { matched_keys?: { attributes?: { label?: string } }[] } };
  if (run.code !== 0 || parsed.error_code !== 0) throw new Error(`cli key list on ${hsm.hsmId} failed (${run.code}): ${run.stdout}${run.stderr}`);
  return (parsed.data?.matched_keys ?? []).map((key) => key.attributes?.label ?? '');
}
