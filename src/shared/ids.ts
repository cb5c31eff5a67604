// Resource ids in AWS's own patterns (aws-behaviour 6.1), from an injectable source of randomness so
// tests can make them repeatable.

import { randomBytes } from 'node:crypto';

export type RandomSource = (bytes: number) => Buffer;

/** cluster-, hsm-, backup-: `[2-7a-zA-Z]{11,16}`; AWS shows lower case. */
const CLOUDHSM_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const HEX = '0123456789abcdef';

export class IdGenerator {
  constructor(private readonly random: RandomSource = randomBytes) {}

  /** e.g. cluster-igklspoyj5v, hsm-ted36yp5b2x, backup-ro5c4er4aac */
  cloudHsm(prefix: 'cluster' | 'hsm' | 'backup'): string {
    return `${prefix}-${this.draw(CLOUDHSM_ALPHABET, 11)}`;
  }

  /** e.g. subnet-0a1b2c3d4e5f67890, sg-..., eni-..., vpc-... (17 hex digits, as current EC2 ids). */
  ec2(prefix: 'vpc' | 'subnet' | 'sg' | 'eni' | 'sgr'): string {
    return `${prefix}-${this.draw(HEX, 17)}`;
  }

  /** KMS custom key store ids: cks-<17 hex>. */
  customKeyStore(): string {
    return `cks-${this.draw(HEX, 17)}`;
  }

  uuid(): string {
    const bytes = this.random(16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private draw(alphabet: string, length: number): string {
    const bytes = this.random(length);
    return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
  }
}

/** Deterministic randomness for tests: the same seed gives the same ids. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0 || 1;
  return (count) => {
    const bytes = Buffer.alloc(count);
    for (let index = 0; index < count; index += 1) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      bytes[index] = (state >>> 0) & 0xff;
    }
    return bytes;
  };
}
