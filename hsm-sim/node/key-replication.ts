// The sync layer's side of a node: token keys in and out as KeyReplicas. No client connection and no
// user checks (the sync layer is the cluster's own); every call is idempotent, so a retried or repeated
// message does no harm.

import type { HsmSession } from '../engine/hsm-engine.port';
import { AuditEvent, AuditSource, type AuditLog } from './audit-log';
import type { EngineToken } from './engine-token';
import { engineAttributeUpdate } from './key-attributes.policy';
import { newUid } from './key-creation';
import { keyNotFound } from './key-ownership.policy';
import type { KeyReplica } from './key-replica';
import { exportReplica, importMaterial } from './key-replica-codec';
import type { KeyRecord, KeyStore } from './key-store';
import { NodeError, NodeErrorCode } from './node.types';

export class KeyReplication {
  private readonly session: HsmSession;

  constructor(
    private readonly keys: KeyStore,
    private readonly token: EngineToken,
    private readonly audit: AuditLog,
  ) {
    this.session = token.session;
  }

  async exportKeyReplica(handle: number): Promise<KeyReplica> {
    const record = this.keys.get(handle);
    if (!record?.view.token) throw keyNotFound(handle);
    return exportReplica(this.token, record);
  }

  listKeyHandles(): number[] {
    return this.keys.tokenKeys().map((record) => record.view.handle);
  }

  /** A new key gets an engine object and a row; a key already here only takes the replica's metadata. */
  async importKeyReplica(replica: KeyReplica): Promise<void> {
    const existing = this.keys.get(replica.view.handle);
    if (existing) return this.applyMetadata(existing, replica);
    this.keys.requireRoom([replica.view.class]);
    const records = await this.materialise([replica]);
    // another import of the same key may have finished while this one was unwrapping
    const raced = this.keys.get(replica.view.handle);
    if (raced) {
      await this.discard(records);
      return this.applyMetadata(raced, replica);
    }
    try {
      this.record(records);
    } catch (error) {
      await this.discard(records);
      throw error;
    }
    this.audit.record({ event: AuditEvent.REPLICA_IMPORTED, source: AuditSource.CLUSTER_SYNC, details: { handle: replica.view.handle, class: replica.view.class } });
  }

  async updateKeyReplica(replica: KeyReplica): Promise<void> {
    const existing = this.keys.get(replica.view.handle);
    return existing ? this.applyMetadata(existing, replica) : this.importKeyReplica(replica);
  }

  async deleteKeyReplica(handle: number): Promise<void> {
    const record = this.keys.get(handle);
    if (!record?.view.token) return;
    this.keys.remove(record);
    if (record.engineHandle !== undefined) await this.session.destroyKey(record.engineHandle);
    this.audit.record({ event: AuditEvent.REPLICA_DELETED, source: AuditSource.CLUSTER_SYNC, details: { handle } });
  }

  /** Engine objects for replicas, not yet recorded; destroyed again if any fails. */
  async materialise(replicas: readonly KeyReplica[]): Promise<KeyRecord[]> {
    const records: KeyRecord[] = [];
    try {
      for (const replica of replicas) {
        requireConsistent(replica);
        const uid = newUid();
        const engineHandle = await importMaterial(this.token, replica, uid);
        const material = 'publicKeySpki' in replica ? { publicKeySpki: replica.publicKeySpki } : {};
        records.push({ view: replica.view, uid, ...material, ...(engineHandle === undefined ? {} : { engineHandle }) });
      }
    } catch (error) {
      await this.discard(records);
      throw error;
    }
    return records;
  }

  /** Records materialised keys (durable) and keeps this HSM's future handles clear of theirs. */
  record(records: readonly KeyRecord[]): void {
    for (const record of records) this.keys.noteHandle(record.view.handle);
    this.keys.add(records);
  }

  /** Destroys the engine objects of materialised keys that were not recorded. */
  async discard(records: readonly KeyRecord[]): Promise<void> {
    for (const { engineHandle } of records) if (engineHandle !== undefined) await this.session.destroyKey(engineHandle);
  }

  private async applyMetadata(record: KeyRecord, replica: KeyReplica): Promise<void> {
    requireConsistent(replica);
    const { view } = replica;
    if (view.class !== record.view.class || view.keyType !== record.view.keyType) {
      throw new NodeError(
        NodeErrorCode.ARGUMENTS_BAD,
        `replica of key ${view.handle} is a ${view.keyType} ${view.class}, but this HSM holds a ${record.view.keyType} ${record.view.class} under that handle`,
      );
    }
    if (record.engineHandle !== undefined) await this.session.setAttributes(record.engineHandle, engineAttributeUpdate(view));
    this.keys.update(record, view);
    this.audit.record({ event: AuditEvent.REPLICA_UPDATED, source: AuditSource.CLUSTER_SYNC, details: { handle: view.handle } });
  }
}

function requireConsistent({ view, ...material }: KeyReplica): void {
  const isPublic = view.class === 'PUBLIC_KEY';
  if (!view.token || isPublic !== 'publicKeySpki' in material) {
    throw new NodeError(
      NodeErrorCode.ARGUMENTS_BAD,
      `replica of key ${view.handle} is malformed: replicas are token keys, public keys carry publicKeySpki and other keys their wrapped material`,
    );
  }
}
