import { expect } from 'chai';
import { CommandLineError } from '../../../src/cli/cmu/command-line-error';
import { OptionKind, parseOptions } from '../../../src/cli/cmu/command-options';
import { resolveCommandName } from '../../../src/cli/cmu/command-resolution';
import { splitWords } from '../../../src/cli/cmu/command-words';
import { parseHsmEndpoints } from '../../../src/cli/cmu/hsm-endpoint';

const SPEC = { hsm: OptionKind.VALUE, attributes: OptionKind.VALUES, verbose: OptionKind.SWITCH } as const;

describe('admin tool command lines', () => {
  it('reads repeated values, inline values, multi-word values and switches', () => {
    const { given, rest } = parseOptions(['key', '--hsm', 'a:1', '--hsm=b:2', 'list', '--attributes', 'encrypt=true', 'decrypt=true', '--verbose'], SPEC, 'reject');
    expect(given.all('hsm')).to.deep.equal(['a:1', 'b:2']);
    expect(given.optional('hsm')).to.equal('b:2');
    expect(given.all('attributes')).to.deep.equal(['encrypt=true', 'decrypt=true']);
    expect(given.has('verbose')).to.equal(true);
    expect(rest).to.deep.equal(['key', 'list']);
  });

  it('keeps or refuses options it does not know', () => {
    expect(parseOptions(['--hsm', 'a:1', 'user', 'list', '--other', 'x'], SPEC, 'keep').rest).to.deep.equal(['user', 'list', '--other', 'x']);
    expect(() => parseOptions(['--other', 'x'], SPEC, 'reject')).to.throw(CommandLineError, 'unknown option --other: use --hsm, --attributes, --verbose');
    expect(() => parseOptions(['--hsm'], SPEC, 'reject')).to.throw(CommandLineError, '--hsm needs a value');
    expect(() => parseOptions(['--hsm', '--verbose'], SPEC, 'reject')).to.throw(CommandLineError, '--hsm needs a value');
    expect(() => parseOptions(['--verbose=yes'], SPEC, 'reject')).to.throw(CommandLineError, '--verbose takes no value');
  });

  it('splits a typed line into words, quotes keeping blanks', () => {
    expect(splitWords('  key list --filter "attr.label=my key"  ')).to.deep.equal(['key', 'list', '--filter', 'attr.label=my key']);
    expect(splitWords("loginHSM CU kmsuser 'pass word'")).to.deep.equal(['loginHSM', 'CU', 'kmsuser', 'pass word']);
    expect(splitWords('')).to.deep.equal([]);
  });

  it('reads HSM addresses, repeated or comma-separated', () => {
    expect(parseHsmEndpoints(['10.0.2.9:2225,10.0.3.11:2225', '[::1]:2225'], '--hsm')).to.deep.equal([
      { host: '10.0.2.9', port: 2225 },
      { host: '10.0.3.11', port: 2225 },
      { host: '::1', port: 2225 },
    ]);
    expect(() => parseHsmEndpoints(['10.0.2.9'], '--hsm')).to.throw(CommandLineError, '--hsm 10.0.2.9: give HOST:PORT');
    expect(() => parseHsmEndpoints(['10.0.2.9:70000'], '--hsm')).to.throw(CommandLineError);
  });

  it('resolves exact names before prefixes', () => {
    expect(resolveCommandName(['server', 'serverInfo'], 'server')).to.equal('server');
    expect(resolveCommandName(['server', 'serverInfo'], 'serverI')).to.equal('serverInfo');
  });
});
