// The link between the control plane and an HSM host agent: TLS 1.2 with a pre-shared key derived from
// the token both were given (ECDHE-PSK: forward secrecy, no certificates). Whoever does not hold the
// token cannot finish the handshake, in either direction: the agent never takes orders from anyone else,
// and the control plane never sends secrets (sync keys, TLS keys, passwords) to an impostor.

import { createHash } from 'node:crypto';
import type { ConnectionOptions, TlsOptions } from 'node:tls';

/** Shorter tokens are refused: the PSK is only as strong as the token. */
export const MIN_TOKEN_LENGTH = 16;
const PSK_CIPHERS = 'ECDHE-PSK-CHACHA20-POLY1305:ECDHE-PSK-AES256-CBC-SHA384';
const PSK_IDENTITY = 'cloudhsm-sim-control-plane';

/** `from` says where the token is read from, for the message. */
export function checkToken(token: string | undefined, from = '--token-file FILE or CLOUDHSM_SIM_HOST_TOKEN'): string {
  if (!token || token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`an HSM host token of at least ${MIN_TOKEN_LENGTH} characters is needed (${from})`);
  }
  return token;
}

function pskOf(token: string): Buffer {
  return createHash('sha256').update('cloudhsm-sim hsm-host psk\0').update(checkToken(token)).digest();
}

export function agentTlsOptions(token: string): TlsOptions {
  const psk = pskOf(token);
  return {
    ciphers: PSK_CIPHERS,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    pskIdentityHint: 'cloudhsm-sim-hsm-host',
    pskCallback: (_socket, identity) => (identity === PSK_IDENTITY ? psk : null),
  };
}

export function controlPlaneTlsOptions(token: string): ConnectionOptions {
  const psk = pskOf(token);
  return {
    ciphers: PSK_CIPHERS,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    // No certificate on either side: the PSK authenticates both.
    checkServerIdentity: () => undefined,
    pskCallback: () => ({ psk, identity: PSK_IDENTITY }),
  };
}
