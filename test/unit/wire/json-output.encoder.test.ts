import { expect } from 'chai';
import { cloudHsmV2Model, kmsModel } from '../../../src/wire/aws-models';
import { encodeJsonOutput } from '../../../src/wire/json-output.encoder';
import { OutputShapeError } from '../../../src/wire/wire.errors';
import { syntheticJsonModel } from './synthetic-models';

describe('awsJson output encoding', () => {
  const describeClusters = cloudHsmV2Model.operation('DescribeClusters')!.output;

  it('writes timestamps as epoch seconds with fraction and blobs as base64', () => {
    const output = { When: new Date(1502423370069), Data: Buffer.from('hello') };
    expect(encodeJsonOutput(syntheticJsonModel.operation('Put')!.output, output)).to.equal('{"When":1502423370.069,"Data":"aGVsbG8="}');
  });

  it('emits only modelled members and omits absent ones', () => {
    const output = {
      Clusters: [{ ClusterId: 'cluster-igklspoyj5v', State: 'ACTIVE', PreCoPassword: undefined, StateMessage: null, internalSecret: 'x' }],
      NextToken: undefined,
      debug: { stack: 'y' },
    };
    expect(JSON.parse(encodeJsonOutput(describeClusters, output))).to.deep.equal({ Clusters: [{ ClusterId: 'cluster-igklspoyj5v', State: 'ACTIVE' }] });
  });

  it('answers {} when there is no output', () => {
    expect(encodeJsonOutput(kmsModel.operation('ConnectCustomKeyStore')!.output, undefined)).to.equal('{}');
  });

  it('refuses a value of the wrong type, naming where it is', () => {
    expect(() => encodeJsonOutput(describeClusters, { Clusters: [{ CreateTimestamp: '2017-08-11' }] }))
      .to.throw(OutputShapeError)
      .with.property('message', 'DescribeClustersResponse.Clusters[0].CreateTimestamp: expected a valid Date, got string');
    expect(() => encodeJsonOutput(describeClusters, { Clusters: { ClusterId: 'c' } })).to.throw(OutputShapeError, 'expected an array');
    expect(() => encodeJsonOutput(describeClusters, 'text')).to.throw(OutputShapeError, 'expected an object');
  });
});
