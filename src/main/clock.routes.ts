// GET /_sim/clock and POST /_sim/clock/advance: read and move the simulated clock that waiting periods
// (key deletion windows, backup purges and retention, the daily backup) run on.

import type { SimulatedClock } from '../shared/simulated-clock';
import type { AdminRequest, AdminResponse } from '../wire';

export const CLOCK_ROUTE = '/_sim/clock';
export const CLOCK_ADVANCE_ROUTE = '/_sim/clock/advance';

/** 100 years: far enough for any waiting period, near enough that every date stays representable. */
const MAX_ADVANCE_SECONDS = 100 * 365.25 * 24 * 60 * 60;

function clockView(clock: SimulatedClock): { now: string; offsetSeconds: number } {
  return { now: clock.now().toISOString(), offsetSeconds: clock.offset() / 1000 };
}

function notFound(path: string): AdminResponse {
  return { status: 404, body: { message: `no route ${path}: use GET ${CLOCK_ROUTE} or POST ${CLOCK_ADVANCE_ROUTE}` } };
}

/** `{"now": ISO-8601, "offsetSeconds": how far simulated time runs ahead of real time}`. */
export function clockRoute(clock: SimulatedClock, request: AdminRequest): AdminResponse {
  if (request.path !== CLOCK_ROUTE) return notFound(request.path);
  return { body: clockView(clock) };
}

/** Body `{"seconds": N}`; answers once everything that fell due has run, with how many tasks did. */
export async function clockAdvanceRoute(clock: SimulatedClock, request: AdminRequest): Promise<AdminResponse> {
  if (request.path !== CLOCK_ADVANCE_ROUTE) return notFound(request.path);
  const { body } = request;
  const seconds = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)['seconds'] : undefined;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_ADVANCE_SECONDS) {
    return {
      status: 400,
      body: {
        message: `the body must be {"seconds": N} with N a number greater than 0 and at most ${MAX_ADVANCE_SECONDS} (100 years), e.g. {"seconds": 604800} for 7 days; got ${JSON.stringify(body ?? null).slice(0, 200)}`,
      },
    };
  }
  const fired = await clock.advance(seconds * 1000);
  return { body: { ...clockView(clock), advancedSeconds: seconds, fired } };
}
