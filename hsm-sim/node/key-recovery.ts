// Rebuilds the key index when a node opens: one pass over the engine's token objects (C_FindObjects is a
// linear scan, softhsm-notes §5) matched to the key rows by CKA_ID. The row is the acknowledgement: an
// engine object without a row was created but never acknowledged before a crash, and is destroyed.

import type { HsmSession } from '../engine/hsm-engine.port';
import type { KeyHandle } from '../engine/hsm-engine.types';
import { AuditEvent, AuditSource, type AuditLog } from './audit-log';
import type { KeyRecord } from './key-store';
import type { NodeStateRepository } from './node-state.repository';

export async function recoverKeys(session: HsmSession, repository: NodeStateRepository, audit: AuditLog): Promise<KeyRecord[]> {
  const objects = new Map<string, { handle: KeyHandle; label: string }>();
  for (const handle of await session.findKeys({ token: true })) {
    const attributes = await session.getAttributes(handle);
    objects.set(attributes.id.toString('hex'), { handle, label: attributes.label });
  }
  const records: KeyRecord[] = [];
  for (const row of repository.keys()) {
    const uid = row.uid.toString('hex');
    const object = objects.get(uid);
    objects.delete(uid);
    if (object) records.push({ ...row, engineHandle: object.handle });
    else if (row.view.class === 'PUBLIC_KEY') records.push(row);
    else {
      // the engine lost the material (its folder was replaced or wiped): the row cannot serve the key any more
      repository.deleteKey(row.view.handle);
      audit.record({ event: AuditEvent.KEY_MATERIAL_MISSING, source: AuditSource.NODE, details: { handle: row.view.handle, label: row.view.label } });
    }
  }
  for (const orphan of objects.values()) {
    await session.destroyKey(orphan.handle);
    audit.record({ event: AuditEvent.ORPHAN_OBJECT_DESTROYED, source: AuditSource.NODE, details: { label: orphan.label } });
  }
  return records;
}
