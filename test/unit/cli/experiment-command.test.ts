// `cloudhsm-sim experiment`: strict flags, --help, and exit 2 for bad usage or an invalid plan (no server needed).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { experimentCommand, parseExperimentArgs } from '../../../src/cli/experiment-command';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

describe('cloudhsm-sim experiment (command line)', () => {
  let dir: string;
  const printed: string[] = [];
  const print = (line: string): void => void printed.push(line);
  const originalWrite = process.stderr.write.bind(process.stderr);
  let errors = '';

  beforeEach(() => {
    dir = createTempDir('experiment-cli');
    printed.length = 0;
    errors = '';
    process.stderr.write = ((chunk: string) => ((errors += chunk), true)) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = originalWrite;
    removeTempDir(dir);
  });

  it('takes its known flags, a switch without a value, and refuses others naming the valid ones', () => {
    expect(parseExperimentArgs(['run', 'p.json', '--quiet', '--duration', '20', '--out=x'])).to.deep.equal({ positional: ['run', 'p.json'], flags: { quiet: 'true', duration: '20', out: 'x' } });
    expect(() => parseExperimentArgs(['run', 'p.json', '--endpint', 'x'])).to.throw('unknown flag --endpint; valid: --endpoint, --region, --out, --duration, --quiet, --help');
    expect(() => parseExperimentArgs(['run', 'p.json', '--out'])).to.throw('--out needs a value');
  });

  it('prints the plan format for --help (exit 0) and exits 2 on bad usage', async () => {
    expect(await experimentCommand(['--help'], print)).to.equal(0);
    expect(printed.join('\n')).to.contain('usage: cloudhsm-sim experiment run <plan.json|plan.yaml>').and.to.contain('fault kinds: hsm-kill');
    expect(await experimentCommand(['run', 'p.json', '--verbose'], print)).to.equal(2);
    expect(errors).to.contain('unknown flag --verbose');
    expect(await experimentCommand(['start', 'p.json'], print)).to.equal(2);
    expect(errors).to.contain('unknown subcommand "start"; valid: run');
    expect(await experimentCommand(['run'], print)).to.equal(2);
  });

  it('exits 2 for an invalid plan, naming the file and the field', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', durationSeconds: 10, steps: [{ at: 1, heal: 'nothing' }] }));
    expect(await experimentCommand(['run', file], print)).to.equal(2);
    expect(errors).to.contain(`${file}: plan.steps[0].heal: "nothing" names no fault step before this one`);
    expect(await experimentCommand(['run', join(dir, 'missing.yaml')], print)).to.equal(2);
    expect(errors).to.contain('missing.yaml: cannot read it');
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ name: 'ok', durationSeconds: 10 }));
    expect(await experimentCommand(['run', join(dir, 'ok.json'), '--duration', 'soon'], print)).to.equal(2);
    expect(errors).to.contain('--duration "soon" is not a number of seconds above 0');
  });
});
