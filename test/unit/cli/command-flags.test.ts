// start, hsm-cluster, tour and wait-ready refuse unknown flags and stray arguments, naming the valid
// flags, and print their help for --help.

import { expect } from 'chai';
import { commandHelp, flagProblem, runWithFlags, START_SPEC, TOUR_SPEC, WAIT_READY_SPEC } from '../../../src/cli/command-flags';

async function run(flags: Record<string, string>, positional: string[] = []): Promise<{ code: number; out: string[]; err: string[]; ran: boolean }> {
  const out: string[] = [];
  const err: string[] = [];
  let ran = false;
  const code = await runWithFlags(START_SPEC, positional, flags, (line) => out.push(line), (line) => err.push(line), () => {
    ran = true;
    return Promise.resolve(0);
  });
  return { code, out, err, ran };
}

describe('command flags', () => {
  it('refuses an unknown flag of start with exit 2, naming every valid flag', async () => {
    const result = await run({ port: '0', presett: 'seed' });
    expect(result).to.include({ code: 2, ran: false });
    expect(result.err[0]).to.match(/^cloudhsm-sim start: unknown flag --presett; the flags of start are --data-dir, --port, .*--preset, --help \(cloudhsm-sim start --help\)$/);
  });

  it('refuses stray arguments', () => {
    expect(flagProblem(TOUR_SPEC, ['now'], {})).to.equal('tour takes no arguments, not "now"; its flags are --endpoint, --region, --work-dir, --pause, --help');
  });

  it('runs the command when every flag is known, and prints the help for --help', async () => {
    expect(await run({ port: '0', preset: 'seed', 'data-dir': '/tmp/x' })).to.include({ code: 0, ran: true });
    const help = await run({ help: 'true' });
    expect(help).to.include({ code: 0, ran: false });
    expect(help.out[0]).to.contain('usage: cloudhsm-sim start [flags]');
    expect(help.out[0]).to.contain('--preset NAME|FILE');
  });

  it('documents every flag of wait-ready', () => {
    expect(commandHelp(WAIT_READY_SPEC)).to.contain('--endpoint URL').and.to.contain('--timeout SECONDS').and.to.contain('--help');
  });
});
