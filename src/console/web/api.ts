// Talking to the simulator from the browser: the console's own read routes, the live stream, the fault
// and clock routes, and KMS itself (POST / with X-Amz-Target: the same path the aws CLI takes, for the
// Region the page shows).

import type { ConsoleMeta, ConsoleSnapshot, TimelineEntry } from '../console-snapshot.types';

export const CONSOLE_API = '/_sim/console/api/';

export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const loadMeta = (): Promise<ConsoleMeta> => getJson<ConsoleMeta>(`${CONSOLE_API}meta`);

/**
 * The Region of a request goes where every AWS request carries it: the SigV4 credential scope of its
 * Authorization header (an unsigned request gets the simulator's default Region). The signature is a
 * placeholder: the console holds no secret key, and the simulator's default (lenient) mode accepts any
 * credentials and reads the Region from the scope. The access key id `console` names the caller in the
 * timeline. (Under --strict the console cannot call KMS; the aws CLI can.)
 */
export function regionScope(region: string, service: string): string {
  const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `AWS4-HMAC-SHA256 Credential=console/${date}/${region}/${service}/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`;
}

/** A KMS operation in `region`, as the AWS SDKs send it (awsJson1_1); AWS's error comes back as `__type` + message. */
export async function kms<T>(region: string, operation: string, input: Record<string, unknown>): Promise<T> {
  const response = await fetch('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${operation}`, authorization: regionScope(region, 'kms') },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(body['__type'] ?? `HTTP ${response.status}`).split('#').pop()!;
    throw new AwsError(type, String(body['message'] ?? body['Message'] ?? ''));
  }
  return body as T;
}

/** A /_sim/ admin route (faults, clock); its `message` becomes the error. */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new AwsError(String(answer['__type'] ?? `HTTP ${response.status}`), String(answer['message'] ?? ''));
  return answer as T;
}

export interface StreamHandlers {
  snapshot(snapshot: ConsoleSnapshot): void;
  history(entries: TimelineEntry[]): void;
  entry(entry: TimelineEntry): void;
  connected(open: boolean): void;
}

/** The live stream of `region` (undefined: the default Region); EventSource reconnects by itself (the server asks for 1 s). */
export function openStream(region: string | undefined, handlers: StreamHandlers): EventSource {
  const source = new EventSource(`${CONSOLE_API}events${region ? `?region=${encodeURIComponent(region)}` : ''}`);
  source.addEventListener('snapshot', (event) => handlers.snapshot(JSON.parse((event as MessageEvent<string>).data) as ConsoleSnapshot));
  source.addEventListener('history', (event) => handlers.history(JSON.parse((event as MessageEvent<string>).data) as TimelineEntry[]));
  source.addEventListener('timeline', (event) => handlers.entry(JSON.parse((event as MessageEvent<string>).data) as TimelineEntry));
  source.addEventListener('open', () => handlers.connected(true));
  source.addEventListener('error', () => handlers.connected(false));
  return source;
}
