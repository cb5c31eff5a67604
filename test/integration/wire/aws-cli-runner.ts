// Runs the real `aws` CLI (awsCli v1, botocore) against a local endpoint, isolated from the user's AWS
// configuration: no profile, config or credentials file, only the test's keys, one attempt per call.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

export interface AwsCliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface AwsCliKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export const TEST_KEYS: AwsCliKeys = { accessKeyId: 'AKIDWIRETEST0000001', secretAccessKey: 'wire-test-secret' };

function isolatedEnvironment(keys: AwsCliKeys): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const nowhere = join(tmpdir(), 'cloudhsm-sim-no-such-aws-config');
  return {
    ...inherited,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_CONFIG_FILE: join(nowhere, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(nowhere, 'credentials'),
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'legacy',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}

/** `aws --endpoint-url http://127.0.0.1:<port> --region <region> <args>`; resolves whatever the exit code. */
export function runAwsCli(port: number, args: readonly string[], options: { keys?: AwsCliKeys; region?: string } = {}): Promise<AwsCliRun> {
  const argv = ['--endpoint-url', `http://127.0.0.1:${port}`, '--region', options.region ?? 'us-east-2', '--output', 'json', ...args];
  return new Promise((resolve, reject) => {
    execFile('aws', argv, { env: isolatedEnvironment(options.keys ?? TEST_KEYS), timeout: 30_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

/** The JSON the CLI printed. */
export function cliJson(run: AwsCliRun): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`aws exited with ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}
