// Waits for a state that the control plane's scheduler reaches on its own (CREATE_IN_PROGRESS ->
// UNINITIALIZED, CONNECTING -> CONNECTED, ...): the services are asked, as a client would poll.

import { setTimeout as sleep } from 'node:timers/promises';

/** In-process questions are cheap: ask often, so that time scale 0 stays instant. */
const POLL_INTERVAL_MS = 2;

/** Resolves with the first defined answer; throws what the probe throws, or after `timeoutMs`. */
export async function waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = probe();
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`preset: gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(POLL_INTERVAL_MS);
  }
}
