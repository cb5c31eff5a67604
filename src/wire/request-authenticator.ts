// Who is calling, from which region and account. By default any credentials are accepted (the region
// still comes from the credential scope); strict mode verifies SigV4 signatures against configured keys.

import { timingSafeEqual } from 'node:crypto';
import { type Clock, SystemClock } from '../shared/clock';
import { AWS_REGIONS } from './aws-regions';
import { AuthenticationError, parseAuthorization, type SigV4Authorization } from './sigv4-authorization';
import { canonicalRequest, sha256Hex, signature, type SignableRequest, stringToSign } from './sigv4-signature';

/** The AWS documentation's example account (aws-behaviour 2.0 KeyMetadata example). */
export const DEFAULT_ACCOUNT_ID = '111122223333';
export const DEFAULT_REGION = 'us-east-1';
/** SigV4: a request dated more than 15 minutes from the server's clock is refused. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface KeyPair {
  readonly secretAccessKey: string;
  /** Overrides `accounts` and the default account for this key. */
  readonly accountId?: string;
  /** Temporary credentials: every request must carry this X-Amz-Security-Token. */
  readonly sessionToken?: string;
  /** Temporary credentials: refused from this time on. */
  readonly expiration?: Date;
}

export interface AuthenticationOptions {
  /** Verify signatures; only keys in `credentials` are accepted. Default false: any credentials pass. */
  readonly strict?: boolean;
  readonly credentials?: Readonly<Record<string, KeyPair>>;
  /** Account per access key id; others get `defaultAccountId`. */
  readonly accounts?: Readonly<Record<string, string>>;
  readonly defaultAccountId?: string;
  /** The region of unsigned requests (accepted outside strict mode). */
  readonly defaultRegion?: string;
  readonly clock?: Clock;
}

export interface Caller {
  readonly region: string;
  readonly accountId: string;
  readonly accessKeyId: string | undefined;
}

export interface AuthenticatedRequest extends SignableRequest {
  readonly body: Buffer;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function toAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The request time as SigV4 signs it: X-Amz-Date, else the HTTP Date header. */
function requestTime(headers: Readonly<Record<string, string>>): { amzDate: string; time: number } | undefined {
  const amzDate = headers['x-amz-date'];
  if (amzDate !== undefined) {
    const parts = AMZ_DATE.exec(amzDate);
    if (parts === null) return undefined;
    const [, year, month, day, hour, minute, second] = parts.map(Number) as [number, number, number, number, number, number, number];
    return { amzDate, time: Date.UTC(year, month - 1, day, hour, minute, second) };
  }
  const httpDate = headers['date'] === undefined ? NaN : Date.parse(headers['date']);
  return Number.isNaN(httpDate) ? undefined : { amzDate: toAmzDate(new Date(httpDate)), time: httpDate };
}

/** A record lookup that does not reach Object.prototype (an access key id may be `constructor`). */
function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export class RequestAuthenticator {
  private readonly clock: Clock;

  constructor(private readonly options: AuthenticationOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
  }

  /** Throws AuthenticationError; `signingName` is the service's credential-scope name. */
  authenticate(request: AuthenticatedRequest, signingName: string): Caller {
    const header = request.headers['authorization'];
    if (header === undefined) {
      if (this.options.strict) throw new AuthenticationError('missing', 'Missing Authentication Token');
      return { region: this.options.defaultRegion ?? DEFAULT_REGION, accountId: this.accountOf(undefined), accessKeyId: undefined };
    }
    const authorization = parseAuthorization(header);
    const { accessKeyId, region } = authorization.scope;
    if (this.options.strict) this.verify(request, authorization, signingName);
    return { region, accountId: this.accountOf(accessKeyId), accessKeyId };
  }

  private accountOf(accessKeyId: string | undefined): string {
    const fallback = this.options.defaultAccountId ?? DEFAULT_ACCOUNT_ID;
    if (accessKeyId === undefined) return fallback;
    return own(this.options.credentials, accessKeyId)?.accountId ?? own(this.options.accounts, accessKeyId) ?? fallback;
  }

  private verify(request: AuthenticatedRequest, authorization: SigV4Authorization, signingName: string): void {
    const { scope } = authorization;
    const time = requestTime(request.headers);
    if (time === undefined) {
      throw new AuthenticationError('incomplete', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    const keyPair = own(this.options.credentials, scope.accessKeyId);
    if (keyPair === undefined) throw new AuthenticationError('unrecognized', 'The security token included in the request is invalid.');
    // AWS General Reference, "Signature Version 4": a request with temporary credentials carries X-Amz-Security-Token.
    if (keyPair.sessionToken !== undefined && request.headers['x-amz-security-token'] !== keyPair.sessionToken) {
      throw new AuthenticationError('unrecognized', 'The security token included in the request is invalid.');
    }
    if (keyPair.expiration !== undefined && this.clock.now().getTime() >= keyPair.expiration.getTime()) {
      throw new AuthenticationError('token-expired', 'The security token included in the request is expired');
    }
    if (!AWS_REGIONS.has(scope.region)) throw new AuthenticationError('mismatch', `Credential should be scoped to a valid region. `);
    if (scope.service !== signingName) {
      throw new AuthenticationError('mismatch', `Credential should be scoped to correct service: '${signingName}'. `);
    }
    this.checkClockSkew(time.amzDate, time.time);
    if (scope.date !== time.amzDate.slice(0, 8)) {
      throw new AuthenticationError(
        'mismatch',
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${time.amzDate.slice(0, 8)}', from '${time.amzDate}'.`,
      );
    }
    const bodyHash = sha256Hex(request.body);
    const claimedHash = request.headers['x-amz-content-sha256'];
    if (claimedHash !== undefined && claimedHash !== UNSIGNED_PAYLOAD && claimedHash !== bodyHash) {
      throw new AuthenticationError('mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const canonical = canonicalRequest(request, authorization.signedHeaders, claimedHash ?? bodyHash);
    const expected = Buffer.from(signature(keyPair.secretAccessKey, scope, stringToSign(time.amzDate, scope, canonical)));
    const given = Buffer.from(authorization.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AuthenticationError(
        'mismatch',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    }
  }

  private checkClockSkew(amzDate: string, time: number): void {
    const now = this.clock.now().getTime();
    if (time < now - MAX_CLOCK_SKEW_MS) {
      throw new AuthenticationError(
        'expired',
        `Signature expired: ${amzDate} is now earlier than ${toAmzDate(new Date(now - MAX_CLOCK_SKEW_MS))} (${toAmzDate(new Date(now))} - 15 min.)`,
      );
    }
    if (time > now + MAX_CLOCK_SKEW_MS) {
      throw new AuthenticationError(
        'expired',
        `Signature not yet current: ${amzDate} is still later than ${toAmzDate(new Date(now + MAX_CLOCK_SKEW_MS))} (${toAmzDate(new Date(now))} + 15 min.)`,
      );
    }
  }
}
