// Who may use the /_sim/ admin routes when the endpoint listens beyond loopback: whoever shows the admin
// token, as `Authorization: Bearer TOKEN` or `X-Sim-Admin-Token: TOKEN`. SIM: AWS has no such routes.

import { timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when `token` is undefined (no token configured) or the headers carry it. */
export function carriesAdminToken(headers: Readonly<Record<string, string>>, token: string | undefined): boolean {
  if (token === undefined) return true;
  const bearer = BEARER.exec(headers['authorization'] ?? '')?.[1];
  const given = bearer ?? headers['x-sim-admin-token'];
  return given !== undefined && same(given.trim(), token);
}

export const ADMIN_TOKEN_REQUIRED_MESSAGE = 'The /_sim/ admin routes need the admin token: send Authorization: Bearer <token> or X-Sim-Admin-Token: <token>.';
