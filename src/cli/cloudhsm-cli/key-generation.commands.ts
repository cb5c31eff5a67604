// key generate-symmetric aes|generic-secret and key generate-asymmetric-pair rsa|ec (aws-behaviour 7.9), on the
// crypto port as a crypto user. The new key is the user's (7.10).

import type { EcCurve } from '../../../hsm-sim/engine/hsm-engine.types';
import type { GenerateKeyPairRequest, GenerateKeyRequest, KeyPairViews } from '../../../hsm-sim/node/key-management';
import type { KeyView, UserKeyAttributes } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from '../cmu/command-line-error';
import { OptionKind, type GivenOptions } from '../cmu/command-options';
import { cliCommand } from './cli-command.types';
import type { CliSession } from './cli-session';
import { keyContexts } from './key-context';
import { parseKeyAttributes } from './key-attribute-options';
import { keyDetailJson } from './key-json.format';
import { CURVE_NAMES } from './key-vocabulary';

const AES_BITS_BY_BYTES: Readonly<Record<number, 128 | 192 | 256>> = { 16: 128, 24: 192, 32: 256 };
const RSA_MODULUS_BITS = [2048, 3072, 4096] as const;
const DEFAULT_PUBLIC_EXPONENT = 65537;

function parseInteger(options: GivenOptions, name: string, hint: string): number {
  const value = options.required(name, hint);
  if (!/^\d+$/.test(value)) throw new CommandLineError(`--${name} ${value} is not a number`);
  return Number(value);
}

function oneOf<T extends number>(value: number, allowed: readonly T[], name: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new CommandLineError(`--${name} ${value}: use ${allowed.join(', ')}`);
  return found;
}

/** --session makes a session key (token=false), which lives as long as this connection (7.10). */
function withTokenChoice(options: GivenOptions, attributes: Partial<UserKeyAttributes>): Partial<UserKeyAttributes> {
  return options.has('session') ? { ...attributes, token: false } : attributes;
}

async function detailed(session: CliSession, views: readonly KeyView[]): Promise<object[]> {
  const client = await session.cryptoClient();
  const contexts = await keyContexts(session, client, views);
  return views.map((view, index) => keyDetailJson(view, contexts[index]!));
}

const SYMMETRIC_OPTIONS = { label: OptionKind.VALUE, 'key-length-bytes': OptionKind.VALUE, session: OptionKind.SWITCH, attributes: OptionKind.VALUES } as const;

function symmetricAttributes(options: GivenOptions): Partial<UserKeyAttributes> {
  const label = options.required('label', 'the key label');
  return withTokenChoice(options, { ...parseKeyAttributes(options.all('attributes'), 'attributes'), label });
}

async function generateSymmetric(session: CliSession, request: GenerateKeyRequest): Promise<unknown> {
  const key = await (await session.cryptoClient()).call<KeyView>('generateKey', request);
  const [json] = await detailed(session, [key]);
  return { key: json };
}

export const generateAes = cliCommand<GenerateKeyRequest>({
  words: ['key', 'generate-symmetric', 'aes'],
  synopsis: '--label <label> --key-length-bytes <16|24|32> [--session] [--attributes <name>=<value> ...]',
  options: SYMMETRIC_OPTIONS,
  needsLogin: true,
  parse: (options) => {
    const bytes = parseInteger(options, 'key-length-bytes', '16, 24 or 32');
    const bits = AES_BITS_BY_BYTES[bytes];
    if (bits === undefined) throw new CommandLineError(`--key-length-bytes ${bytes}: AES keys are 16, 24 or 32 bytes`);
    return { keyType: 'AES', bits, attributes: symmetricAttributes(options) };
  },
  run: generateSymmetric,
});

export const generateGenericSecret = cliCommand<GenerateKeyRequest>({
  words: ['key', 'generate-symmetric', 'generic-secret'],
  synopsis: '--label <label> --key-length-bytes <n> [--session] [--attributes <name>=<value> ...]',
  options: SYMMETRIC_OPTIONS,
  needsLogin: true,
  parse: (options) => ({ keyType: 'GENERIC_SECRET', bits: parseInteger(options, 'key-length-bytes', 'the key length in bytes') * 8, attributes: symmetricAttributes(options) }),
  run: generateSymmetric,
});

const PAIR_OPTIONS = {
  'public-label': OptionKind.VALUE,
  'private-label': OptionKind.VALUE,
  session: OptionKind.SWITCH,
  'public-attributes': OptionKind.VALUES,
  'private-attributes': OptionKind.VALUES,
} as const;

interface PairAttributes {
  readonly publicAttributes: Partial<UserKeyAttributes>;
  readonly privateAttributes: Partial<UserKeyAttributes>;
}

function pairAttributes(options: GivenOptions): PairAttributes {
  const label = (side: 'public' | 'private'): Partial<UserKeyAttributes> =>
    withTokenChoice(options, { ...parseKeyAttributes(options.all(`${side}-attributes`), `${side}-attributes`), label: options.required(`${side}-label`, `the ${side} key's label`) });
  return { publicAttributes: label('public'), privateAttributes: label('private') };
}

async function generatePair(session: CliSession, request: GenerateKeyPairRequest): Promise<unknown> {
  const pair = await (await session.cryptoClient()).call<KeyPairViews>('generateKeyPair', request);
  const [publicKey, privateKey] = await detailed(session, [pair.publicKey, pair.privateKey]);
  return { public_key: publicKey, private_key: privateKey };
}

const PAIR_SYNOPSIS = '--public-label <label> --private-label <label> [--session] [--public-attributes …] [--private-attributes …]';

export const generateRsaPair = cliCommand<PairAttributes & { modulusBits: 2048 | 3072 | 4096; publicExponent: number }>({
  words: ['key', 'generate-asymmetric-pair', 'rsa'],
  synopsis: `--modulus-size-bits <2048|3072|4096> [--public-exponent <65537>] ${PAIR_SYNOPSIS}`,
  options: { ...PAIR_OPTIONS, 'modulus-size-bits': OptionKind.VALUE, 'public-exponent': OptionKind.VALUE },
  needsLogin: true,
  parse: (options) => ({
    modulusBits: oneOf(parseInteger(options, 'modulus-size-bits', '2048, 3072 or 4096'), RSA_MODULUS_BITS, 'modulus-size-bits'),
    publicExponent: options.has('public-exponent') ? parseInteger(options, 'public-exponent', 'e.g. 65537') : DEFAULT_PUBLIC_EXPONENT,
    ...pairAttributes(options),
  }),
  run: (session, { modulusBits, publicExponent, publicAttributes, privateAttributes }) =>
    generatePair(session, { spec: { type: 'RSA', modulusBits, publicExponent }, publicAttributes, privateAttributes }),
});

export const generateEcPair = cliCommand<PairAttributes & { curve: EcCurve }>({
  words: ['key', 'generate-asymmetric-pair', 'ec'],
  synopsis: `--curve <${Object.keys(CURVE_NAMES).join('|')}> ${PAIR_SYNOPSIS}`,
  options: { ...PAIR_OPTIONS, curve: OptionKind.VALUE },
  needsLogin: true,
  parse: (options) => {
    const typed = options.required('curve', Object.keys(CURVE_NAMES).join(', '));
    const curve = Object.hasOwn(CURVE_NAMES, typed) ? CURVE_NAMES[typed] : undefined;
    if (curve === undefined) throw new CommandLineError(`--curve ${typed}: use ${Object.keys(CURVE_NAMES).join(', ')}`);
    return { curve, ...pairAttributes(options) };
  },
  run: (session, { curve, publicAttributes, privateAttributes }) => generatePair(session, { spec: { type: 'EC', curve }, publicAttributes, privateAttributes }),
});
