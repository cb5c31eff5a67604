// Port mechanisms -> PKCS#11 mechanisms. SoftHSM 2.6.1 has no CKM_ECDSA_SHA256, so ECDSA hashes in JS
// and signs the digest with CKM_ECDSA.

import { createHash } from 'node:crypto';
import * as p from 'pkcs11js';
import { gcmTagBits } from '../engine-limits';
import type { DigestAlgorithm, EncryptionMechanism, HashAlgorithm, SignatureMechanism, WrapMechanism } from '../hsm-engine.types';

const hashLengths: Record<HashAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

const rsaPkcsMechanisms: Record<HashAlgorithm, number> = {
  'SHA-256': p.CKM_SHA256_RSA_PKCS,
  'SHA-384': p.CKM_SHA384_RSA_PKCS,
  'SHA-512': p.CKM_SHA512_RSA_PKCS,
};

const rsaPssMechanisms: Record<HashAlgorithm, { mechanism: number; hashAlg: number; mgf: number }> = {
  'SHA-256': { mechanism: p.CKM_SHA256_RSA_PKCS_PSS, hashAlg: p.CKM_SHA256, mgf: p.CKG_MGF1_SHA256 },
  'SHA-384': { mechanism: p.CKM_SHA384_RSA_PKCS_PSS, hashAlg: p.CKM_SHA384, mgf: p.CKG_MGF1_SHA384 },
  'SHA-512': { mechanism: p.CKM_SHA512_RSA_PKCS_PSS, hashAlg: p.CKM_SHA512, mgf: p.CKG_MGF1_SHA512 },
};

export const digestMechanisms: Record<DigestAlgorithm, number> = {
  'SHA-1': p.CKM_SHA_1,
  'SHA-256': p.CKM_SHA256,
  'SHA-384': p.CKM_SHA384,
  'SHA-512': p.CKM_SHA512,
};

export function encryptionMechanism(mechanism: EncryptionMechanism): p.Mechanism {
  const parameter: p.AesGCM = {
    type: p.CK_PARAMS_AES_GCM_v240,
    iv: mechanism.iv,
    ivBits: mechanism.iv.length * 8,
    // softhsm-notes: an omitted tagBits is sent as 0 and SoftHSM then emits no tag at all.
    tagBits: gcmTagBits(mechanism),
    ...(mechanism.aad && mechanism.aad.length > 0 ? { aad: mechanism.aad } : {}),
  };
  return { mechanism: p.CKM_AES_GCM, parameter };
}

/** The mechanism and the bytes actually handed to C_Sign / C_Verify. */
export function signatureMechanism(mechanism: SignatureMechanism, data: Buffer): { mechanism: p.Mechanism; input: Buffer } {
  switch (mechanism.name) {
    case 'RSA-PKCS':
      return { mechanism: { mechanism: rsaPkcsMechanisms[mechanism.hash] }, input: data };
    case 'RSA-PSS': {
      const pss = rsaPssMechanisms[mechanism.hash];
      const parameter: p.RsaPSS = {
        type: p.CK_PARAMS_RSA_PSS,
        hashAlg: pss.hashAlg,
        mgf: pss.mgf,
        saltLen: mechanism.saltLength ?? hashLengths[mechanism.hash],
      };
      return { mechanism: { mechanism: pss.mechanism, parameter }, input: data };
    }
    case 'ECDSA':
      return {
        mechanism: { mechanism: p.CKM_ECDSA },
        input: createHash(mechanism.hash.replace('-', '').toLowerCase()).update(data).digest(),
      };
  }
}

export function wrapMechanism(mechanism: WrapMechanism): p.Mechanism {
  return { mechanism: mechanism.name === 'AES-KEY-WRAP' ? p.CKM_AES_KEY_WRAP : p.CKM_AES_KEY_WRAP_PAD };
}
