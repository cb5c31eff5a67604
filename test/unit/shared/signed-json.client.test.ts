// The signed JSON client for both services: CloudHSM V2's target and signing name, and a request's time limit.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { CLOUDHSM_V2_SERVICE, RequestTimeoutError, SignedJsonClient } from '../../../src/shared/signed-json.client';

describe('signed JSON client', () => {
  let server: Server;
  let client: SignedJsonClient;
  let seen: Record<string, string | string[] | undefined> = {};

  before(async () => {
    server = createServer((request, response) => {
      seen = request.headers;
      request.resume();
      // DescribeBackups never answers: the time-limit case.
      if (request.headers['x-amz-target'] === 'BaldrApiService.DescribeBackups') return;
      request.on('end', () => response.writeHead(200).end('{"Clusters":[]}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new SignedJsonClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, CLOUDHSM_V2_SERVICE, { region: 'eu-west-1' });
  });
  after(async () => {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('signs for cloudhsm with BaldrApiService targets', async () => {
    expect(await client.send('DescribeClusters', {})).to.deep.equal({ Clusters: [] });
    expect(seen['x-amz-target']).to.equal('BaldrApiService.DescribeClusters');
    expect(seen.authorization).to.match(/Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/eu-west-1\/cloudhsm\/aws4_request/);
  });

  it('gives up on a request after its time limit with a RequestTimeoutError', async () => {
    const started = Date.now();
    const error = await client.send('DescribeBackups', {}, 150).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(RequestTimeoutError).and.have.property('name', 'RequestTimeout');
    expect(Date.now() - started).to.be.within(140, 2_000);
  });
});
