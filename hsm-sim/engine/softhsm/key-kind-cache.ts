// Class and key type per object handle, read once: the mechanism check runs on every crypto call, and
// reading a token object's attributes makes SoftHSM re-open its file. Handles are never reused by
// SoftHSM within a process, so an entry only goes stale when its object is destroyed.

import * as p from 'pkcs11js';
import type { KeyKind } from '../key-compatibility';
import type { KeyHandle } from '../hsm-engine.types';
import { classCodes, keyTypeCodes } from './pkcs11-templates';

const classByCode = new Map(Object.entries(classCodes).map(([name, code]) => [code, name as KeyKind['class']]));
const keyTypeByCode = new Map(Object.entries(keyTypeCodes).map(([name, code]) => [code, name as KeyKind['keyType']]));

export class KeyKindCache {
  private readonly kinds = new Map<KeyHandle, KeyKind>();

  remember(key: KeyHandle, kind: KeyKind): void {
    this.kinds.set(key, kind);
  }

  forget(key: KeyHandle): void {
    this.kinds.delete(key);
  }

  clear(): void {
    this.kinds.clear();
  }

  kindOf(key: KeyHandle, read: (types: number[]) => Map<number, Buffer>): KeyKind {
    const cached = this.kinds.get(key);
    if (cached) return cached;
    const values = read([p.CKA_CLASS, p.CKA_KEY_TYPE]);
    const keyClass = classByCode.get(values.get(p.CKA_CLASS)?.readUInt32LE(0) ?? -1);
    const keyType = keyTypeByCode.get(values.get(p.CKA_KEY_TYPE)?.readUInt32LE(0) ?? -1);
    if (!keyClass || !keyType) throw new Error(`object ${key} is not a key this engine knows`);
    const kind = { class: keyClass, keyType };
    this.kinds.set(key, kind);
    return kind;
  }
}
