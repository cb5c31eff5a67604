// `${...}` templates: one alone keeps the value's type; inside text it is written in; a missing value is named.

import { expect } from 'chai';
import { resolveTemplates, TemplateError, templateReferences } from '../../../src/experiments/template.resolver';

const context = {
  region: 'us-east-1',
  store: { id: 'cks-1' },
  hsms: [{ id: 'hsm-a', availabilityZone: 'us-east-1a' }, { id: 'hsm-b', availabilityZone: 'us-east-1b' }],
  zones: ['us-east-1a', 'us-east-1b'],
  steps: { made: { output: { KeyMetadata: { KeyId: 'k-1', Size: 32 } } } },
};

describe('experiment plans: templates', () => {
  it('finds the references of a text', () => {
    expect(templateReferences('${hsms[0].id} in ${ zones[1] }')).to.deep.equal(['hsms[0].id', 'zones[1]']);
  });

  it('resolves deep inside objects and lists, keeping a lone template\'s type', () => {
    const resolved = resolveTemplates({ target: { hsmId: '${hsms[1].id}' }, list: ['${zones[0]}'], size: '${steps.made.output.KeyMetadata.Size}', text: 'key ${steps.made.output.KeyMetadata.KeyId} in ${region}', n: 3 }, context);
    expect(resolved).to.deep.equal({ target: { hsmId: 'hsm-b' }, list: ['us-east-1a'], size: 32, text: 'key k-1 in us-east-1', n: 3 });
  });

  it('names the first missing part of a reference', () => {
    expect(() => resolveTemplates('${hsms[2].id}', context)).to.throw(TemplateError, '${hsms[2].id}: hsms[2] has no value in this run');
    expect(() => resolveTemplates('${probe.keyId}', context)).to.throw(TemplateError, 'probe has no value');
  });
});
