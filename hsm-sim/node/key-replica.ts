// A token key as it travels between the HSMs of a cluster, and the sync layer's face towards a node.

import type { KeyView } from './node.types';

/**
 * Secret and private keys travel wrapped (AES-KEY-WRAP-PAD) under the cluster sync key. Public keys travel
 * as their SubjectPublicKeyInfo: the engine port has no public-key import.
 */
export type KeyReplica =
  | { readonly view: KeyView; readonly wrapped: Buffer }
  | { readonly view: KeyView; readonly publicKeySpki: Buffer };

/** Implemented by hsm-sim/sync; a node without one is a one-HSM cluster. */
export interface KeyReplicator {
  /** HSMs in the cluster, this one included. */
  clusterSize(): number;
  /** Copies a new token key to the other HSMs; resolves to how many HSMs hold it now, this one included. */
  replicate(replica: KeyReplica): Promise<number>;
  /** Best effort: the key's owner, shares or attributes changed. */
  updated(replica: KeyReplica): Promise<void>;
  /** Best effort: the key was deleted here. */
  deleted(handle: number): Promise<void>;
}
