// kmsuser's password at rest (the KeyStorePassword, then the password KMS rotates it to on connect):
// sealed with AES-256-GCM under the simulator's KMS master key (<data dir>/kms-master.key, 0600), as KMS
// key material is. Bound to its purpose and to its key store, so a sealed password opens as nothing else
// and in no other record. Stored as base64 of IV (12 bytes) || ciphertext || tag (16 bytes).

import { gcmOpen, gcmSeal } from '../keys/aes-256-gcm';
import { MASTER_KEY_BYTES } from '../keys/aes-gcm-key-material.vault';
import { IV_BYTES } from '../keys/domain/ciphertext-format';

const PURPOSE = 'cloudhsm-sim key store password v1';

export class KeyStorePasswordSealer {
  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`the KMS master key must be ${MASTER_KEY_BYTES} bytes, not ${masterKey.length}`);
  }

  seal(customKeyStoreId: string, password: string): string {
    const { iv, sealed } = gcmSeal(this.masterKey, Buffer.from(password, 'utf8'), aadFor(customKeyStoreId));
    return Buffer.concat([iv, sealed]).toString('base64');
  }

  open(customKeyStoreId: string, sealedBase64: string): string {
    const blob = Buffer.from(sealedBase64, 'base64');
    const password = gcmOpen(this.masterKey, { iv: blob.subarray(0, IV_BYTES), sealed: blob.subarray(IV_BYTES) }, aadFor(customKeyStoreId));
    if (password === undefined) throw new Error(`the sealed password of ${customKeyStoreId} does not open under this master key: was the master key file replaced?`);
    return password.toString('utf8');
  }
}

function aadFor(customKeyStoreId: string): Buffer {
  return Buffer.from(`${PURPOSE}\0${customKeyStoreId}`, 'utf8');
}
