import { expect } from 'chai';
import { parseFlags } from '../../../src/cli/parse-flags';

describe('command-line flags', () => {
  it('reads --name value, --name=value and bare --name', () => {
    expect(parseFlags(['start', '--port', '0', '--data-dir=/tmp/a=b', '--verbose', '--time-scale', '0'])).to.deep.equal({
      positional: ['start'],
      flags: { port: '0', 'data-dir': '/tmp/a=b', verbose: 'true', 'time-scale': '0' },
    });
  });
});
