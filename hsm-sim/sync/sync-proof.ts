// Nodes of one cluster prove membership to each other on the sync port with an HMAC under the cluster
// sync key, which only the cluster's HSMs hold. The key itself never crosses the wire.
// SIM: real HSMs authenticate cluster peers with device certificates; the effect (only the cluster's
// own HSMs can replicate into it) is the same.

import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a proof may be; peers share one machine clock. */
const PROOF_WINDOW_MS = 5 * 60_000;

export interface SyncProof {
  readonly hsmId: string;
  readonly clusterId: string;
  readonly issuedAt: number;
  readonly mac: Buffer;
}

export function createSyncProof(syncKey: Buffer, hsmId: string, clusterId: string, now = Date.now()): SyncProof {
  return { hsmId, clusterId, issuedAt: now, mac: mac(syncKey, hsmId, clusterId, now) };
}

export function verifySyncProof(syncKey: Buffer, clusterId: string, proof: SyncProof, now = Date.now()): boolean {
  if (proof.clusterId !== clusterId || Math.abs(now - proof.issuedAt) > PROOF_WINDOW_MS) return false;
  const expected = mac(syncKey, proof.hsmId, proof.clusterId, proof.issuedAt);
  return Buffer.isBuffer(proof.mac) && proof.mac.length === expected.length && timingSafeEqual(proof.mac, expected);
}

function mac(syncKey: Buffer, hsmId: string, clusterId: string, issuedAt: number): Buffer {
  return createHmac('sha256', syncKey).update(`cloudhsm-sim sync|${clusterId}|${hsmId}|${issuedAt}`).digest();
}
