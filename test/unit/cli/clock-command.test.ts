// `cloudhsm-sim clock`: its durations, its usage errors (exit 2, naming what is valid) and --help; the
// requests themselves are tested against a running simulator (integration/kms/key-deletion.simulated-clock).

import { expect } from 'chai';
import { clockCommand } from '../../../src/cli/clock-command';
import { parseDurationSeconds } from '../../../src/cli/duration.parser';

async function run(positional: string[], flags: Record<string, string> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await clockCommand(positional, flags, (line) => void out.push(line), (line) => void err.push(line));
  return { code, out, err };
}

describe('cloudhsm-sim clock', () => {
  it('reads 90s, 15m, 2h, 7d and a plain number of seconds', () => {
    expect(['90s', '15m', '2h', '7d', '3600', '1.5h'].map(parseDurationSeconds)).to.deep.equal([90, 900, 7200, 604_800, 3600, 5400]);
  });

  it('refuses durations that are not greater than 0 or have another unit', () => {
    for (const text of ['0', '0d', '-5', '7w', 'd', '', '1e3', '7 days']) expect(parseDurationSeconds(text), text).to.equal(undefined);
  });

  const usageErrors: [string, string[], Record<string, string>, RegExp][] = [
    ['a bad duration', ['advance', '7w'], {}, /"7w" is not a duration greater than 0: use a number of seconds or a number with a unit: 90s, 15m, 2h, 7d/],
    ['a missing duration', ['advance'], {}, /advance needs a DURATION/],
    ['an unknown flag', ['now'], { endpiont: 'http://x' }, /unknown flag --endpiont: valid flags are --endpoint, --help/],
    ['an unknown command', ['rewind', '1d'], {}, /unknown clock command "rewind 1d": use "now" or "advance DURATION"/],
    ['two durations', ['advance', '1d', '2d'], {}, /advance takes one DURATION/],
  ];
  for (const [what, positional, flags, message] of usageErrors) {
    it(`exits 2 on ${what}, with the usage`, async () => {
      const { code, out, err } = await run(positional, flags);
      expect(code).to.equal(2);
      expect(out).to.deep.equal([]);
      expect(err.join('\n')).to.match(message).and.to.contain('usage: cloudhsm-sim clock');
    });
  }

  it('prints its usage for --help', async () => {
    const { code, out } = await run([], { help: 'true' });
    expect(code).to.equal(0);
    expect(out.join('\n')).to.contain('cloudhsm-sim clock advance DURATION');
  });

  it('exits 1 naming the endpoint when no simulator answers', async () => {
    const { code, err } = await run(['advance', '1d'], { endpoint: 'http://127.0.0.1:1' });
    expect(code).to.equal(1);
    expect(err[0]).to.match(/^cloudhsm-sim clock: no simulator answered at http:\/\/127\.0\.0\.1:1\/_sim\/clock\/advance/);
  });
});
