// `npm run torture -- [--rounds N] [--seed S] [--minutes M] [--data-dir D] [--keep]`: exit code 0 when no
// acknowledged result was lost, no orphan went unreported, no request got a 5xx and no HSM process outlived
// a restart.

import { runTorture } from './torture-run';
import { parseTortureOptions } from './torture-options';

async function main(): Promise<number> {
  const summary = await runTorture(parseTortureOptions(process.argv.slice(2)), (line) => process.stdout.write(`${line}\n`));
  const stale = summary.rounds.reduce((sum, round) => sum + round.staleNodes, 0);
  return !summary.failure && summary.lost === 0 && summary.orphansUnreported === 0 && summary.serverErrors === 0 && stale === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`torture: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
