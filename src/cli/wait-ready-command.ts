// `cloudhsm-sim wait-ready`: for scripts, polls a simulator's GET /_sim/health until it answers
// {"status": "ready"} (exit 0) or the timeout passes (exit 1).

import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_PORT } from '../main/simulator-config';
import { HEALTH_ROUTE } from '../main/health.routes';
import { callSimRoute } from '../shared/sim-route.client';

const POLL_INTERVAL_MS = 50;
const REQUEST_TIMEOUT_MS = 2_000;
const DEFAULT_TIMEOUT_SECONDS = 60;

export async function waitReadyCommand(flags: Readonly<Record<string, string>>, print: (line: string) => void, warn: (line: string) => void): Promise<number> {
  const endpoint = (flags['endpoint'] ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(/\/+$/, '');
  const timeoutSeconds = Number(flags['timeout'] ?? DEFAULT_TIMEOUT_SECONDS);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    warn(`cloudhsm-sim wait-ready: --timeout must be a number of seconds greater than 0, not "${flags['timeout']}"`);
    return 2;
  }
  const deadline = Date.now() + timeoutSeconds * 1000;
  let last: string;
  for (;;) {
    try {
      const body = await callSimRoute<{ status?: string; preset?: { phase?: string; error?: string } }>(endpoint, 'GET', HEALTH_ROUTE, undefined, REQUEST_TIMEOUT_MS);
      if (body.status === 'ready') {
        print(`cloudhsm-sim: ${endpoint} is ready`);
        return 0;
      }
      if (body.preset?.phase === 'failed') {
        warn(`cloudhsm-sim wait-ready: the preset failed: ${body.preset.error ?? 'no reason given'}`);
        return 1;
      }
      last = `status ${body.status ?? 'unknown'}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    if (Date.now() >= deadline) {
      warn(`cloudhsm-sim wait-ready: ${endpoint} not ready after ${timeoutSeconds} s (${last})`);
      return 1;
    }
    await sleep(POLL_INTERVAL_MS);
  }
}
