// Turns a token key into a KeyReplica and back: secret and private keys are wrapped under the cluster
// sync key (RFC 5649 wraps any length, PKCS#8 private keys included); public keys travel as their SPKI.

import type { KeyHandle, WrapMechanism } from '../engine/hsm-engine.types';
import type { EngineToken } from './engine-token';
import { engineObjectOptions, engineUnwrapTemplate } from './key-attributes.policy';
import { engineHandleOf, publicKeySpkiOf } from './key-material';
import type { KeyReplica } from './key-replica';
import type { KeyRecord } from './key-store';

const SYNC_WRAP: WrapMechanism = { name: 'AES-KEY-WRAP-PAD' };

export async function exportReplica(token: EngineToken, record: KeyRecord): Promise<KeyReplica> {
  const operation = 'C_WrapKey';
  if (record.view.class === 'PUBLIC_KEY') return { view: record.view, publicKeySpki: publicKeySpkiOf(record, operation) };
  return { view: record.view, wrapped: await token.session.wrapKey(token.syncKey, SYNC_WRAP, engineHandleOf(record, operation)) };
}

/** The engine object for a replica (a token object with CKA_ID = uid); none for a public key. */
export async function importMaterial(token: EngineToken, replica: KeyReplica, uid: Buffer): Promise<KeyHandle | undefined> {
  if (!('wrapped' in replica)) return undefined;
  return token.session.unwrapKey(token.syncKey, SYNC_WRAP, replica.wrapped, engineUnwrapTemplate(replica.view, engineObjectOptions(replica.view, uid)));
}
