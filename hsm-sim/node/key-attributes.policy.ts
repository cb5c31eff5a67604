// The user-visible key attributes: their defaults, which changes are allowed, and how they are mirrored
// onto the engine object.

import type { KeyAttributeUpdate, KeyObjectOptions, UnwrapTemplate } from '../engine/hsm-engine.types';
import { Ckr } from '../engine/hsm-error';
import { NodeError, NodeErrorCode, type KeyClassName, type KeyTypeName, type UserKeyAttributes } from './node.types';

/** The attributes setKeyAttributes may change; token is fixed at creation. */
export type KeyAttributeChange = Partial<Omit<UserKeyAttributes, 'token'>>;

const FLAGS = ['token', 'extractable', 'encrypt', 'decrypt', 'wrap', 'unwrap', 'sign', 'verify', 'derive'] as const;

// cloudhsm_cli-key-attributes-table: label and id empty, extractable true, usage flags false; keys are token keys unless --session
const DEFAULTS: UserKeyAttributes = {
  label: '',
  id: Buffer.alloc(0),
  token: true,
  extractable: true,
  encrypt: false,
  decrypt: false,
  wrap: false,
  unwrap: false,
  sign: false,
  verify: false,
  derive: false,
};

export function newKeyAttributes(requested: Partial<UserKeyAttributes>, keyClass: KeyClassName): UserKeyAttributes {
  checkTypes(requested);
  const attributes = { ...DEFAULTS, ...definedOnly(requested) };
  // PKCS#11: public keys are always extractable
  return keyClass === 'PUBLIC_KEY' ? { ...attributes, extractable: true } : attributes;
}

export function changedKeyAttributes(current: UserKeyAttributes, change: KeyAttributeChange, keyClass: KeyClassName): UserKeyAttributes {
  checkTypes(change);
  const next = { ...current, ...definedOnly(change), token: current.token };
  // PKCS#11 (and key set-attribute): extractable only moves from true to false; public keys stay extractable
  if ((next.extractable && !current.extractable) || (keyClass === 'PUBLIC_KEY' && !next.extractable)) {
    throw new NodeError(
      Ckr.ATTRIBUTE_READ_ONLY,
      keyClass === 'PUBLIC_KEY' ? 'public keys are always extractable' : 'a non-extractable key cannot be made extractable again',
    );
  }
  return next;
}

export function engineObjectOptions(attributes: UserKeyAttributes, uid: Buffer): KeyObjectOptions {
  // SIM: engine objects are always extractable so the cluster can replicate them under its sync key (real HSMs clone masked objects); the node enforces the user's `extractable`
  return { ...engineAttributeUpdate(attributes), id: uid, token: attributes.token, extractable: true };
}

/** The user attributes the engine object mirrors: its label (pkcs11-tool shows it) and usage flags; CKA_ID is the node's uid. */
export function engineAttributeUpdate(attributes: UserKeyAttributes): KeyAttributeUpdate {
  const { label, encrypt, decrypt, wrap, unwrap, sign, verify, derive } = attributes;
  return { label, encrypt, decrypt, wrap, unwrap, sign, verify, derive };
}

/** Unwrapping makes secret keys (AES, generic secret) and private keys (RSA, EC). */
export function engineUnwrapTemplate(kind: { readonly class: KeyClassName; readonly keyType: KeyTypeName }, options: KeyObjectOptions): UnwrapTemplate {
  const { class: keyClass, keyType } = kind;
  if (keyClass === 'SECRET_KEY' && (keyType === 'AES' || keyType === 'GENERIC_SECRET')) return { ...options, class: keyClass, keyType };
  if (keyClass === 'PRIVATE_KEY' && (keyType === 'RSA' || keyType === 'EC')) return { ...options, class: keyClass, keyType };
  throw new NodeError(
    NodeErrorCode.ARGUMENTS_BAD,
    `a ${String(keyType)} ${String(keyClass)} cannot be unwrapped: unwrap AES or GENERIC_SECRET secret keys, or RSA or EC private keys`,
  );
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function checkTypes(values: Partial<UserKeyAttributes>): void {
  const wrongFlag = FLAGS.find((flag) => values[flag] !== undefined && typeof values[flag] !== 'boolean');
  const problem =
    wrongFlag !== undefined
      ? `attribute ${wrongFlag} must be true or false`
      : values.label !== undefined && typeof values.label !== 'string'
        ? 'attribute label must be a string'
        : values.id !== undefined && !Buffer.isBuffer(values.id)
          ? 'attribute id must be bytes'
          : undefined;
  if (problem) throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, problem);
}
