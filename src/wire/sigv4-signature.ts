// SigV4 signature computation (AWS General Reference, "Create a signed AWS API request"): canonical
// request, string to sign, signing key derived from the secret, date, region and service.

import { createHash, createHmac } from 'node:crypto';
import { SCOPE_TERMINATOR, SIGV4_ALGORITHM, type CredentialScope } from './sigv4-authorization';

export interface SignableRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query string. */
  readonly path: string;
  /** The query string as sent, without `?`. */
  readonly query: string;
  /** Lower-case names; repeated headers joined with commas. */
  readonly headers: Readonly<Record<string, string>>;
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ (and `/` in paths). */
function uriEncode(value: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

function decodeQueryComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return [uriEncode(decodeQueryComponent(name), false), uriEncode(decodeQueryComponent(value), false)] as const;
    })
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[], payloadHash: string): string {
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/ +/g, ' ')}\n`).join('');
  return [
    request.method,
    // Every service but S3 signs the path percent-encoded once more (botocore: quote(path, safe='/~')).
    uriEncode(request.path, true),
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: CredentialScope, canonical: string): string {
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/${SCOPE_TERMINATOR}`;
  return [SIGV4_ALGORITHM, amzDate, credentialScope, sha256Hex(canonical)].join('\n');
}

export function signature(secretAccessKey: string, scope: CredentialScope, toSign: string): string {
  const dateKey = hmac(`AWS4${secretAccessKey}`, scope.date);
  const signingKey = hmac(hmac(hmac(dateKey, scope.region), scope.service), SCOPE_TERMINATOR);
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
}
