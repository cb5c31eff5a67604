// `cloudhsm-sim clock`: reads and advances the simulated clock of a running simulator (GET /_sim/clock,
// POST /_sim/clock/advance), so an experiment can let a waiting period pass: a key deletion window, a
// backup's 7 days of PENDING_DELETION, the daily backup.

import { DEFAULT_PORT } from '../main/simulator-config';
import { DURATION_FORMS, parseDurationSeconds } from './duration.parser';
import { callSimRoute, SimAdminError } from '../shared/sim-route.client';

export const CLOCK_USAGE = `usage: cloudhsm-sim clock [now]              print the simulated time
       cloudhsm-sim clock advance DURATION  move it ahead; every waiting period that ends on the way runs, in order

  DURATION        ${DURATION_FORMS}
  --endpoint URL  the running simulator (default http://127.0.0.1:${DEFAULT_PORT})
  --help          this text`;

const FLAGS = ['endpoint', 'help'];

interface ClockAnswer {
  readonly now?: string;
  readonly fired?: number;
}

export async function clockCommand(
  positional: readonly string[],
  flags: Readonly<Record<string, string>>,
  print: (line: string) => void,
  printError: (line: string) => void,
): Promise<number> {
  const usageError = (problem: string): number => {
    printError(`cloudhsm-sim clock: ${problem}\n${CLOCK_USAGE}`);
    return 2;
  };
  const unknown = Object.keys(flags).filter((name) => !FLAGS.includes(name));
  if (unknown.length > 0) return usageError(`unknown flag --${unknown[0]}: valid flags are ${FLAGS.map((name) => `--${name}`).join(', ')}`);
  if (flags.help !== undefined) {
    print(CLOCK_USAGE);
    return 0;
  }
  const endpoint = (flags.endpoint ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(/\/+$/, '');
  const [action = 'now', duration, ...extra] = positional;
  if (action === 'now' && duration === undefined) return request(`${endpoint}/_sim/clock`, undefined, print, printError);
  if (action !== 'advance') return usageError(`unknown clock command "${[action, duration].filter(Boolean).join(' ')}": use "now" or "advance DURATION"`);
  if (duration === undefined) return usageError(`advance needs a DURATION: ${DURATION_FORMS}`);
  if (extra.length > 0) return usageError(`advance takes one DURATION, not "${[duration, ...extra].join(' ')}"`);
  const seconds = parseDurationSeconds(duration);
  if (seconds === undefined) return usageError(`"${duration}" is not a duration greater than 0: use ${DURATION_FORMS}`);
  return request(`${endpoint}/_sim/clock/advance`, { seconds }, print, printError, duration);
}

async function request(url: string, body: { seconds: number } | undefined, print: (line: string) => void, printError: (line: string) => void, duration?: string): Promise<number> {
  let answer: ClockAnswer;
  try {
    answer = await callSimRoute<ClockAnswer>(url, body ? 'POST' : 'GET', '', body);
  } catch (error) {
    if (!(error instanceof SimAdminError)) throw error;
    printError(`cloudhsm-sim clock: ${error.message}`);
    return 1;
  }
  print(body ? `${answer.now}  (advanced ${duration ?? `${body.seconds}s`}; ${answer.fired ?? 0} scheduled task${answer.fired === 1 ? '' : 's'} ran)` : String(answer.now));
  return 0;
}
