import { randomBytes, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// A test engine needs a real hash, not a slow one: 2^10 instead of scrypt's default 2^14 (~35 ms a hash).
const TEST_ENGINE_COST: ScryptOptions = { N: 1024 };

export class PinHash {
  private constructor(
    private readonly salt: Buffer,
    private readonly hash: Buffer,
  ) {}

  static of(pin: string): PinHash {
    const salt = randomBytes(16);
    return new PinHash(salt, scryptSync(pin, salt, 32, TEST_ENGINE_COST));
  }

  matches(pin: string): boolean {
    return timingSafeEqual(scryptSync(pin, this.salt, 32, TEST_ENGINE_COST), this.hash);
  }
}
