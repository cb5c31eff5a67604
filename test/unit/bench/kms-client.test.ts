// The benchmark's KMS client: awsJson1_1 requests signed with SigV4, and AWS error answers as named errors.

import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KmsClient, KmsServiceError } from '../../../scripts/bench/kms-client';

interface Seen {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('bench KMS client', () => {
  let server: Server;
  let client: KmsClient;
  const seen: Seen[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{}' };

  before(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new KmsClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  after(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the operation as an X-Amz-Target with a SigV4 signature over the body', async () => {
    answer = { status: 200, body: '{"KeyId":"k"}' };
    expect(await client.send('Encrypt', { KeyId: 'k', Plaintext: 'AA==' })).to.deep.equal({ KeyId: 'k' });
    const { headers, body } = seen.at(-1)!;
    expect(headers['x-amz-target']).to.equal('TrentService.Encrypt');
    expect(headers['content-type']).to.equal('application/x-amz-json-1.1');
    expect(headers.authorization).to.match(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-2\/kms\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(body)).to.deep.equal({ KeyId: 'k', Plaintext: 'AA==' });
  });

  it('names an error answer by its __type, namespace or not', async () => {
    answer = { status: 400, body: '{"__type":"com.amazonaws.kms#NotFoundException","message":"no such key"}' };
    const error = await client.send('DescribeKey', { KeyId: 'k' }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(KmsServiceError).and.include({ name: 'NotFoundException', message: 'no such key', statusCode: 400 });
    answer = { status: 400, body: '{"__type":"ThrottlingException","message":"slow down"}' };
    expect(await client.send('Encrypt', {}).catch((caught: unknown) => caught)).to.have.property('name', 'ThrottlingException');
  });
});
