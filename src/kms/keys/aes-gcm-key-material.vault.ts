// The KeyMaterialVault over node:crypto: AES-256-GCM under the simulator's 32-byte master key. A sealed
// blob is IV (12 bytes) || ciphertext || tag (16 bytes).

import { gcmOpen, gcmSeal } from './aes-256-gcm';
import { IV_BYTES } from './domain/ciphertext-format';
import type { KeyMaterialVault } from './ports/key-material-vault.port';

/** Binds a sealed blob to its purpose: it opens as KMS key material and as nothing else. */
const PURPOSE = Buffer.from('cloudhsm-sim kms key material v1', 'utf8');
export const MASTER_KEY_BYTES = 32;

export class AesGcmKeyMaterialVault implements KeyMaterialVault {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`the KMS master key must be ${MASTER_KEY_BYTES} bytes, not ${masterKey.length}`);
  }

  seal(material: Buffer): Buffer {
    const { iv, sealed } = gcmSeal(this.masterKey, material, PURPOSE);
    return Buffer.concat([iv, sealed]);
  }

  open(blob: Buffer): Buffer {
    const material = gcmOpen(this.masterKey, { iv: blob.subarray(0, IV_BYTES), sealed: blob.subarray(IV_BYTES) }, PURPOSE);
    if (material === undefined) throw new Error('sealed KMS key material does not open under this master key: was the master key file replaced?');
    return material;
  }
}
