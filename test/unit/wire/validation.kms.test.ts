import { expect } from 'chai';
import { kmsModel } from '../../../src/wire/aws-models';
import { renderValue } from '../../../src/wire/validation-message';
import { validationMessageFor } from './validate-json';

const validate = (operation: string, input: unknown): string | undefined => validationMessageFor(kmsModel, operation, input);

const STORE = {
  CustomKeyStoreName: 'store',
  CloudHsmClusterId: 'cluster-igklspoyj5v',
  TrustAnchorCertificate: '-----BEGIN CERTIFICATE-----',
  KeyStorePassword: 'kmsPswd1',
};

describe('validation of KMS inputs against the model', () => {
  it('accepts a valid CreateCustomKeyStore', () => {
    expect(validate('CreateCustomKeyStore', STORE)).to.equal(undefined);
  });

  it('reports a name over 256 characters', () => {
    const name = 'n'.repeat(257);
    expect(validate('CreateCustomKeyStore', { ...STORE, CustomKeyStoreName: name })).to.equal(
      `1 validation error detected: Value '${name}' at 'customKeyStoreName' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  });

  it('never prints a sensitive value: a short KeyStorePassword is reported without it', () => {
    const message = validate('CreateCustomKeyStore', { ...STORE, KeyStorePassword: 'secret' });
    expect(message).to.equal(
      "1 validation error detected: Value at 'keyStorePassword' failed to satisfy constraint: Member must have length greater than or equal to 7",
    );
  });

  it('reports an enum violation with the value set', () => {
    expect(validate('CreateCustomKeyStore', { ...STORE, CustomKeyStoreType: 'CLOUDHSM' })).to.equal(
      "1 validation error detected: Value 'CLOUDHSM' at 'customKeyStoreType' failed to satisfy constraint: Member must satisfy enum value set: [AWS_CLOUDHSM, EXTERNAL_KEY_STORE]",
    );
  });

  it('reports every constraint a value breaks, length before pattern', () => {
    expect(validate('CreateCustomKeyStore', { ...STORE, CloudHsmClusterId: 'cluster-1' })).to.equal(
      '2 validation errors detected: ' +
        "Value 'cluster-1' at 'cloudHsmClusterId' failed to satisfy constraint: Member must have length greater than or equal to 19; " +
        "Value 'cluster-1' at 'cloudHsmClusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}",
    );
  });

  it('reports an integer below its minimum', () => {
    expect(validate('DescribeCustomKeyStores', { Limit: 0 })).to.equal(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('prints blobs as AWS does, and sensitive blobs not at all', () => {
    expect(validate('Decrypt', { CiphertextBlob: '' })).to.equal(
      "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'ciphertextBlob' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(validate('Encrypt', { KeyId: 'k', Plaintext: Buffer.alloc(4097).toString('base64') })).to.equal(
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
  });

  it('paths into nested structures and keeps their sensitive values out', () => {
    const message = validate('CreateCustomKeyStore', {
      ...STORE,
      XksProxyAuthenticationCredential: { AccessKeyId: 'A'.repeat(31), RawSecretAccessKey: 'topsecret'.repeat(5) },
    });
    expect(message).to.equal(
      "1 validation error detected: Value at 'xksProxyAuthenticationCredential.accessKeyId' failed to satisfy constraint: Member must have length less than or equal to 30",
    );
    expect(message).to.not.include('topsecret');
  });

  it('redacts sensitive members of a structure printed whole', () => {
    const credential = kmsModel.operation('CreateCustomKeyStore')!.input!.members.get('XksProxyAuthenticationCredential')!.shape;
    expect(renderValue(credential, { AccessKeyId: 'AKID', RawSecretAccessKey: 'topsecret' })).to.equal(
      '{AccessKeyId=*** Sensitive Data Redacted ***, RawSecretAccessKey=*** Sensitive Data Redacted ***}',
    );
  });

  it('checks the members of a list of strings together', () => {
    expect(validate('DescribeKey', { KeyId: 'k', GrantTokens: ['t', ''] })).to.equal(
      "1 validation error detected: Value '[t, ]' at 'grantTokens' failed to satisfy constraint: Member must satisfy constraint: " +
        '[Member must have length less than or equal to 8192, Member must have length greater than or equal to 1]',
    );
  });
});
