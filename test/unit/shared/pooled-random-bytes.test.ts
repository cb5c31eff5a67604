import { expect } from 'chai';
import { pooledRandomBytes } from '../../../src/shared/pooled-random-bytes';

describe('pooled random bytes', () => {
  it('gives values of the asked length that never repeat, across pool refills', () => {
    const seen = new Set<string>();
    for (let draw = 0; draw < 2_000; draw += 1) {
      const iv = pooledRandomBytes(12);
      expect(iv).to.have.length(12);
      seen.add(iv.toString('hex'));
    }
    expect(seen.size).to.equal(2_000);
    expect(pooledRandomBytes(1_000)).to.have.length(1_000);
  });

  it('gives each caller its own memory', () => {
    const first = pooledRandomBytes(16);
    const copy = Buffer.from(first);
    pooledRandomBytes(16).fill(0);
    expect(first).to.deep.equal(copy);
  });
});
