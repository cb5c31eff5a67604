// Keys as the CloudHSM CLI prints them (7.9 key list): `key-reference`, `key-info` (owners, shared users,
// coverage) and `attributes`.

import type { KeyView } from '../../../hsm-sim/node/node.types';
import { CLASS_NAMES, cliNameOf, CURVE_NAMES, KEY_TYPE_NAMES, keyReference, toHex } from './key-vocabulary';

/** On how many HSMs a key is: every one asked ("full"), some, or it is a session key. */
export type KeyCoverage = 'full' | 'partial' | 'session';

export interface KeyContext {
  readonly usernames: ReadonlyMap<number, string>;
  readonly coverage: KeyCoverage;
}

export function keySummaryJson(view: KeyView): object {
  return { 'key-reference': keyReference(view.handle), attributes: { label: view.label } };
}

export function keyDetailJson(view: KeyView, { usernames, coverage }: KeyContext): object {
  const user = (id: number): object => ({ username: usernames.get(id) ?? `user ${id}`, 'key-coverage': coverage });
  return {
    'key-reference': keyReference(view.handle),
    'key-info': {
      'key-owners': [user(view.ownerId)],
      'shared-users': view.sharedWith.map(user),
      // SIM: key quorum (M of N) is not simulated
      'key-quorum-values': { 'manage-key-quorum-value': 0, 'use-key-quorum-value': 0 },
      'cluster-coverage': coverage,
    },
    attributes: keyAttributesJson(view),
  };
}

function keyAttributesJson(view: KeyView): object {
  return {
    'key-type': cliNameOf(KEY_TYPE_NAMES, view.keyType),
    label: view.label,
    id: toHex(view.id),
    class: cliNameOf(CLASS_NAMES, view.class),
    token: view.token,
    extractable: view.extractable,
    encrypt: view.encrypt,
    decrypt: view.decrypt,
    wrap: view.wrap,
    unwrap: view.unwrap,
    sign: view.sign,
    verify: view.verify,
    derive: view.derive,
    ...sizeJson(view),
  };
}

function sizeJson(view: KeyView): object {
  if (typeof view.size === 'string') return { curve: cliNameOf(CURVE_NAMES, view.size) };
  return view.keyType === 'RSA' ? { 'modulus-size-bits': view.size } : { 'key-length-bytes': view.size };
}
