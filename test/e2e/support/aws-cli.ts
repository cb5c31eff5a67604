// The preinstalled `aws` CLI (v1), pointed at the simulator, with an environment that keeps the
// user's own AWS configuration out.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface AwsCliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly json?: unknown;
}

export class AwsCli {
  constructor(
    private readonly endpoint: string,
    private readonly region = 'us-east-2',
  ) {}

  async run(...args: string[]): Promise<AwsCliResult> {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_PAGER: '',
    };
    const full = ['--endpoint-url', this.endpoint, '--region', this.region, '--output', 'json', ...args];
    try {
      const { stdout, stderr } = await run('aws', full, { env, maxBuffer: 16 * 1024 * 1024 });
      return { exitCode: 0, stdout, stderr, ...(stdout.trim() ? { json: JSON.parse(stdout) as unknown } : {}) };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { exitCode: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  /** Runs and expects success; returns the parsed JSON output. */
  async json<T>(...args: string[]): Promise<T> {
    const result = await this.run(...args);
    if (result.exitCode !== 0) throw new Error(`aws ${args.join(' ')} failed (${result.exitCode}): ${result.stderr}`);
    return result.json as T;
  }
}
