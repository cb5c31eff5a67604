// One raw HTTP exchange with the endpoint, for what the aws CLI cannot send: wrong methods, broken bodies,
// garbled signatures, oversized requests.

import { type Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface RawRequest {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The exchange went over a kept-alive connection. */
  readonly reusedSocket: boolean;
}

export function exchange(port: number, raw: RawRequest, agent?: Agent): Promise<RawAnswer> {
  // An explicit length frames every body, whatever the method (Node sends DELETE bodies unframed otherwise).
  const length = raw.body === undefined || raw.headers?.['transfer-encoding'] !== undefined ? {} : { 'content-length': String(Buffer.byteLength(raw.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: raw.method ?? 'POST', path: raw.path ?? '/', headers: { ...length, ...raw.headers }, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), reusedSocket: outgoing.reusedSocket }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}
