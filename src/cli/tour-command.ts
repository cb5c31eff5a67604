// `cloudhsm-sim tour`: against a running simulator, walks the seed procedure step by step for someone
// learning CloudHSM: why each step, the exact command, its real output, and the state it leaves.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CONSOLE_BASE } from '../console/console.routes';
import { DEFAULT_PORT } from '../main/simulator-config';
import { TourShell } from './tour/tour-shell';
import { describeState } from './tour/tour-state';
import { TOUR_STEPS, type TourContext } from './tour/tour-steps';

const OUTPUT_LINES = 40;

export async function tourCommand(flags: Record<string, string>, print: (line: string) => void): Promise<number> {
  const endpoint = flags.endpoint ?? `http://127.0.0.1:${DEFAULT_PORT}`;
  const region = flags.region ?? 'us-east-2';
  const workDir = resolve(flags['work-dir'] ?? mkdtempSync(join(tmpdir(), 'cloudhsm-sim-tour-')));
  const env = { ...process.env, AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test', AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test', AWS_PAGER: '' };
  const context: TourContext = {
    shell: new TourShell(workDir, env),
    endpoint,
    region,
    cloudhsmSim: [process.execPath, join(__dirname, '..', '..', '..', 'bin', 'cloudhsm-sim.js')],
    values: new Map(),
  };
  const pause = flags.pause === 'true' ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  // The console's address names the tour's Region, which need not be the simulator's default one.
  const consoleUrl = `${endpoint.replace(/\/+$/, '')}${CONSOLE_BASE}#region=${region}`;
  print(`cloudhsm-sim tour: the seed procedure against ${endpoint} (${region}); files in ${workDir}`);
  print(`cloudhsm-sim tour: watch each step in the web console: ${consoleUrl}`);
  try {
    for (const [index, step] of TOUR_STEPS.entries()) {
      print('');
      print(`== Step ${index + 1} of ${TOUR_STEPS.length}: ${step.title}`);
      print(`   ${step.purpose}`);
      const results = await step.run(context);
      for (const result of results) {
        print(`$ ${result.command.replace(process.execPath, 'node')}`);
        const output = `${result.stdout}${result.stderr}`.trimEnd().split('\n');
        for (const line of output.slice(0, OUTPUT_LINES)) print(line);
        if (output.length > OUTPUT_LINES) print(`... (${output.length - OUTPUT_LINES} more lines)`);
        if (result.exitCode !== 0) {
          print(`cloudhsm-sim tour: that command failed (exit ${result.exitCode}); the tour stops here.`);
          return 1;
        }
      }
      for (const line of await describeState(context)) print(`   now: ${line}`);
      if (pause) await pause.question('   (Enter for the next step) ');
    }
    print('');
    print('cloudhsm-sim tour: done. The key above lives in the HSMs; the cluster and the store stay for you to explore.');
    print(`cloudhsm-sim tour: explore them in the web console: ${consoleUrl}`);
    return 0;
  } finally {
    pause?.close();
  }
}
