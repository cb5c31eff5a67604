// The SigV4 `Authorization` header: `AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/kms/aws4_request,
// SignedHeaders=content-type;host;x-amz-date, Signature=<64 hex>` (AWS General Reference, "Signature Version 4").

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SCOPE_TERMINATOR = 'aws4_request';

/** Why a request failed authentication; each protocol names the failure its own way. */
export type AuthFailureReason = 'missing' | 'incomplete' | 'unrecognized' | 'mismatch' | 'expired' | 'token-expired';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';

  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export interface CredentialScope {
  readonly accessKeyId: string;
  /** yyyymmdd */
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export interface SigV4Authorization {
  readonly scope: CredentialScope;
  /** Lower-case header names, in the order given. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;
const PARAMETERS = ['Credential', 'SignedHeaders', 'Signature'] as const;

/** Throws AuthenticationError('incomplete' or 'mismatch') with AWS's wording for a malformed header. */
export function parseAuthorization(header: string): SigV4Authorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    throw new AuthenticationError('incomplete', `Unsupported AWS 'algorithm': '${algorithm}'. Only '${SIGV4_ALGORITHM}' is accepted.`);
  }
  const values = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) values.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const missing = PARAMETERS.filter((name) => !values.get(name));
  if (missing.length > 0) {
    throw new AuthenticationError('incomplete', missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const credential = values.get('Credential')!;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    throw new AuthenticationError(
      'incomplete',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (terminator !== SCOPE_TERMINATOR) {
    throw new AuthenticationError('mismatch', `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'.`);
  }
  if (!/^\d{8}$/.test(date)) throw new AuthenticationError('incomplete', `Invalid credential date '${date}': expected yyyyMMdd.`);
  if (!REGION.test(region)) throw new AuthenticationError('mismatch', `Credential should be scoped to a valid region, not '${region}'.`);
  return {
    scope: { accessKeyId, date, region, service },
    signedHeaders: values.get('SignedHeaders')!.split(';').map((name) => name.trim().toLowerCase()),
    signature: values.get('Signature')!,
  };
}
