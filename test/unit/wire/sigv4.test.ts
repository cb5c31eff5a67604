import { expect } from 'chai';
import { type AuthenticatedRequest, RequestAuthenticator } from '../../../src/wire/request-authenticator';
import { AuthenticationError, parseAuthorization } from '../../../src/wire/sigv4-authorization';
import { ManualClock } from '../../support/manual-clock';

// Signed by botocore 1.43.11 (SigV4Auth) with AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-2.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const KMS_REQUEST: AuthenticatedRequest = {
  method: 'POST',
  path: '/',
  query: '',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'TrentService.DescribeCustomKeyStores',
    host: '127.0.0.1:8080',
    'x-amz-date': '20261129T113138Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-2/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, ' +
      'Signature=8456afda2887d17e9fb9b16c171759b09c4e486102bc2250b602c1e2da4fea0c',
  },
  body: Buffer.from('{"Limit":5}'),
};
const EC2_REQUEST: AuthenticatedRequest = {
  method: 'POST',
  path: '/',
  query: '',
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    host: '127.0.0.1:8080',
    'x-amz-date': '20261129T113142Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-2/ec2/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
      'Signature=e2429b9df6c21a9897f0d112ff35f12050b1183ad98397753c501720822a0a59',
  },
  body: Buffer.from('Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-12345678'),
};
const ENCODED_PATH_REQUEST: AuthenticatedRequest = {
  method: 'GET',
  path: '/a%20b/c',
  query: 'b=2&a=1%2B&a=0',
  headers: {
    host: '127.0.0.1:8080',
    'x-amz-date': '20261129T113142Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-2/kms/aws4_request, SignedHeaders=host;x-amz-date, ' +
      'Signature=d05122ad2fbf6cdae3ec1b970042b93c2428d237e24e2384bd2531f2278f9da5',
  },
  body: Buffer.alloc(0),
};

function strict(secret = SECRET, clock = new ManualClock(Date.UTC(2026, 10, 29, 11, 31, 40))): RequestAuthenticator {
  return new RequestAuthenticator({ strict: true, credentials: { AKIDEXAMPLE: { secretAccessKey: secret, accountId: '444455556666' } }, clock });
}

function failure(action: () => unknown): AuthenticationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(AuthenticationError);
    return error as AuthenticationError;
  }
  return expect.fail('expected an authentication failure');
}

describe('SigV4', () => {
  describe('the Authorization header', () => {
    it('yields the credential scope and signed headers', () => {
      const authorization = parseAuthorization(KMS_REQUEST.headers['authorization']!);
      expect(authorization.scope).to.deep.equal({ accessKeyId: 'AKIDEXAMPLE', date: '20261129', region: 'us-east-2', service: 'kms' });
      expect(authorization.signedHeaders).to.deep.equal(['content-type', 'host', 'x-amz-date', 'x-amz-target']);
    });

    it('is incomplete without its parameters or with a malformed credential', () => {
      expect(failure(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/kms/aws4_request'))).to.include({
        reason: 'incomplete',
        message: "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter.",
      });
      expect(failure(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/kms, SignedHeaders=host, Signature=00')).message).to.equal(
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKID/kms'",
      );
      expect(failure(() => parseAuthorization('Basic dXNlcjpwYXNz')).reason).to.equal('incomplete');
    });

    it('must be scoped with the aws4_request terminator and a region', () => {
      expect(failure(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=A/20261129/us-east-1/kms/aws5, SignedHeaders=host, Signature=0')).message).to.equal(
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5'.",
      );
      expect(failure(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=A/20261129/../kms/aws4_request, SignedHeaders=host, Signature=0')).reason).to.equal(
        'mismatch',
      );
    });
  });

  describe('strict mode', () => {
    it('accepts signatures botocore made, awsJson, query and an encoded path with a query string', () => {
      expect(strict().authenticate(KMS_REQUEST, 'kms')).to.deep.equal({ region: 'us-east-2', accountId: '444455556666', accessKeyId: 'AKIDEXAMPLE' });
      expect(strict().authenticate(EC2_REQUEST, 'ec2').region).to.equal('us-east-2');
      expect(strict().authenticate(ENCODED_PATH_REQUEST, 'kms').accessKeyId).to.equal('AKIDEXAMPLE');
    });

    it('refuses a wrong secret, a changed body or a changed signed header', () => {
      const mismatch = failure(() => strict('wrong').authenticate(KMS_REQUEST, 'kms'));
      expect(mismatch.reason).to.equal('mismatch');
      expect(mismatch.message).to.match(/^The request signature we calculated does not match the signature you provided/);
      expect(failure(() => strict().authenticate({ ...KMS_REQUEST, body: Buffer.from('{"Limit":6}') }, 'kms')).reason).to.equal('mismatch');
      const retargeted = { ...KMS_REQUEST, headers: { ...KMS_REQUEST.headers, 'x-amz-target': 'TrentService.DeleteCustomKeyStore' } };
      expect(failure(() => strict().authenticate(retargeted, 'kms')).reason).to.equal('mismatch');
    });

    it('refuses an x-amz-content-sha256 that does not match the body', () => {
      const request = { ...KMS_REQUEST, headers: { ...KMS_REQUEST.headers, 'x-amz-content-sha256': '0'.repeat(64) } };
      expect(failure(() => strict().authenticate(request, 'kms')).message).to.equal("The provided 'x-amz-content-sha256' header does not match what was computed.");
    });

    it('does not recognise an unknown access key', () => {
      const other = new RequestAuthenticator({ strict: true, credentials: { AKIDOTHER: { secretAccessKey: SECRET } } });
      expect(failure(() => other.authenticate(KMS_REQUEST, 'kms'))).to.include({ reason: 'unrecognized', message: 'The security token included in the request is invalid.' });
      const prototypeKey = { ...KMS_REQUEST, headers: { ...KMS_REQUEST.headers, authorization: KMS_REQUEST.headers['authorization']!.replace('AKIDEXAMPLE', 'constructor') } };
      expect(failure(() => other.authenticate(prototypeKey, 'kms')).reason).to.equal('unrecognized');
    });

    it('refuses a request dated more than 15 minutes from the clock', () => {
      const late = new ManualClock(Date.UTC(2026, 10, 29, 11, 46, 39));
      expect(failure(() => strict(SECRET, late).authenticate(KMS_REQUEST, 'kms'))).to.include({
        reason: 'expired',
        message: 'Signature expired: 20261129T113138Z is now earlier than 20261129T113139Z (20261129T114639Z - 15 min.)',
      });
      const early = new ManualClock(Date.UTC(2026, 10, 29, 11, 16, 37));
      expect(failure(() => strict(SECRET, early).authenticate(KMS_REQUEST, 'kms')).message).to.match(/^Signature not yet current: 20261129T113138Z is still later than/);
    });

    it('requires the scope to name the service and the request date', () => {
      expect(failure(() => strict().authenticate(KMS_REQUEST, 'cloudhsm')).message).to.equal("Credential should be scoped to correct service: 'cloudhsm'. ");
      const undated = { ...KMS_REQUEST, headers: { ...KMS_REQUEST.headers, 'x-amz-date': 'yesterday' } };
      expect(failure(() => strict().authenticate(undated, 'kms')).reason).to.equal('incomplete');
    });

    it('asks for credentials when there are none', () => {
      const { authorization: _, ...headers } = KMS_REQUEST.headers;
      expect(failure(() => strict().authenticate({ ...KMS_REQUEST, headers }, 'kms'))).to.include({ reason: 'missing', message: 'Missing Authentication Token' });
    });
  });

  describe('default mode', () => {
    it('accepts any signature, taking the region from the scope and the account from configuration', () => {
      const lenient = new RequestAuthenticator({ accounts: { AKIDEXAMPLE: '777788889999' } });
      expect(lenient.authenticate({ ...KMS_REQUEST, body: Buffer.from('changed') }, 'cloudhsm')).to.deep.equal({
        region: 'us-east-2',
        accountId: '777788889999',
        accessKeyId: 'AKIDEXAMPLE',
      });
    });

    it('serves unsigned requests in the default region and account', () => {
      const { authorization: _, ...headers } = KMS_REQUEST.headers;
      expect(new RequestAuthenticator().authenticate({ ...KMS_REQUEST, headers }, 'kms')).to.deep.equal({
        region: 'us-east-1',
        accountId: '111122223333',
        accessKeyId: undefined,
      });
      expect(new RequestAuthenticator({ defaultRegion: 'eu-west-1', defaultAccountId: '123456789012' }).authenticate({ ...KMS_REQUEST, headers }, 'kms')).to.include({
        region: 'eu-west-1',
        accountId: '123456789012',
      });
    });

    it('still refuses a malformed Authorization header', () => {
      const garbled = { ...KMS_REQUEST, headers: { ...KMS_REQUEST.headers, authorization: 'AWS4-HMAC-SHA256 garbage' } };
      expect(failure(() => new RequestAuthenticator().authenticate(garbled, 'kms')).reason).to.equal('incomplete');
    });
  });
});
