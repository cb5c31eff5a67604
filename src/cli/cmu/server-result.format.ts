// The per-HSM result lines every cloudhsm_mgmt_util command prints: `createUser success on server 0(10.0.2.9)`,
// `createUser failed on server 1(10.0.3.11): <code> (<message>)`.

import type { HsmConnection } from './hsm-connections';

export function serverLabel(server: HsmConnection): string {
  return `server ${server.index}(${server.endpoint.host})`;
}

// 7.4: `loginHSM success on server N(<ip>)` per HSM
export function successLine(command: string, server: HsmConnection): string {
  return `${command} success on ${serverLabel(server)}`;
}

export function failureLine(command: string, server: HsmConnection, error: unknown): string {
  return `${command} failed on ${serverLabel(server)}: ${errorCode(error)} (${errorMessage(error)})`;
}

/** The node's code (NodeError), the transport's (RpcConnectionError: CLOSED, ETIMEDOUT), or a system one. */
export function errorCode(error: unknown): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'ERROR';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
