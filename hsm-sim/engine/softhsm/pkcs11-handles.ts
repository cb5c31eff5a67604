// pkcs11js handles are 8-byte native-endian buffers; the port's KeyHandle is a number.

import type { KeyHandle } from '../hsm-engine.types';

export function toKeyHandle(handle: Buffer): KeyHandle {
  return Number(handle.readBigUInt64LE(0)) as KeyHandle;
}

export function toNativeHandle(handle: KeyHandle): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(BigInt(handle));
  return buffer;
}
