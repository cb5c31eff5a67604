import { checkPin, checkTokenLabel } from '../engine-limits';
import type { HsmEngine, HsmSession, TokenInfo, TokenInitialization } from '../hsm-engine.port';
import type { KeyHandle } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { InMemorySlot } from './in-memory-slot';
import type { InMemoryToken } from './in-memory-token';
import { InMemoryTokenStore } from './in-memory-token-store';

export class InMemoryEngine implements HsmEngine {
  readonly name = 'in-memory';
  private readonly slots = new Map<InMemoryToken, InMemorySlot>();
  private lastHandle = 0;
  private closed = false;

  /** Engines given the same store see the same tokens and token objects, as if reopening one token folder. */
  constructor(private readonly store: InMemoryTokenStore = new InMemoryTokenStore()) {}

  async initToken(init: TokenInitialization): Promise<TokenInfo> {
    this.requireOpen('C_InitToken');
    checkTokenLabel(init.label, 'C_InitToken');
    checkPin(init.soPin, 'C_InitToken');
    checkPin(init.userPin, 'C_InitPIN');
    const existing = this.store.get(init.label);
    if (!existing) return this.store.create(init).info();
    // SoftHSM: C_InitToken needs the token's sessions closed, so they close even when the SO PIN is wrong.
    this.slots.get(existing)?.closeAll();
    this.slots.delete(existing);
    if (!existing.soPinMatches(init.soPin)) throw new HsmError(Ckr.PIN_INCORRECT, 'C_InitToken');
    existing.reinitialize(init.soPin, init.userPin);
    return existing.info();
  }

  findToken(label: string): TokenInfo | undefined {
    this.requireOpen('C_GetTokenInfo');
    return this.store.get(label)?.info();
  }

  listTokens(): TokenInfo[] {
    this.requireOpen('C_GetTokenInfo');
    return this.store.list().map((token) => token.info());
  }

  async openSession(tokenLabel: string): Promise<HsmSession> {
    this.requireOpen('C_OpenSession');
    const token = this.store.get(tokenLabel);
    if (!token) throw new HsmError(Ckr.TOKEN_NOT_PRESENT, 'C_OpenSession', `no token labelled "${tokenLabel}"`);
    return this.slotOf(token).open();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.values()) slot.closeAll();
    this.slots.clear();
  }

  private slotOf(token: InMemoryToken): InMemorySlot {
    const existing = this.slots.get(token);
    if (existing) return existing;
    const slot = new InMemorySlot(token, () => ++this.lastHandle as KeyHandle);
    this.slots.set(token, slot);
    return slot;
  }

  private requireOpen(operation: string): void {
    if (this.closed) throw new HsmError(Ckr.GENERAL_ERROR, operation, 'engine is closed');
  }
}
