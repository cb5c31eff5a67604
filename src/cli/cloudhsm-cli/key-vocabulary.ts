// The CloudHSM CLI's words for key classes, key types and curves (cloudhsm_cli-key-attributes-table), and its
// hex notation for ids and references.

import { EcCurve } from '../../../hsm-sim/engine/hsm-engine.types';
import type { KeyClassName, KeyTypeName } from '../../../hsm-sim/node/node.types';
import { CommandLineError } from '../cmu/command-line-error';

export const CLASS_NAMES: Readonly<Record<string, KeyClassName>> = {
  'secret-key': 'SECRET_KEY',
  'public-key': 'PUBLIC_KEY',
  'private-key': 'PRIVATE_KEY',
};

export const KEY_TYPE_NAMES: Readonly<Record<string, KeyTypeName>> = {
  aes: 'AES',
  'generic-secret': 'GENERIC_SECRET',
  rsa: 'RSA',
  ec: 'EC',
};

export const CURVE_NAMES: Readonly<Record<string, EcCurve>> = {
  secp256r1: EcCurve.P256,
  prime256v1: EcCurve.P256,
  secp384r1: EcCurve.P384,
};

export function cliNameOf(names: Readonly<Record<string, string>>, value: string): string {
  return Object.keys(names).find((name) => names[name] === value) ?? value;
}

/** `0x…` (or bare) hex to bytes. */
export function parseHex(value: string, what: string): Buffer {
  const digits = value.replace(/^0x/i, '');
  if (!/^([0-9a-f]{2})*$/i.test(digits)) throw new CommandLineError(`${what}=${value}: give hex bytes, e.g. 0x01ab`);
  return Buffer.from(digits, 'hex');
}

export function toHex(bytes: Buffer): string {
  return `0x${bytes.toString('hex')}`;
}

// cloudhsm_cli-key-list: key references print as 0x and 16 hex digits
export function keyReference(handle: number): string {
  return `0x${handle.toString(16).padStart(16, '0')}`;
}
