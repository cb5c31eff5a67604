// Turns engine objects a crypto user just created into keys it owns (7.10: the CU that creates a key owns
// it). A token key is durable before it is acknowledged, and must reach the key-availability quorum:
// otherwise it is removed again and the creation fails.

import { randomBytes } from 'node:crypto';
import type { HsmSession } from '../engine/hsm-engine.port';
import type { KeyHandle } from '../engine/hsm-engine.types';
import { AuditEvent, fromConnection, type AuditLog } from './audit-log';
import type { ClusterNotifier } from './cluster-notifier';
import type { KeyRecord, KeyStore } from './key-store';
import { NodeLimits } from './node-limits';
import {
  NodeError,
  NodeErrorCode,
  type ConnectionContext,
  type KeyClassName,
  type KeyTypeName,
  type KeyView,
  type Principal,
  type UserKeyAttributes,
} from './node.types';

const UID_BYTES = 16;

/** An engine object just created, and what the node records about it. */
export interface KeyDraft {
  readonly engineHandle: KeyHandle;
  readonly uid: Buffer;
  readonly class: KeyClassName;
  readonly keyType: KeyTypeName;
  readonly size: number | string;
  readonly attributes: UserKeyAttributes;
  readonly publicKeySpki?: Buffer;
}

/** The CKA_ID of a new engine object: how the node finds it again after a restart. */
export function newUid(): Buffer {
  return randomBytes(UID_BYTES);
}

export class KeyCreation {
  constructor(
    private readonly keys: KeyStore,
    private readonly session: HsmSession,
    private readonly notifier: ClusterNotifier,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  /** Registers one key, or the two halves of a key pair (linked by pairHandle); one view per draft, in order. */
  async register<const T extends readonly KeyDraft[]>(ctx: ConnectionContext, principal: Principal, drafts: T): Promise<{ -readonly [K in keyof T]: KeyView }> {
    const records = this.recordsFor(ctx, principal, drafts);
    try {
      this.keys.add(records);
    } catch (error) {
      await this.destroyObjects(records);
      throw error;
    }
    for (const { view } of records) {
      this.audit.record({ event: AuditEvent.KEY_CREATED, ...fromConnection(ctx), details: { handle: view.handle, class: view.class, keyType: view.keyType, token: view.token, label: view.label } });
    }
    for (const record of records.filter((candidate) => candidate.view.token)) {
      if (!(await this.notifier.reachQuorum(record))) {
        await this.rollBack(ctx, records);
        throw new NodeError(
          NodeErrorCode.KEY_AVAILABILITY,
          `key ${record.view.handle} could not be copied to a second HSM of the cluster (key-availability quorum of ${NodeLimits.keyAvailabilityQuorum}), so it was not created: make sure another HSM of the cluster is reachable and retry`,
        );
      }
    }
    return records.map((record) => record.view) as { -readonly [K in keyof T]: KeyView };
  }

  private recordsFor(ctx: ConnectionContext, principal: Principal, drafts: readonly KeyDraft[]): KeyRecord[] {
    const allocated = drafts.map((draft) => ({ draft, handle: this.keys.allocateHandle() }));
    const createdAt = this.now().toISOString();
    return allocated.map(({ draft, handle }) => {
      const partner = allocated.find((other) => other.handle !== handle)?.handle;
      const view: KeyView = {
        ...draft.attributes,
        handle,
        class: draft.class,
        keyType: draft.keyType,
        size: draft.size,
        ownerId: principal.userId,
        sharedWith: [],
        ...(partner === undefined ? {} : { pairHandle: partner }),
        createdAt,
      };
      return {
        view,
        uid: draft.uid,
        engineHandle: draft.engineHandle,
        ...(draft.publicKeySpki ? { publicKeySpki: draft.publicKeySpki } : {}),
        ...(draft.attributes.token ? {} : { connectionId: ctx.connectionId }),
      };
    });
  }

  private async rollBack(ctx: ConnectionContext, records: readonly KeyRecord[]): Promise<void> {
    for (const record of records) {
      this.keys.remove(record);
      this.audit.record({ event: AuditEvent.KEY_CREATION_ROLLED_BACK, ...fromConnection(ctx), details: { handle: record.view.handle, reason: 'key-availability quorum not met' } });
    }
    await this.destroyObjects(records);
    for (const record of records.filter((candidate) => candidate.view.token)) await this.notifier.deleted(record.view.handle);
  }

  private async destroyObjects(records: readonly KeyRecord[]): Promise<void> {
    for (const { engineHandle } of records) if (engineHandle !== undefined) await this.session.destroyKey(engineHandle);
  }
}
