import { expect } from 'chai';
import { awsException } from '../../../src/shared/aws-exception';
import { AdminRouter } from '../../../src/wire/admin-router';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import { RequestAuthenticator } from '../../../src/wire/request-authenticator';
import { RequestDispatcher, type RequestLogContext } from '../../../src/wire/request-dispatcher';
import { ServiceRegistry } from '../../../src/wire/service-registry';
import type { OperationHandlers, RequestContext, WireRequest, WireResponse } from '../../../src/wire/wire.types';

const NotFoundException = awsException('NotFoundException');
const CloudHsmResourceNotFoundException = awsException('CloudHsmResourceNotFoundException');
const DependencyTimeoutException = awsException('DependencyTimeoutException', 'server', 503);
const KMSInternalException = awsException('KMSInternalException', 'server');
const SubnetNotFound = awsException('InvalidSubnetID.NotFound');

interface Harness {
  dispatch(request: Partial<WireRequest>): Promise<WireResponse>;
  readonly calls: Array<{ input: unknown; context: RequestContext }>;
  readonly internalErrors: Array<{ error: unknown; context: RequestLogContext }>;
  readonly router: AdminRouter;
  readonly registry: ServiceRegistry;
}

function harness(handlers: { kms?: OperationHandlers; cloudhsm?: OperationHandlers; ec2?: OperationHandlers } = {}): Harness {
  const registry = new ServiceRegistry();
  const router = new AdminRouter();
  const internalErrors: Harness['internalErrors'] = [];
  const calls: Harness['calls'] = [];
  const record =
    (output: unknown) =>
    (input: unknown, context: RequestContext): unknown => {
      calls.push({ input, context });
      return output;
    };
  registry.register(kmsModel, handlers.kms ?? { DescribeCustomKeyStores: record({ CustomKeyStores: [] }) });
  registry.register(cloudHsmV2Model, handlers.cloudhsm ?? { DescribeClusters: record({ Clusters: [] }) });
  registry.register(ec2Model, handlers.ec2 ?? { DescribeSubnets: record({ Subnets: [] }) });
  const dispatcher = new RequestDispatcher(registry, router, new RequestAuthenticator(), (error, context) => internalErrors.push({ error, context }));
  let counter = 0;
  return {
    calls,
    internalErrors,
    router,
    registry,
    dispatch: async (request) => {
      counter += 1;
      const full: WireRequest = { method: 'POST', path: '/', query: '', headers: {}, body: Buffer.alloc(0), ...request };
      return (await dispatcher.dispatch(full, `req-${counter}`)).response;
    },
  };
}

function json(target: string, body: unknown = {}): Partial<WireRequest> {
  return { headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from(JSON.stringify(body)) };
}

function form(body: string): Partial<WireRequest> {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: Buffer.from(body) };
}

function parsed(response: WireResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

describe('request dispatch and error mapping', () => {
  it('answers an awsJson call with 200, the JSON content type and the request id', async () => {
    const test = harness();
    const response = await test.dispatch(json('TrentService.DescribeCustomKeyStores', { Limit: 5 }));
    expect(response.status).to.equal(200);
    expect(response.headers).to.include({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
    expect(parsed(response)).to.deep.equal({ CustomKeyStores: [] });
    expect(test.calls[0]!.input).to.deep.equal({ Limit: 5 });
    expect(test.calls[0]!.context).to.deep.equal({
      requestId: 'req-1',
      region: 'us-east-1',
      accountId: '111122223333',
      accessKeyId: undefined,
      service: 'kms',
      operation: 'DescribeCustomKeyStores',
    });
  });

  it('answers unknown targets, methods and paths with UnknownOperationException 400', async () => {
    const test = harness();
    for (const request of [json('TrentService.Nope'), json('Nope.DescribeCustomKeyStores'), json('TrentService'), { ...json('TrentService.DescribeCustomKeyStores'), method: 'GET' }, { ...json('TrentService.DescribeCustomKeyStores'), path: '/x' }, {}]) {
      const response = await test.dispatch(request);
      expect(response.status).to.equal(400);
      expect(parsed(response)['__type']).to.equal('UnknownOperationException');
      expect(response.headers['x-amzn-requestid']).to.match(/^req-/);
    }
    expect(test.calls).to.have.length(0);
  });

  it('answers invalid input with ValidationException and never calls the handler', async () => {
    const test = harness();
    const response = await test.dispatch(json('TrentService.DescribeCustomKeyStores', { Limit: 0 }));
    expect(response.status).to.equal(400);
    expect(response.headers['x-amzn-errortype']).to.equal('ValidationException');
    expect(parsed(response)).to.deep.equal({
      __type: 'ValidationException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    expect(test.calls).to.have.length(0);
  });

  it('writes the message member each service uses: message for KMS, Message for CloudHSM V2', async () => {
    const test = harness({
      kms: { DescribeCustomKeyStores: () => Promise.reject(new NotFoundException('no such store')) },
      cloudhsm: {
        DescribeClusters: () => {
          throw new CloudHsmResourceNotFoundException('no such cluster');
        },
      },
    });
    const kms = await test.dispatch(json('TrentService.DescribeCustomKeyStores'));
    expect([kms.status, parsed(kms)]).to.deep.equal([400, { __type: 'NotFoundException', message: 'no such store' }]);
    const cloudHsm = await test.dispatch(json('BaldrApiService.DescribeClusters'));
    expect([cloudHsm.status, parsed(cloudHsm)]).to.deep.equal([400, { __type: 'CloudHsmResourceNotFoundException', Message: 'no such cluster' }]);
    const validation = await test.dispatch(json('BaldrApiService.CreateCluster'));
    expect(Object.keys(parsed(validation))).to.deep.equal(['__type', 'Message']);
  });

  it('maps server faults to 500 and honours an exception status such as 503', async () => {
    const test = harness({
      kms: {
        DescribeCustomKeyStores: () => {
          throw new DependencyTimeoutException('the cluster did not answer');
        },
        DescribeKey: () => {
          throw new KMSInternalException('internal');
        },
      },
    });
    expect((await test.dispatch(json('TrentService.DescribeCustomKeyStores'))).status).to.equal(503);
    expect((await test.dispatch(json('TrentService.DescribeKey', { KeyId: 'k' }))).status).to.equal(500);
    expect(test.internalErrors).to.have.length(0);
  });

  it('answers anything else with a generic InternalFailure, reporting it to the hook only', async () => {
    const test = harness({
      kms: {
        DescribeCustomKeyStores: () => {
          throw new Error('password kmsPswd1 at /secret/path');
        },
        DescribeKey: () => ({ KeyMetadata: { KeyId: 42 } }),
      },
    });
    const thrown = await test.dispatch(json('TrentService.DescribeCustomKeyStores'));
    expect(thrown.status).to.equal(500);
    expect(parsed(thrown)).to.deep.equal({
      __type: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error, exception or failure.',
    });
    const mistyped = await test.dispatch(json('TrentService.DescribeKey', { KeyId: 'k' }));
    expect([mistyped.status, parsed(mistyped)['__type']]).to.deep.equal([500, 'InternalFailure']);
    expect(mistyped.body).to.not.include('KeyId');
    expect(test.internalErrors.map(({ error }) => (error as Error).name)).to.deep.equal(['Error', 'OutputShapeError']);
    expect(test.internalErrors[0]!.context).to.include({ requestId: 'req-1', service: 'kms', operation: 'DescribeCustomKeyStores', region: 'us-east-1' });
  });

  it('answers a modelled operation without a handler as not simulated yet', async () => {
    const test = harness();
    const response = await test.dispatch(json('TrentService.CreateKey'));
    expect([response.status, parsed(response)]).to.deep.equal([
      400,
      { __type: 'UnsupportedOperationException', message: 'CreateKey is not simulated by cloudhsm-sim yet.' },
    ]);
    const ec2 = await test.dispatch(form('Action=DescribeVpcs&Version=2016-11-15'));
    expect(ec2.body).to.include('<Code>UnsupportedOperation</Code><Message>DescribeVpcs is not simulated by cloudhsm-sim yet.</Message>');
  });

  it('refuses handlers for operations the model does not have, and a service registered twice', () => {
    const test = harness();
    expect(() => test.registry.register(kmsModel, {})).to.throw('KMS is already registered');
    expect(() => new ServiceRegistry().register(kmsModel, { DescribeClusters: () => ({}) })).to.throw('KMS has no operation DescribeClusters');
  });

  describe('EC2 query', () => {
    it('answers XML with the request id in the body', async () => {
      const test = harness();
      const response = await test.dispatch(form('Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-1'));
      expect(response.status).to.equal(200);
      expect(response.headers['content-type']).to.equal('text/xml;charset=UTF-8');
      expect(response.body).to.include('<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId><subnetSet/>');
      expect(test.calls[0]!.input).to.deep.equal({ SubnetIds: ['subnet-1'] });
      expect(test.calls[0]!.context.service).to.equal('ec2');
    });

    it('uses an exception name with a dot as the error Code', async () => {
      const test = harness({
        ec2: {
          DescribeSubnets: () => {
            throw new SubnetNotFound("The subnet ID 'subnet-1' does not exist");
          },
        },
      });
      const response = await test.dispatch(form('Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-1'));
      expect(response.status).to.equal(400);
      expect(response.body).to.equal(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code>' +
          "<Message>The subnet ID 'subnet-1' does not exist</Message></Error></Errors><RequestID>req-1</RequestID></Response>",
      );
    });

    it('answers a missing or unknown Action, a missing Version and invalid values with EC2 codes', async () => {
      const neverCalled = (): never => expect.fail('the handler was called with invalid input');
      const test = harness({ ec2: { DescribeSubnets: neverCalled, CreateSecurityGroup: neverCalled } });
      const code = async (body: string): Promise<string> => /<Code>([^<]+)<\/Code>/.exec((await test.dispatch(form(body))).body)![1]!;
      expect(await code('Version=2016-11-15')).to.equal('MissingParameter');
      expect(await code('Action=RunInstances&Version=2016-11-15')).to.equal('InvalidAction');
      expect(await code('Action=DescribeSubnets')).to.equal('MissingParameter');
      expect(await code('Action=DescribeSubnets&Version=2016-11-15&Bogus=1')).to.equal('UnknownParameter');
      const tooFew = await test.dispatch(form('Action=DescribeSubnets&Version=2016-11-15&MaxResults=1'));
      expect(tooFew.body).to.include(
        '<Code>InvalidParameterValue</Code><Message>Value (1) for parameter MaxResults is invalid. Member must have value greater than or equal to 5</Message>',
      );
      const missing = await test.dispatch(form('Action=CreateSecurityGroup&Version=2016-11-15&GroupName=g'));
      expect(missing.body).to.include('<Code>MissingParameter</Code><Message>The request must contain the parameter GroupDescription</Message>');
    });

    it('answers an unexpected error with a generic InternalError 500', async () => {
      const test = harness({
        ec2: {
          DescribeSubnets: () => {
            throw new TypeError('boom');
          },
        },
      });
      const response = await test.dispatch(form('Action=DescribeSubnets&Version=2016-11-15'));
      expect(response.status).to.equal(500);
      expect(response.body).to.include('<Code>InternalError</Code><Message>An internal error has occurred</Message>');
      expect(test.internalErrors).to.have.length(1);
    });
  });

  describe('admin routes', () => {
    it('serves JSON under /_sim/ by method and longest prefix', async () => {
      const test = harness();
      test.router.add('get', '/_sim/faults', () => ({ body: { route: 'faults' } }));
      test.router.add('POST', '/_sim/faults/plan', (request) => ({ status: 201, body: { got: request.body, seed: request.query.get('seed') } }));
      const listed = await test.dispatch({ method: 'GET', path: '/_sim/faults/plan' });
      expect([listed.status, parsed(listed)]).to.deep.equal([200, { route: 'faults' }]);
      const planned = await test.dispatch({ method: 'POST', path: '/_sim/faults/plan', query: 'seed=7', body: Buffer.from('{"drop":1}') });
      expect([planned.status, parsed(planned)]).to.deep.equal([201, { got: { drop: 1 }, seed: '7' }]);
      expect(planned.headers['content-type']).to.equal('application/json');
    });

    it('answers a bad body, an AwsException and a crash in AWS shape', async () => {
      const test = harness();
      test.router.add('POST', '/_sim/echo', (request) => ({ body: request.body }));
      test.router.add('GET', '/_sim/missing', () => {
        throw new NotFoundException('no such plan');
      });
      test.router.add('GET', '/_sim/crash', () => {
        throw new Error('boom');
      });
      const bad = await test.dispatch({ path: '/_sim/echo', body: Buffer.from('{') });
      expect([bad.status, parsed(bad)['__type']]).to.deep.equal([400, 'SerializationException']);
      const missing = await test.dispatch({ method: 'GET', path: '/_sim/missing' });
      expect([missing.status, parsed(missing)]).to.deep.equal([400, { __type: 'NotFoundException', message: 'no such plan' }]);
      const crash = await test.dispatch({ method: 'GET', path: '/_sim/crash' });
      expect([crash.status, parsed(crash)['__type']]).to.deep.equal([500, 'InternalFailure']);
      expect(test.internalErrors).to.have.length(1);
    });

    it('live only under /_sim/', () => {
      expect(() => new AdminRouter().add('POST', '/', () => ({}))).to.throw('admin routes live under /_sim/');
    });
  });
});
