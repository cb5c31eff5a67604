// A CloudHSM CLI command that did not succeed, and the message its JSON carries.

import type { HsmEndpoint } from '../cmu/hsm-endpoint';
import { errorCode, errorMessage } from '../cmu/server-result.format';

export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** `CODE: message` for an HSM's or the transport's error; the message alone for the tool's own. */
export function describeError(error: unknown): string {
  const code = errorCode(error);
  return code === 'ERROR' ? errorMessage(error) : `${code}: ${errorMessage(error)}`;
}

export interface HsmRefusal {
  readonly endpoint: HsmEndpoint;
  readonly error: unknown;
}

/** One failure naming each HSM that refused. */
export function failedOnHsms(action: string, failures: readonly HsmRefusal[], attempted: number): CliFailure {
  const details = failures.map(({ endpoint, error }) => `${endpoint.host}:${endpoint.port}: ${describeError(error)}`).join('; ');
  return new CliFailure(`${action} failed on ${failures.length} of ${attempted} HSM(s): ${details}`);
}
