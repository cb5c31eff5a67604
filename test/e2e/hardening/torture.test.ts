// "Acknowledged means durable": three torture rounds with a fixed seed (14: the simulator killed with its
// HSMs hung, the whole process tree killed, the simulator killed during a CreateKey burst), each followed by
// a restart with the user's own command and the checks of scripts/torture/round-checks.ts.
// `npm run torture -- --rounds 50 --seed 14` runs more of the same.

import { expect } from 'chai';
import { runTorture } from '../../../scripts/torture/torture-run';
import { createTempDir, removeTempDir } from '../../support/temp-dir';

const SEED = 14;

describe('e2e: torture - kills at seeded moments lose nothing acknowledged', function () {
  this.timeout(240_000);
  let dataDir: string;
  before(() => (dataDir = createTempDir('torture')));
  after(() => {
    removeTempDir(dataDir);
    removeTempDir(`${dataDir}.output.log`);
  });

  it(`3 rounds, seed ${SEED}: 0 lost, 0 unreported orphans, 0 5xx, no HSM process outlives a restart`, async () => {
    const lines: string[] = [];
    const summary = await runTorture({ rounds: 3, seed: SEED, dataDir, keep: true }, (line) => lines.push(line));
    const report = lines.join('\n');

    expect(summary.failure, report).to.equal(undefined);
    expect(summary.rounds.map((round) => round.kill), report).to.deep.equal(['sim-hung', 'tree', 'write']);
    expect(summary.acknowledged, report).to.be.greaterThan(100);
    expect(summary.lost, report).to.equal(0);
    expect(summary.orphansUnreported, report).to.equal(0);
    expect(summary.serverErrors, report).to.equal(0);
    expect(summary.rounds.map((round) => round.staleNodes), report).to.deep.equal([0, 0, 0]);
  });
});
