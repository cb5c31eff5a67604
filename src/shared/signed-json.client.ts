// A small client for the awsJson1_1 services (KMS, CloudHSM V2): the requests the AWS SDKs send,
// SigV4-signed by aws4, over keep-alive connections. Used by the experiment runner and the benchmarks.
// Why not the @aws-sdk clients: their middleware stack alone saturates one of this machine's two cores at
// about 1,800 requests/s (measured), so a load probe would measure the client, not the server. aws4 is
// the small, long-kept signer many HTTP clients use; it signs each request the way the SDKs do.

import { Agent, request } from 'node:http';
import aws4 from 'aws4';

/** How one awsJson1_1 service is addressed: its SigV4 signing name and X-Amz-Target prefix. */
export interface JsonService {
  readonly signingName: string;
  readonly targetPrefix: string;
}

export const KMS_SERVICE: JsonService = { signingName: 'kms', targetPrefix: 'TrentService' };
export const CLOUDHSM_V2_SERVICE: JsonService = { signingName: 'cloudhsm', targetPrefix: 'BaldrApiService' };
export const CLOUDTRAIL_SERVICE: JsonService = { signingName: 'cloudtrail', targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101' };

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The example keys of the AWS docs; the simulator accepts any credentials. */
export const EXAMPLE_CREDENTIALS: Credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface SignedJsonClientOptions {
  readonly region: string;
  readonly credentials?: Credentials;
  /** Open connections at most (default 64); requests beyond wait for a free one. */
  readonly maxSockets?: number;
}

/** An AWS error answer: `name` is the exception's name, as the SDKs report it. */
export class AwsServiceError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/** No answer within the request's time limit. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeout';
}

export type AwsJson = Record<string, unknown>;

export class SignedJsonClient {
  private readonly url: URL;
  private readonly agent: Agent;

  constructor(
    endpoint: string,
    private readonly service: JsonService,
    private readonly options: SignedJsonClientOptions,
  ) {
    this.url = new URL(endpoint);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  }

  /** One operation, e.g. send('Encrypt', { KeyId, Plaintext: base64 }); resolves with the parsed answer. */
  send<T = AwsJson>(operation: string, input: AwsJson, timeoutMs?: number): Promise<T> {
    const body = JSON.stringify(input);
    const signed = aws4.sign(
      {
        host: this.url.host,
        path: '/',
        method: 'POST',
        service: this.service.signingName,
        region: this.options.region,
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `${this.service.targetPrefix}.${operation}` },
        body,
      },
      this.options.credentials ?? EXAMPLE_CREDENTIALS,
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
      if (timeoutMs !== undefined) {
        outgoing.setTimeout(timeoutMs, () => {
          reject(new RequestTimeoutError(`${operation}: no answer in ${timeoutMs} ms`));
          outgoing.destroy();
        });
      }
      outgoing.once('error', reject);
      outgoing.end(body);
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}

function errorOf(status: number, text: string): AwsServiceError {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return new AwsServiceError('UnknownError', `HTTP ${status}: ${text.slice(0, 200)}`, status);
  }
  // awsJson1_1: "__type" may carry a namespace prefix ("com.amazonaws.kms#NotFoundException").
  const name = (parsed.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
  return new AwsServiceError(name, parsed.message ?? parsed.Message ?? '', status);
}
