// The simulator's own plain-JSON routes under /_sim/ (no SigV4): faults, the simulated clock, and where
// a cluster's HSMs are.

import { callSimRoute, SimAdminError } from '../shared/sim-route.client';
import type { FaultBody } from './plan.types';

const ADMIN_TIMEOUT_MS = 30_000;

/** A /_sim route answered with an error status; `message` is the endpoint's. */
export class AdminRouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminRouteError';
  }
}

export interface ActiveFault {
  readonly faultId: string;
  readonly kind: string;
  readonly target: unknown;
  readonly params: unknown;
  readonly since: string;
}

export class SimAdminClient {
  constructor(private readonly endpoint: string) {}

  addFault(body: FaultBody): Promise<{ faultId: string } & Record<string, unknown>> {
    return this.call('POST', '/_sim/faults', body);
  }

  async listFaults(): Promise<ActiveFault[]> {
    return (await this.call<{ faults: ActiveFault[] }>('GET', '/_sim/faults')).faults;
  }

  async healFault(faultId: string): Promise<void> {
    await this.call('DELETE', `/_sim/faults/${encodeURIComponent(faultId)}`);
  }

  async healAll(): Promise<void> {
    await this.call('POST', '/_sim/faults/reset', {});
  }

  advanceClock(seconds: number): Promise<Record<string, unknown>> {
    return this.call('POST', '/_sim/clock/advance', { seconds });
  }

  async clockNow(): Promise<string> {
    return (await this.call<{ now: string }>('GET', '/_sim/clock')).now;
  }

  private async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await callSimRoute<T>(this.endpoint, method, path, body, ADMIN_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof SimAdminError && error.status !== undefined) throw new AdminRouteError(error.status, `${method} ${path}: HTTP ${error.status}: ${error.routeMessage}`);
      throw error;
    }
  }
}
