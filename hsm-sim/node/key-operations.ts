// Cryptographic operations by crypto users (aws-behaviour 7.2: encrypt/decrypt, sign/verify are CU only;
// 7.10: owners, sharers and, for public keys, every CU may use a key). Engine failures the user caused
// (a tampered ciphertext, a usage flag not set) pass through as the engine's HsmError.

import type { HsmSession } from '../engine/hsm-engine.port';
import type { AesGcmMechanism, SignatureMechanism } from '../engine/hsm-engine.types';
import { engineHandleOf, publicKeySpkiOf, verifyWithPublicKey } from './key-material';
import { KeyAction } from './key-ownership.policy';
import type { KeyRecord, KeyStore } from './key-store';
import { NodeError, NodeErrorCode, type ConnectionContext, type KeyReference } from './node.types';
import { NodeLimits } from './node-limits';
import { NodeOperation, requirePermission } from './role-permissions.policy';

export interface EncryptRequest {
  readonly handle: number;
  /** 12 bytes. */
  readonly iv: Buffer;
  readonly aad?: Buffer;
  readonly plaintext: Buffer;
}

export interface DecryptRequest {
  readonly handle: number;
  readonly iv: Buffer;
  readonly aad?: Buffer;
  /** Ciphertext followed by the 16-byte tag. */
  readonly ciphertext: Buffer;
}

export interface SignRequest {
  readonly handle: number;
  readonly mechanism: SignatureMechanism;
  readonly data: Buffer;
}

export interface VerifyRequest extends SignRequest {
  readonly signature: Buffer;
}

export interface RandomRequest {
  readonly length: number;
}

const GCM_TAG_BITS = 128;

export class KeyOperations {
  constructor(
    private readonly keys: KeyStore,
    private readonly session: HsmSession,
  ) {}

  async encrypt(ctx: ConnectionContext, { handle, iv, aad, plaintext }: EncryptRequest): Promise<Buffer> {
    const mechanism = gcm(iv, aad);
    const key = engineHandleOf(this.usable(ctx, handle), 'C_Encrypt', { role: 'encrypt', mechanism });
    return this.session.encrypt(key, mechanism, plaintext);
  }

  async decrypt(ctx: ConnectionContext, { handle, iv, aad, ciphertext }: DecryptRequest): Promise<Buffer> {
    const mechanism = gcm(iv, aad);
    const key = engineHandleOf(this.usable(ctx, handle), 'C_Decrypt', { role: 'decrypt', mechanism });
    return this.session.decrypt(key, mechanism, ciphertext);
  }

  async sign(ctx: ConnectionContext, { handle, mechanism, data }: SignRequest): Promise<Buffer> {
    const key = engineHandleOf(this.usable(ctx, handle), 'C_Sign', { role: 'sign', mechanism });
    return this.session.sign(key, mechanism, data);
  }

  async verify(ctx: ConnectionContext, { handle, mechanism, data, signature }: VerifyRequest): Promise<boolean> {
    return verifyWithPublicKey(this.usable(ctx, handle), mechanism, data, signature);
  }

  /** A public key as DER SubjectPublicKeyInfo. */
  async publicKey(ctx: ConnectionContext, { handle }: KeyReference): Promise<Buffer> {
    return publicKeySpkiOf(this.usable(ctx, handle), 'C_GetAttributeValue');
  }

  async random(ctx: ConnectionContext, { length }: RandomRequest): Promise<Buffer> {
    requirePermission(ctx, NodeOperation.KEY_USE);
    if (!Number.isSafeInteger(length) || length < 1 || length > NodeLimits.maxRandomBytes) {
      throw new NodeError(NodeErrorCode.ARGUMENTS_BAD, `random: length must be 1 to ${NodeLimits.maxRandomBytes} bytes, not ${String(length)}`);
    }
    return this.session.random(length);
  }

  private usable(ctx: ConnectionContext, handle: number): KeyRecord {
    const principal = requirePermission(ctx, NodeOperation.KEY_USE);
    return this.keys.accessible(ctx, principal, handle, KeyAction.USE);
  }
}

function gcm(iv: Buffer, aad: Buffer | undefined): AesGcmMechanism {
  return { name: 'AES-GCM', iv, ...(aad ? { aad } : {}), tagBits: GCM_TAG_BITS };
}
