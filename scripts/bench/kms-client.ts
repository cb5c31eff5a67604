// The one KMS client of the end-to-end rows, the same for the simulator and for moto: the awsJson1_1
// requests the AWS SDKs send, SigV4-signed by aws4, over keep-alive connections.
// Why not @aws-sdk/client-kms: its middleware stack alone saturates one of this machine's two cores at
// about 1,800 requests/s (measured), so it measured the client, not the server. aws4 is the small,
// long-kept signer many HTTP clients use; it signs each request the way the SDKs do.

import { Agent, request } from 'node:http';
import aws4 from 'aws4';

export const KMS_REGION = 'us-east-2';
const MAX_SOCKETS = 64;
/** The example keys of the AWS docs, as the e2e tests' aws CLI uses. */
export const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** An AWS error answer: `name` is the exception's name, as the SDKs report it. */
export class KmsServiceError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

export type KmsJson = Record<string, unknown>;

export class KmsClient {
  private readonly url: URL;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });

  constructor(readonly endpoint: string) {
    this.url = new URL(endpoint);
  }

  /** One operation, e.g. send('Encrypt', { KeyId, Plaintext: base64 }); resolves with the parsed answer. */
  send<T = KmsJson>(operation: string, input: KmsJson): Promise<T> {
    const body = JSON.stringify(input);
    const signed = aws4.sign(
      {
        host: this.url.host,
        path: '/',
        method: 'POST',
        service: 'kms',
        region: KMS_REGION,
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `TrentService.${operation}` },
        body,
      },
      CREDENTIALS,
    );
    return new Promise<T>((resolve, reject) => {
      const outgoing = request(
        { hostname: this.url.hostname, port: this.url.port, path: '/', method: 'POST', headers: signed.headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('error', reject);
          response.once('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status === 200) {
              resolve((text === '' ? {} : JSON.parse(text)) as T);
              return;
            }
            reject(errorOf(status, text));
          });
        },
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}

function errorOf(status: number, text: string): KmsServiceError {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return new KmsServiceError('UnknownError', `HTTP ${status}: ${text.slice(0, 200)}`, status);
  }
  // awsJson1_1: "__type" may carry a namespace prefix ("com.amazonaws.kms#NotFoundException").
  const name = (parsed.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
  return new KmsServiceError(name, parsed.message ?? parsed.Message ?? '', status);
}
