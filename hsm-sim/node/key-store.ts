// The keys one HSM holds: an in-memory index by CloudHSM handle (never an engine search on the hot path,
// softhsm-notes §5) over the durable key rows. Token keys are written to the state file before they enter
// the index; session keys live only here and in the engine session.

import type { KeyHandle } from '../engine/hsm-engine.types';
import { keyNotFound, requireKeyAccess, type KeyAction, type OwnedKey } from './key-ownership.policy';
import { isAsymmetric, type KeyLimits } from './hsm-type-limits';
import { MetaName, type KeyRow, type NodeStateRepository } from './node-state.repository';
import { NodeError, NodeErrorCode, type ConnectionContext, type KeyClassName, type KeyView, type Principal } from './node.types';

/** Handles are `sequence * 32 + slot`: unique across the cluster's HSMs, the same on every HSM that holds the key. */
export const HANDLE_SLOTS = 32;

export interface KeyRecord extends KeyRow, OwnedKey {
  /** The engine object; absent only for a public key copied from another HSM (held as its SPKI). */
  readonly engineHandle?: KeyHandle;
}

export class KeyStore {
  private readonly records = new Map<number, KeyRecord>();
  private nextSequence: number;

  constructor(
    private readonly repository: NodeStateRepository,
    private readonly slot: number,
    private readonly hsmId: string,
    private readonly limits: KeyLimits,
    records: readonly KeyRecord[],
  ) {
    for (const record of records) this.records.set(record.view.handle, record);
    this.nextSequence = Number(repository.meta(MetaName.NEXT_KEY_SEQUENCE) ?? 1);
  }

  get(handle: number): KeyRecord | undefined {
    return this.records.get(handle);
  }

  require(handle: number): KeyRecord {
    const record = this.records.get(handle);
    if (!record) throw keyNotFound(handle);
    return record;
  }

  /** A key the principal may `action` on this connection (KEY_NOT_FOUND, KEY_ACCESS_DENIED). */
  accessible(ctx: ConnectionContext, principal: Principal, handle: number, action: KeyAction): KeyRecord {
    const record = this.require(handle);
    requireKeyAccess(record, principal.userId, ctx.connectionId, action);
    return record;
  }

  all(): KeyRecord[] {
    return [...this.records.values()].sort((a, b) => a.view.handle - b.view.handle);
  }

  tokenKeys(): KeyRecord[] {
    return this.all().filter((record) => record.view.token);
  }

  sessionKeysOf(connectionId: string): KeyRecord[] {
    return this.all().filter((record) => record.connectionId === connectionId);
  }

  count(): number {
    return this.records.size;
  }

  ownedBy(userId: number): number {
    return this.all().filter((record) => record.view.ownerId === userId).length;
  }

  get sequence(): number {
    return this.nextSequence;
  }

  /** Public and private keys held now (each half of a key pair is one). */
  asymmetricCount(): number {
    let count = 0;
    for (const record of this.records.values()) if (isAsymmetric(record.view.class)) count += 1;
    return count;
  }

  // 8.2: keys per cluster hsm1.medium 3,300; hsm2m.medium 16,666 total, ≤ 3,333 asymmetric
  requireRoom(newKeys: readonly KeyClassName[]): void {
    const { maxKeys, maxAsymmetricKeys } = this.limits;
    if (this.records.size + newKeys.length > maxKeys) {
      throw new NodeError(
        NodeErrorCode.QUOTA_EXCEEDED,
        `HSM ${this.hsmId} holds ${this.records.size} keys and a cluster holds at most ${maxKeys}: delete keys first`,
      );
    }
    const newAsymmetric = newKeys.filter(isAsymmetric).length;
    if (newAsymmetric === 0) return;
    const asymmetric = this.asymmetricCount();
    if (asymmetric + newAsymmetric > maxAsymmetricKeys) {
      throw new NodeError(
        NodeErrorCode.QUOTA_EXCEEDED,
        `HSM ${this.hsmId} holds ${asymmetric} asymmetric keys (public and private keys count one each) and a cluster holds at most ${maxAsymmetricKeys}: delete asymmetric keys first`,
      );
    }
  }

  allocateHandle(): number {
    return this.nextSequence++ * HANDLE_SLOTS + this.slot;
  }

  /** Keeps handles unique when keys made elsewhere arrive (e.g. from an earlier HSM in this slot). */
  noteHandle(handle: number): void {
    this.raiseSequence(Math.floor(handle / HANDLE_SLOTS) + 1);
  }

  raiseSequence(sequence: number): void {
    if (sequence <= this.nextSequence) return;
    this.nextSequence = sequence;
    this.repository.setMeta(MetaName.NEXT_KEY_SEQUENCE, String(sequence));
  }

  /** Token records are committed in one transaction before any enters the index. */
  add(records: readonly KeyRecord[]): void {
    const tokenRecords = records.filter((record) => record.view.token);
    if (tokenRecords.length > 0) {
      this.repository.transaction(() => {
        for (const { view, uid, publicKeySpki } of tokenRecords) {
          this.repository.insertKey({ view, uid, ...(publicKeySpki ? { publicKeySpki } : {}) });
        }
        this.repository.setMeta(MetaName.NEXT_KEY_SEQUENCE, String(this.nextSequence));
      });
    }
    for (const record of records) this.records.set(record.view.handle, record);
  }

  update(record: KeyRecord, view: KeyView): KeyRecord {
    if (view.token) this.repository.updateKeyView(view);
    const updated = { ...record, view };
    this.records.set(view.handle, updated);
    return updated;
  }

  remove(record: KeyRecord): void {
    if (record.view.token) this.repository.deleteKey(record.view.handle);
    this.records.delete(record.view.handle);
  }
}
