// Key management by crypto users (aws-behaviour 7.2, 7.10): create, unwrap, wrap (export), delete, share
// and change attributes. Only CUs manage keys; only a key's owner may export, delete, share or change it.

import type { HsmSession } from '../engine/hsm-engine.port';
import type { KeyHandle, KeyPairSpec, SecretKeySpec, WrapMechanism } from '../engine/hsm-engine.types';
import { Ckr } from '../engine/hsm-error';
import { AuditEvent, fromConnection, type AuditLog } from './audit-log';
import type { ClusterNotifier } from './cluster-notifier';
import {
  changedKeyAttributes,
  engineAttributeUpdate,
  engineObjectOptions,
  engineUnwrapTemplate,
  newKeyAttributes,
  type KeyAttributeChange,
} from './key-attributes.policy';
import { newUid, type KeyCreation } from './key-creation';
import { engineHandleOf } from './key-material';
import { KeyAction } from './key-ownership.policy';
import type { KeyStore } from './key-store';
import { NodeError, NodeErrorCode, Role, type ConnectionContext, type KeyReference, type KeyView, type SymmetricKeyType, type UserKeyAttributes } from './node.types';
import { NodeOperation, requirePermission } from './role-permissions.policy';
import type { UserDirectory } from './user-directory';

export type GenerateKeyRequest = (
  | { readonly keyType: 'AES'; readonly bits: 128 | 192 | 256 }
  | { readonly keyType: 'GENERIC_SECRET'; readonly bits: number }
) & { readonly attributes?: Partial<UserKeyAttributes> };

export interface GenerateKeyPairRequest {
  readonly spec: KeyPairSpec;
  readonly publicAttributes?: Partial<UserKeyAttributes>;
  readonly privateAttributes?: Partial<UserKeyAttributes>;
}

export interface KeyPairViews {
  readonly publicKey: KeyView;
  readonly privateKey: KeyView;
}

export interface WrapKeyRequest {
  readonly wrappingHandle: number;
  readonly handle: number;
  readonly mechanism: WrapMechanism;
}

export type UnwrapKeyTemplate = Partial<UserKeyAttributes> &
  (
    | { readonly class: 'SECRET_KEY'; readonly keyType: SymmetricKeyType }
    | { readonly class: 'PRIVATE_KEY'; readonly keyType: 'RSA' | 'EC' }
  );

export interface UnwrapKeyRequest {
  readonly unwrappingHandle: number;
  readonly wrapped: Buffer;
  readonly mechanism: WrapMechanism;
  readonly template: UnwrapKeyTemplate;
}

export interface ShareKeyRequest {
  readonly handle: number;
  readonly userId: number;
  /** true: share; false: unshare. */
  readonly share: boolean;
}

export interface SetKeyAttributesRequest {
  readonly handle: number;
  readonly attributes: KeyAttributeChange;
}

// SIM: RFC 3394 and RFC 5649 add 8 bytes to a key whose length is a multiple of 8 (every AES key)
const WRAP_OVERHEAD_BYTES = 8;

export class KeyManagement {
  constructor(
    private readonly keys: KeyStore,
    private readonly users: UserDirectory,
    private readonly session: HsmSession,
    private readonly creation: KeyCreation,
    private readonly notifier: ClusterNotifier,
    private readonly audit: AuditLog,
  ) {}

  async generateKey(ctx: ConnectionContext, request: GenerateKeyRequest): Promise<KeyView> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const attributes = newKeyAttributes(request.attributes ?? {}, 'SECRET_KEY');
    this.keys.requireRoom(['SECRET_KEY']);
    const spec: SecretKeySpec = request.keyType === 'AES' ? { type: 'AES', bits: request.bits } : { type: 'GENERIC_SECRET', bits: request.bits };
    const uid = newUid();
    const engineHandle = await this.session.generateKey(spec, engineObjectOptions(attributes, uid));
    const [key] = await this.creation.register(ctx, principal, [
      { engineHandle, uid, class: 'SECRET_KEY', keyType: request.keyType, size: request.bits / 8, attributes },
    ]);
    return key;
  }

  async generateKeyPair(ctx: ConnectionContext, { spec, publicAttributes, privateAttributes }: GenerateKeyPairRequest): Promise<KeyPairViews> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const publicKeyAttributes = newKeyAttributes(publicAttributes ?? {}, 'PUBLIC_KEY');
    const privateKeyAttributes = newKeyAttributes(privateAttributes ?? {}, 'PRIVATE_KEY');
    this.keys.requireRoom(['PUBLIC_KEY', 'PRIVATE_KEY']);
    const uids = { public: newUid(), private: newUid() };
    const pair = await this.session.generateKeyPair(
      spec,
      engineObjectOptions(publicKeyAttributes, uids.public),
      engineObjectOptions(privateKeyAttributes, uids.private),
    );
    const kind = { keyType: spec.type, size: spec.type === 'RSA' ? spec.modulusBits : spec.curve };
    const publicKeySpki = await this.session.getPublicKeySpki(pair.publicKey);
    const [publicKey, privateKey] = await this.creation.register(ctx, principal, [
      { ...kind, engineHandle: pair.publicKey, uid: uids.public, class: 'PUBLIC_KEY', attributes: publicKeyAttributes, publicKeySpki },
      { ...kind, engineHandle: pair.privateKey, uid: uids.private, class: 'PRIVATE_KEY', attributes: privateKeyAttributes },
    ]);
    return { publicKey, privateKey };
  }

  /** Exports a key the CU owns, wrapped under a key it may use. */
  async wrapKey(ctx: ConnectionContext, { wrappingHandle, handle, mechanism }: WrapKeyRequest): Promise<Buffer> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const target = this.keys.accessible(ctx, principal, handle, KeyAction.MANAGE);
    if (!target.view.extractable) {
      throw new NodeError(Ckr.KEY_UNEXTRACTABLE, `key ${handle} was created non-extractable (extractable=false) and can never be wrapped`);
    }
    const wrapping = this.keys.accessible(ctx, principal, wrappingHandle, KeyAction.USE);
    const operation = 'C_WrapKey';
    const wrapped = await this.session.wrapKey(engineHandleOf(wrapping, operation, { role: 'wrap' }), mechanism, engineHandleOf(target, operation));
    this.audit.record({ event: AuditEvent.KEY_WRAPPED, ...fromConnection(ctx), details: { handle, wrappingHandle, mechanism: mechanism.name } });
    return wrapped;
  }

  async unwrapKey(ctx: ConnectionContext, { unwrappingHandle, wrapped, mechanism, template }: UnwrapKeyRequest): Promise<KeyView> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const unwrapping = this.keys.accessible(ctx, principal, unwrappingHandle, KeyAction.USE);
    const { class: keyClass, keyType, ...requested } = template;
    const attributes = newKeyAttributes(requested, keyClass);
    this.keys.requireRoom([keyClass]);
    const uid = newUid();
    const operation = 'C_UnwrapKey';
    const engineHandle = await this.session.unwrapKey(
      engineHandleOf(unwrapping, operation, { role: 'unwrap' }),
      mechanism,
      wrapped,
      engineUnwrapTemplate(template, engineObjectOptions(attributes, uid)),
    );
    const size = await this.unwrappedSize(engineHandle, wrapped);
    const [key] = await this.creation.register(ctx, principal, [{ engineHandle, uid, class: keyClass, keyType, size, attributes }]);
    return key;
  }

  async deleteKey(ctx: ConnectionContext, { handle }: KeyReference): Promise<void> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const record = this.keys.accessible(ctx, principal, handle, KeyAction.MANAGE);
    // the row goes first: an engine object left by a crash here has no row and is destroyed at the next open
    this.keys.remove(record);
    if (record.engineHandle !== undefined) await this.session.destroyKey(record.engineHandle);
    this.audit.record({ event: AuditEvent.KEY_DELETED, ...fromConnection(ctx), details: { handle, token: record.view.token } });
    if (record.view.token) await this.notifier.deleted(handle);
  }

  async shareKey(ctx: ConnectionContext, { handle, userId, share }: ShareKeyRequest): Promise<KeyView> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const record = this.keys.accessible(ctx, principal, handle, KeyAction.MANAGE);
    this.requireShareable(record.view, userId);
    const others = record.view.sharedWith.filter((id) => id !== userId);
    const sharedWith = share ? [...others, userId].sort((a, b) => a - b) : others;
    const updated = this.keys.update(record, { ...record.view, sharedWith });
    this.audit.record({ event: share ? AuditEvent.KEY_SHARED : AuditEvent.KEY_UNSHARED, ...fromConnection(ctx), details: { handle, userId } });
    await this.notifier.updated(updated);
    return updated.view;
  }

  async setKeyAttributes(ctx: ConnectionContext, { handle, attributes }: SetKeyAttributesRequest): Promise<KeyView> {
    const principal = requirePermission(ctx, NodeOperation.KEY_MANAGEMENT);
    const record = this.keys.accessible(ctx, principal, handle, KeyAction.MANAGE);
    const next = changedKeyAttributes(record.view, attributes, record.view.class);
    if (record.engineHandle !== undefined) await this.session.setAttributes(record.engineHandle, engineAttributeUpdate(next));
    const updated = this.keys.update(record, { ...record.view, ...next });
    const changed = Object.entries(attributes).flatMap(([name, value]) => (value === undefined ? [] : [name]));
    this.audit.record({ event: AuditEvent.KEY_ATTRIBUTES_CHANGED, ...fromConnection(ctx), details: { handle, attributes: changed } });
    if (updated.view.token) await this.notifier.updated(updated);
    return updated.view;
  }

  /** 7.10: session keys are not kept beyond their session; a closed connection takes its keys with it. */
  async destroySessionKeys(ctx: ConnectionContext): Promise<void> {
    for (const record of this.keys.sessionKeysOf(ctx.connectionId)) {
      this.keys.remove(record);
      await this.session.destroyKey(engineHandleOf(record, 'C_DestroyObject'));
      this.audit.record({ event: AuditEvent.KEY_DELETED, ...fromConnection(ctx), details: { handle: record.view.handle, token: false, reason: 'disconnect' } });
    }
  }

  // 7.10: public keys are usable by every CU and cannot be shared; sharing is with crypto users
  private requireShareable(view: KeyView, userId: number): void {
    const problem =
      view.class === 'PUBLIC_KEY'
        ? 'public keys are usable by every crypto user and cannot be shared'
        : !view.token
          ? 'session keys live in one connection and cannot be shared'
          : userId === view.ownerId
            ? `user ${userId} owns key ${view.handle}`
            : undefined;
    if (problem) throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `cannot share key ${view.handle}: ${problem}`);
    const user = this.users.byId(userId);
    if (!user) throw new NodeError(NodeErrorCode.USER_NOT_FOUND, `there is no user ${userId} to share key ${view.handle} with: list the users (listUsers)`);
    if (user.role !== Role.CU) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `keys are shared with crypto users (CU); user ${userId} '${user.username}' is a ${user.role}`);
    }
  }

  /** SIM: SoftHSM 2.6.1 records no CKA_VALUE_LEN for unwrapped secret keys; the wrapped length tells it. */
  private async unwrappedSize(engineHandle: KeyHandle, wrapped: Buffer): Promise<number | string> {
    const attributes = await this.session.getAttributes(engineHandle);
    return attributes.modulusBits ?? attributes.curve ?? attributes.valueLength ?? wrapped.length - WRAP_OVERHEAD_BYTES;
  }
}
