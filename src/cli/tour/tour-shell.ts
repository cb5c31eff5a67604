// Runs the commands the tour shows, exactly as printed, and captures their output.

import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class TourShell {
  constructor(
    readonly workDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Runs `program args...` in the work folder; `stdin` is piped in when given (cmu scripts). */
  run(program: string, args: readonly string[], stdin?: string): Promise<CommandResult> {
    const command = [program, ...args.map(quote)].join(' ');
    return new Promise((resolve) => {
      const child = execFile(program, [...args], { cwd: this.workDir, env: this.env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const exitCode = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
        resolve({ command, exitCode, stdout, stderr });
      });
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
