import { expect } from 'chai';
import { formatMemory, memoryOfTree } from '../../../scripts/bench/process-memory';

describe('bench process memory', () => {
  it('reads RSS and private memory of a process from /proc', () => {
    const [self] = memoryOfTree(process.pid);
    expect(self).to.include({ pid: process.pid });
    expect(self!.rssMiB).to.be.greaterThan(10);
    expect(self!.privateMiB).to.be.greaterThan(0).and.at.most(self!.rssMiB);
    expect(formatMemory({ pid: 1, command: 'x', rssMiB: 63.4, privateMiB: 15.6 })).to.equal('63 (16)');
  });

  it('leaves out a process that is gone', () => {
    expect(memoryOfTree(2 ** 22 + 12_345)).to.deep.equal([]);
  });
});
