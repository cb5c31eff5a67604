// DescribeCustomKeyStores (2.4): by id, by name, all, and a page at a time.

import { expect } from 'chai';
import { expectKmsError, openKeyStoreWorld, SCOPE, type KeyStoreWorld } from './key-store-fixture';

describe('DescribeCustomKeyStores (2.4)', () => {
  let world: KeyStoreWorld;
  let ids: string[];
  beforeEach(() => {
    world = openKeyStoreWorld();
    ids = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((name) => {
      world.clock.advance(1000);
      const cluster = world.addCluster();
      return world.createStore(name, cluster);
    });
  });
  afterEach(() => world.close());

  const describe1 = (input: Parameters<KeyStoreWorld['queries']['describeCustomKeyStores']>[1]) => world.queries.describeCustomKeyStores(SCOPE, input);

  it('lists every store of the account and Region, oldest first, not truncated', () => {
    const all = describe1({});
    expect(all.CustomKeyStores.map((store) => store.CustomKeyStoreId)).to.deep.equal(ids);
    expect(all).to.include({ Truncated: false }).and.not.to.have.property('NextMarker');
    expect(world.queries.describeCustomKeyStores({ accountId: SCOPE.accountId, region: 'eu-west-1' }, {}).CustomKeyStores).to.deep.equal([]);
  });

  it('finds one store by id or by name', () => {
    expect(describe1({ CustomKeyStoreId: ids[2] }).CustomKeyStores.map((store) => store.CustomKeyStoreName)).to.deep.equal(['gamma']);
    expect(describe1({ CustomKeyStoreName: 'delta' }).CustomKeyStores.map((store) => store.CustomKeyStoreId)).to.deep.equal([ids[3]]);
  });

  it('answers CustomKeyStoreNotFoundException for an unknown id or name, and ValidationException for both', () => {
    expectKmsError(() => describe1({ CustomKeyStoreId: 'cks-00000000000000000' }), 'CustomKeyStoreNotFoundException');
    expectKmsError(() => describe1({ CustomKeyStoreName: 'Alpha' }), 'CustomKeyStoreNotFoundException');
    expectKmsError(() => world.queries.describeCustomKeyStores({ ...SCOPE, region: 'eu-west-1' }, { CustomKeyStoreId: ids[0] }), 'CustomKeyStoreNotFoundException');
    expectKmsError(() => describe1({ CustomKeyStoreId: ids[0], CustomKeyStoreName: 'alpha' }), 'ValidationException');
  });

  it('pages with Limit and Marker, Truncated until the last page', () => {
    const first = describe1({ Limit: 2 });
    expect(first.CustomKeyStores.map((store) => store.CustomKeyStoreName)).to.deep.equal(['alpha', 'beta']);
    expect(first.Truncated).to.equal(true);
    const second = describe1({ Limit: 2, Marker: first.NextMarker! });
    expect(second.CustomKeyStores.map((store) => store.CustomKeyStoreName)).to.deep.equal(['gamma', 'delta']);
    const last = describe1({ Limit: 2, Marker: second.NextMarker! });
    expect(last.CustomKeyStores.map((store) => store.CustomKeyStoreName)).to.deep.equal(['epsilon']);
    expect(last).to.include({ Truncated: false }).and.not.to.have.property('NextMarker');
  });

  it('keeps its place when a store of an earlier page is deleted', () => {
    const first = describe1({ Limit: 2 });
    world.stores.deleteCustomKeyStore(SCOPE, { CustomKeyStoreId: ids[1]! });
    expect(describe1({ Limit: 2, Marker: first.NextMarker! }).CustomKeyStores.map((store) => store.CustomKeyStoreName)).to.deep.equal(['gamma', 'delta']);
  });

  it('refuses a Marker it did not issue', () => {
    expectKmsError(() => describe1({ Marker: 'bm90IGEgbWFya2Vy' }), 'InvalidMarkerException');
  });
});
