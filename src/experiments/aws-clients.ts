// The runner's signed clients for the AWS services a plan may call (KMS, CloudHSM V2, CloudTrail), over the same endpoint.

import { CLOUDHSM_V2_SERVICE, CLOUDTRAIL_SERVICE, KMS_SERVICE, SignedJsonClient, type AwsJson } from '../shared/signed-json.client';
import type { AwsCall, AwsServiceName } from './plan.types';

/** Enough sockets that an open-loop probe against a hung HSM (requests waiting for their time limit) is not queued behind itself. */
const MAX_SOCKETS = 512;
const STEP_CALL_TIMEOUT_MS = 30_000;

export class AwsClients {
  private readonly clients: Record<AwsServiceName, SignedJsonClient>;

  constructor(endpoint: string, region: string) {
    this.clients = {
      kms: new SignedJsonClient(endpoint, KMS_SERVICE, { region, maxSockets: MAX_SOCKETS }),
      cloudhsmv2: new SignedJsonClient(endpoint, CLOUDHSM_V2_SERVICE, { region, maxSockets: 16 }),
      cloudtrail: new SignedJsonClient(endpoint, CLOUDTRAIL_SERVICE, { region, maxSockets: 4 }),
    };
  }

  get kms(): SignedJsonClient {
    return this.clients.kms;
  }

  /** A plan's call, with a time limit so a hung endpoint cannot stall the timeline. */
  call<T = AwsJson>(call: AwsCall): Promise<T> {
    return this.clients[call.service].send<T>(call.operation, call.input as AwsJson, STEP_CALL_TIMEOUT_MS);
  }

  destroy(): void {
    for (const client of Object.values(this.clients)) client.destroy();
  }
}

/** The outcome name of a failed call: the AWS error code, `timeout`, or the network error code. */
export function outcomeOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'RequestTimeout') return 'timeout';
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    return error.name;
  }
  return 'UnknownError';
}
