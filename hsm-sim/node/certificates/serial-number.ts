import { randomBytes } from 'node:crypto';

// RFC 5280 4.1.2.2: a positive integer of at most 20 octets; random like `openssl x509 -CAcreateserial`.
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes.writeUInt8((bytes.readUInt8(0) & 0x7f) | 0x01, 0);
  return bytes.toString('hex');
}
