// Fuzz door: the cmu (cloudhsm_mgmt_util) and CloudHSM CLI command-line parsers. Whatever is typed, a
// parser answers with a prepared command, nothing (a blank line) or a CommandLineError whose message is
// one printable line naming the problem - never another error, and never slowly (no regex that backtracks
// without end on a long line).

import { expect } from 'chai';
import fc from 'fast-check';
import { CLI_COMMANDS } from '../../../src/cli/cloudhsm-cli/cli-commands.table';
import { parseCliLine } from '../../../src/cli/cloudhsm-cli/cli-line.parser';
import { CMU_COMMANDS } from '../../../src/cli/cmu/cmu-commands.table';
import { parseCmuLine } from '../../../src/cli/cmu/cmu-line.parser';
import { CommandLineError } from '../../../src/cli/cmu/command-line-error';
import { splitWords } from '../../../src/cli/cmu/command-words';
import { fuzzParameters, fuzzRuns, fuzzTimeout } from '../../support/fuzz-settings';

const RUNS = 1000;
/** A generous bound: parsing one line takes microseconds. */
const SLOW_MS = 250;

const CMU_WORDS = [...CMU_COMMANDS.map((command) => command.name), 'CU', 'CO', 'AU', 'PRECO', 'kmsuser', 'admin', '-2fa', '-l', '-k', '-u', '0', '1', '262150', '0x6', '-1', '99999999999999999999', 'all'];
const CLI_WORDS = [
  ...new Set(CLI_COMMANDS.flatMap((command) => [...command.words, ...Object.keys(command.options).map((option) => `--${option}`)])),
  '--username',
  '--role',
  '--password',
  'crypto-user',
  'admin',
  'attr.label=k',
  'attr.class=secret-key',
  'key-reference=0x6',
  'attr.label="a b"',
  '32',
  '2048',
  'secp256r1',
  '-1',
  '1e309',
];

/** Lines built from real words, stray quotes, blanks and any unicode, sometimes very long. */
function line(vocabulary: readonly string[]): fc.Arbitrary<string> {
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('"', "'", '""', "''", '"unterminated', "it's", '--', '---', '--=', '=', '\t', '\u0000', '\uFFFD', '\u{1F600}') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
  return fc.oneof(
    { weight: 9, arbitrary: fc.array(word, { maxLength: 12 }).map((words) => words.join(' ')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...vocabulary), fc.integer({ min: 1_000, max: 50_000 }), fc.constantFrom('a', ' ', '"', "'", '-', '=')).map(([first, count, filler]) => `${first} ${filler.repeat(count)}`) },
  );
}

/** Throws unless `parse` returned or threw a one-line CommandLineError, quickly. */
function checkParser(parse: () => unknown): void {
  const started = performance.now();
  try {
    parse();
  } catch (error) {
    if (!(error instanceof CommandLineError)) throw error;
    expect(error.message).to.be.a('string').and.not.equal('');
    expect(error.message, 'a stack trace in the message').not.to.match(/\n\s+at /);
  }
  expect(performance.now() - started, 'parsing took too long').to.be.below(SLOW_MS);
}

describe('fuzz door: cmu and CloudHSM CLI command lines', function () {
  this.timeout(fuzzTimeout(RUNS, 5));

  it(`reads ${fuzzRuns(RUNS)} generated cmu lines into a command, nothing or a CommandLineError`, () => {
    fc.assert(
      fc.property(line(CMU_WORDS), (typed) => checkParser(() => parseCmuLine(CMU_COMMANDS, typed))),
      fuzzParameters(RUNS),
    );
  });

  it(`reads ${fuzzRuns(RUNS)} generated CloudHSM CLI lines, interactive and one-shot, into a command or a CommandLineError`, () => {
    fc.assert(
      fc.property(line(CLI_WORDS), fc.boolean(), (typed, oneShot) => checkParser(() => parseCliLine(CLI_COMMANDS, splitWords(typed), oneShot))),
      fuzzParameters(RUNS),
    );
  });

  it(`splits ${fuzzRuns(RUNS)} generated lines into words and never makes characters up`, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (typed) => {
        const words = splitWords(typed);
        expect(words.every((word) => typeof word === 'string')).to.equal(true);
        expect(words.join('').replace(/["'\s]/g, '').length).to.be.at.most(typed.replace(/["'\s]/g, '').length);
      }),
      fuzzParameters(RUNS),
    );
  });
});
