// The access keys strict authentication accepts (`--auth strict --credentials FILE`), from a JSON file
//   [{"accessKeyId": "AKID...", "secretAccessKey": "...", "accountId": "111122223333",
//     "sessionToken": "...", "expiration": "2026-12-31T00:00:00Z"}]      (or {"credentials": [...]})
// or an INI-like file in the shape of ~/.aws/credentials, one section per key:
//   [alice]
//   aws_access_key_id = AKID...
//   aws_secret_access_key = ...
//   aws_account_id = 111122223333          (or account_id; optional, default the simulator's account)
//   aws_session_token = ...                (optional: temporary credentials)
// Problems name the file and the entry, never a secret.

import { readFileSync } from 'node:fs';
import type { KeyPair } from '../wire/request-authenticator';

export type AccessKeys = Readonly<Record<string, KeyPair>>;

interface Entry {
  readonly accessKeyId?: unknown;
  readonly secretAccessKey?: unknown;
  readonly accountId?: unknown;
  readonly sessionToken?: unknown;
  readonly expiration?: unknown;
}

const INI_NAMES: Readonly<Record<string, keyof Entry>> = {
  aws_access_key_id: 'accessKeyId',
  aws_secret_access_key: 'secretAccessKey',
  aws_account_id: 'accountId',
  account_id: 'accountId',
  aws_session_token: 'sessionToken',
  aws_security_token: 'sessionToken',
  expiration: 'expiration',
};

function iniEntries(text: string, file: string): Entry[] {
  const entries: Record<string, string>[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[.*\]$/.test(line)) {
      entries.push({});
      continue;
    }
    const equals = line.indexOf('=');
    const name = INI_NAMES[line.slice(0, Math.max(equals, 0)).trim().toLowerCase()];
    if (equals < 0 || entries.length === 0) throw new Error(`${file} line ${index + 1}: expected [section] or name = value`);
    if (name !== undefined) entries[entries.length - 1]![name] = line.slice(equals + 1).trim();
  }
  return entries;
}

function jsonEntries(text: string, file: string): Entry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The parser's message may quote the file's text, secrets included: only the file is named.
    throw new Error(`${file} is not valid JSON`, { cause: error });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { credentials?: unknown } | null)?.credentials;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON array of access keys, or {"credentials": [...]}`);
  return list.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as Entry) : {}));
}

function keyPair(entry: Entry, where: string): [string, KeyPair] {
  const { accessKeyId, secretAccessKey, accountId, sessionToken, expiration } = entry;
  if (typeof accessKeyId !== 'string' || !/^[A-Za-z0-9]{1,128}$/.test(accessKeyId)) throw new Error(`${where}: accessKeyId must be letters and digits`);
  if (typeof secretAccessKey !== 'string' || secretAccessKey === '') throw new Error(`${where} (${accessKeyId}): secretAccessKey is missing`);
  if (accountId !== undefined && (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId))) throw new Error(`${where} (${accessKeyId}): accountId must be 12 digits`);
  if (sessionToken !== undefined && (typeof sessionToken !== 'string' || sessionToken === '')) throw new Error(`${where} (${accessKeyId}): sessionToken must be a non-empty string`);
  const expires = expiration === undefined ? undefined : new Date(String(expiration));
  if (expires !== undefined && Number.isNaN(expires.getTime())) throw new Error(`${where} (${accessKeyId}): expiration must be an ISO-8601 time`);
  return [
    accessKeyId,
    {
      secretAccessKey,
      ...(accountId === undefined ? {} : { accountId }),
      ...(sessionToken === undefined ? {} : { sessionToken }),
      ...(expires === undefined ? {} : { expiration: expires }),
    },
  ];
}

/** `{...}` is JSON; `[...]` is JSON when it parses, else an INI section header. */
function looksLikeJson(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('{')) return true;
  if (!start.startsWith('[')) return false;
  try {
    JSON.parse(start);
    return true;
  } catch {
    return false;
  }
}

/** Throws an Error naming what is wrong (never a secret). */
export function loadCredentialsFile(file: string): AccessKeys {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read --credentials ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const entries = looksLikeJson(text) ? jsonEntries(text, file) : iniEntries(text, file);
  const keys: Record<string, KeyPair> = {};
  entries.forEach((entry, index) => {
    const [accessKeyId, pair] = keyPair(entry, `${file} entry ${index + 1}`);
    if (Object.hasOwn(keys, accessKeyId)) throw new Error(`${file}: access key ${accessKeyId} is listed twice`);
    keys[accessKeyId] = pair;
  });
  if (entries.length === 0) throw new Error(`${file} lists no access keys`);
  return keys;
}
