import { randomBytes } from 'node:crypto';
import type { TokenInitialization } from '../hsm-engine.port';
import { InMemoryToken } from './in-memory-token';

export class InMemoryTokenStore {
  private readonly tokens = new Map<string, InMemoryToken>();

  get(label: string): InMemoryToken | undefined {
    return this.tokens.get(label);
  }

  list(): InMemoryToken[] {
    return [...this.tokens.values()];
  }

  create(init: TokenInitialization): InMemoryToken {
    const token = new InMemoryToken(init.label, this.newSerial(), init.soPin, init.userPin);
    this.tokens.set(init.label, token);
    return token;
  }

  private newSerial(): string {
    const taken = new Set(this.list().map((token) => token.serial));
    let serial: string;
    do serial = randomBytes(8).toString('hex');
    while (taken.has(serial));
    return serial;
  }
}
