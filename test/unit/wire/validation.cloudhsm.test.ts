import { expect } from 'chai';
import { cloudHsmV2Model } from '../../../src/wire/aws-models';
import { validationMessageFor } from './validate-json';

const validate = (operation: string, input: unknown): string | undefined => validationMessageFor(cloudHsmV2Model, operation, input);

describe('validation of CloudHSM V2 inputs against the model', () => {
  it('accepts a valid CreateCluster', () => {
    expect(validate('CreateCluster', { HsmType: 'hsm1.medium', SubnetIds: ['subnet-0123456789abcdef0'], TagList: [{ Key: 'Ünïcødé key', Value: 'v' }] })).to.equal(undefined);
  });

  it('reports a missing required member as null', () => {
    expect(validate('CreateCluster', { HsmType: 'hsm1.medium' })).to.equal(
      "1 validation error detected: Value null at 'subnetIds' failed to satisfy constraint: Member must not be null",
    );
  });

  it('reports a list of scalars once, with every constraint of its members', () => {
    expect(validate('CreateCluster', { HsmType: 'hsm1.medium', SubnetIds: ['subnet-xyz', 'subnet-12345678'] })).to.equal(
      "1 validation error detected: Value '[subnet-xyz, subnet-12345678]' at 'subnetIds' failed to satisfy constraint: " +
        'Member must satisfy constraint: [Member must satisfy regular expression pattern: subnet-[0-9a-fA-F]{8,17}]',
    );
  });

  it('matches patterns against the whole value, as Java does', () => {
    expect(validate('CreateCluster', { HsmType: 'hsm1.medium', SubnetIds: ['xsubnet-12345678'] })).to.include('Member must satisfy regular expression pattern');
  });

  it('reports a list over its maximum length', () => {
    const tags = Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: 'v' }));
    const message = validate('CreateCluster', { HsmType: 'hsm1.medium', SubnetIds: ['subnet-12345678'], TagList: tags })!;
    expect(message).to.match(/^1 validation error detected: Value '\[\{Key=k0, Value=v\}, \{Key=k1, Value=v\}, .*\{Key=k50, Value=v\}\]' at 'tagList'/);
    expect(message).to.match(/failed to satisfy constraint: Member must have length less than or equal to 50$/);
  });

  it('reports a string over its maximum length', () => {
    const hsmType = `hsm1.${'x'.repeat(28)}`;
    expect(validate('CreateCluster', { HsmType: hsmType, SubnetIds: ['subnet-12345678'] })).to.equal(
      `1 validation error detected: Value '${hsmType}' at 'hsmType' failed to satisfy constraint: Member must have length less than or equal to 32`,
    );
  });

  it('paths into structures inside lists as N.member', () => {
    expect(validate('CreateCluster', { HsmType: 'hsm1.medium', SubnetIds: ['subnet-12345678'], TagList: [{ Key: 'a' }, { Key: '', Value: 'v#' }] })).to.equal(
      '3 validation errors detected: ' +
        "Value null at 'tagList.1.member.value' failed to satisfy constraint: Member must not be null; " +
        "Value '' at 'tagList.2.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'v#' at 'tagList.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
    );
  });

  it('joins several errors in model member order', () => {
    expect(validate('CreateCluster', {})).to.equal(
      '2 validation errors detected: ' +
        "Value null at 'hsmType' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'subnetIds' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks map keys and map size', () => {
    expect(validate('DescribeClusters', { Filters: { 'bad key!': ['x'] } })).to.equal(
      "1 validation error detected: Value '{bad key!=[x]}' at 'filters' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+]",
    );
    const filters = Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`f${index}`, []]));
    expect(validate('DescribeClusters', { Filters: filters })).to.match(/at 'filters' failed to satisfy constraint: Member must have length less than or equal to 30$/);
  });

  it('checks integer ranges', () => {
    expect(validate('DescribeClusters', { MaxResults: 26 })).to.equal(
      "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25",
    );
  });
});
