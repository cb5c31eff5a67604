// What a record shows: AWS's member names and date format, no secret and no blob, and KMS's own
// DeleteKey event with the backing key's fate (aws-behaviour 4.3).

import { expect } from 'chai';
import { apiCallRecord } from '../../../src/cloudtrail/api-call-event.builder';
import { memberName, responseDate } from '../../../src/cloudtrail/cloudtrail-values';
import { backingKeyId, serviceEventRecord } from '../../../src/cloudtrail/service-event.builder';
import { kmsCall, SCOPE } from './cloudtrail-trail.fixture';

const KEY_ARN = 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const WHEN = new Date(Date.UTC(2022, 7, 10, 22, 38, 27, 512));

describe('CloudTrail: event records', () => {
  it('names members lower-camel, keeping a leading acronym, and writes dates as AWS does', () => {
    expect(['KeyUsage', 'AWSAccountId', 'CloudHsmClusterId', 'Filters'].map(memberName)).to.deep.equal(['keyUsage', 'AWSAccountId', 'cloudHsmClusterId', 'filters']);
    expect(responseDate(WHEN)).to.equal('Aug 10, 2022, 10:38:27 PM');
    expect(responseDate(new Date(Date.UTC(2022, 0, 2, 0, 5, 9)))).to.equal('Jan 2, 2022, 12:05:09 AM');
  });

  it('leaves out passwords and plaintexts, keeps an encryption context as written', () => {
    const create = apiCallRecord(kmsCall('CreateCustomKeyStore', { CustomKeyStoreName: 'ks', CloudHsmClusterId: 'cluster-igklspoyj5v', KeyStorePassword: 'kmsPswd', TrustAnchorCertificate: 'PEM' }), 'e-1', WHEN);
    expect(create.requestParameters).to.deep.equal({ customKeyStoreName: 'ks', cloudHsmClusterId: 'cluster-igklspoyj5v', trustAnchorCertificate: 'PEM' });
    const encrypt = apiCallRecord(
      kmsCall('Encrypt', { KeyId: 'alias/x', Plaintext: Buffer.from('secret'), EncryptionContext: { Department: 'IT' } }, { output: { KeyId: KEY_ARN, CiphertextBlob: Buffer.from('c') } }),
      'e-2',
      WHEN,
    );
    expect(encrypt).to.include({ eventTime: '2022-08-10T22:38:27Z', readOnly: true, responseElements: null, eventType: 'AwsApiCall' });
    expect(encrypt.requestParameters).to.deep.equal({ keyId: 'alias/x', encryptionContext: { Department: 'IT' } });
    expect(encrypt.resources).to.deep.equal([{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }]);
    expect(JSON.stringify(encrypt)).to.not.include(Buffer.from('secret').toString('base64'));
  });

  it('a failed call carries errorCode and errorMessage; an unsigned caller is anonymous', () => {
    const record = apiCallRecord(kmsCall('DisableKey', { KeyId: 'alias/none' }, { errorCode: 'NotFoundException', errorMessage: 'Alias not found', accessKeyId: undefined }), 'e-3', WHEN);
    expect(record).to.include({ errorCode: 'NotFoundException', errorMessage: 'Alias not found', responseElements: null });
    expect(record.userIdentity).to.deep.include({ type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/anonymous' });
  });

  it('DeleteKey of a custom key store key: additionalEventData with backingKeys and their deletion status', () => {
    const backingKey = { customKeyStoreId: 'cks-1234567890abcdef0', cloudHsmClusterId: 'cluster-igklspoyj5v', handle: 262162 };
    const record = serviceEventRecord({ kind: 'DeleteKey', ...SCOPE, keyArn: KEY_ARN, eventTime: WHEN, backingKey: { ...backingKey, deletion: 'failed' } }, 'e-4');
    const id = backingKeyId(KEY_ARN, 262162);
    expect(record).to.deep.include({
      userIdentity: { accountId: '111122223333', invokedBy: 'AWS Internal' },
      eventType: 'AwsServiceEvent',
      sourceIPAddress: 'AWS Internal',
      requestParameters: null,
      responseElements: { keyId: KEY_ARN },
      resources: [{ accountId: '111122223333', type: 'AWS::KMS::Key', ARN: KEY_ARN }],
      additionalEventData: {
        customKeyStoreId: 'cks-1234567890abcdef0',
        clusterId: 'cluster-igklspoyj5v',
        backingKeys: JSON.stringify([{ keyHandle: '262162', backingKeyId: id }]),
        backingKeysDeletionStatus: JSON.stringify([{ keyHandle: '262162', backingKeyId: id, deletionStatus: 'FAILURE' }]),
      },
    });
    const deleted = serviceEventRecord({ kind: 'DeleteKey', ...SCOPE, keyArn: KEY_ARN, eventTime: WHEN, backingKey: { ...backingKey, deletion: 'deleted' } }, 'e-5');
    expect(JSON.parse(deleted.additionalEventData!['backingKeysDeletionStatus'] as string)).to.deep.equal([{ keyHandle: '262162', backingKeyId: id, deletionStatus: 'SUCCESS' }]);
    const awsKms = serviceEventRecord({ kind: 'DeleteKey', ...SCOPE, keyArn: KEY_ARN, eventTime: WHEN }, 'e-6');
    expect(awsKms).to.not.have.property('additionalEventData');
  });
});
