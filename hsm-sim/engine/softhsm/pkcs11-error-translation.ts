// pkcs11js errors -> HsmError with the CKR_* name. Callers branch on the code, never on the text.

import * as pkcs11js from 'pkcs11js';
import { HsmError, type CkrCode } from '../hsm-error';

const codeNames = new Map<number, CkrCode>();
for (const [name, value] of Object.entries(pkcs11js)) {
  if (name.startsWith('CKR_') && typeof value === 'number' && !codeNames.has(value)) {
    codeNames.set(value, name as CkrCode);
  }
}

/** Some pkcs11js calls (C_SetAttributeValue) throw a plain Error whose message is "CKR_NAME:code". */
const PLAIN_ERROR_FORMAT = /^(CKR_[A-Z0-9_]+):(\d+)/;

export function pkcs11CodeName(code: number): CkrCode {
  return codeNames.get(code) ?? `CKR_0x${code.toString(16).padStart(8, '0')}`;
}

export function translatePkcs11Error(error: unknown, operation: string): Error {
  if (error instanceof HsmError) return error;
  if (error instanceof pkcs11js.Pkcs11Error) return new HsmError(pkcs11CodeName(error.code), operation);
  const plain = error instanceof Error ? PLAIN_ERROR_FORMAT.exec(error.message) : null;
  if (plain) return new HsmError(pkcs11CodeName(Number(plain[2])), operation);
  return error instanceof Error ? error : new Error(String(error));
}
