import { checkPin } from '../engine-limits';
import type { KeyHandle, KeyObjectOptions, KeyQuery } from '../hsm-engine.types';
import { Ckr, HsmError } from '../hsm-error';
import { InMemoryKey, type KeyOrigin } from './in-memory-key';
import { InMemorySession } from './in-memory-session';
import type { InMemoryToken } from './in-memory-token';
import { KeyHandleTable } from './key-handle-table';
import type { KeyMaterial } from './key-material';

export class InMemorySlot {
  private readonly sessions = new Set<InMemorySession>();
  private readonly sessionObjects = new Map<InMemoryKey, InMemorySession>();
  private readonly handles: KeyHandleTable;
  private loggedIn = false;

  constructor(
    readonly token: InMemoryToken,
    nextHandle: () => KeyHandle,
  ) {
    this.handles = new KeyHandleTable(nextHandle);
  }

  open(): InMemorySession {
    const session = new InMemorySession(this);
    this.sessions.add(session);
    return session;
  }

  detach(session: InMemorySession): void {
    this.sessions.delete(session);
    for (const [key, owner] of this.sessionObjects) {
      if (owner === session) this.forget(key);
    }
    // SoftHSM: closing the last session of a token logs the token out.
    if (this.sessions.size === 0) this.loggedIn = false;
  }

  closeAll(): void {
    for (const session of [...this.sessions]) session.terminate();
  }

  login(userPin: string, operation: string): void {
    if (this.loggedIn) throw new HsmError(Ckr.USER_ALREADY_LOGGED_IN, operation);
    if (!this.token.userPinMatches(userPin)) throw new HsmError(Ckr.PIN_INCORRECT, operation);
    this.loggedIn = true;
  }

  logout(operation: string): void {
    this.requireLoggedIn(operation);
    this.loggedIn = false;
  }

  changePin(oldPin: string, newPin: string, operation: string): void {
    checkPin(newPin, operation);
    this.requireLoggedIn(operation);
    if (!this.token.userPinMatches(oldPin)) throw new HsmError(Ckr.PIN_INCORRECT, operation);
    this.token.setUserPin(newPin);
  }

  requireLoggedIn(operation: string): void {
    if (!this.loggedIn) throw new HsmError(Ckr.USER_NOT_LOGGED_IN, operation);
  }

  add(material: KeyMaterial, options: KeyObjectOptions, origin: KeyOrigin, owner: InMemorySession): KeyHandle {
    const key = new InMemoryKey(material, this.token.nextSequence(), options, origin);
    if (key.token) this.token.add(key);
    else this.sessionObjects.set(key, owner);
    return this.handles.handleOf(key);
  }

  /** Every object is private (CKA_PRIVATE=true), so no handle is usable while the token is logged out. */
  resolve(handle: KeyHandle, operation: string): InMemoryKey {
    const key = this.handles.keyOf(handle);
    if (key && this.loggedIn && this.isAlive(key)) return key;
    throw new HsmError(Ckr.OBJECT_HANDLE_INVALID, operation, `handle ${handle}`);
  }

  find(query: KeyQuery): KeyHandle[] {
    if (!this.loggedIn) return [];
    return [...this.token.objectList(), ...this.sessionObjects.keys()]
      .filter((key) => key.matches(query))
      .sort((a, b) => a.sequence - b.sequence)
      .map((key) => this.handles.handleOf(key));
  }

  destroy(key: InMemoryKey): void {
    this.token.remove(key);
    this.forget(key);
  }

  private forget(key: InMemoryKey): void {
    this.sessionObjects.delete(key);
    this.handles.forget(key);
  }

  private isAlive(key: InMemoryKey): boolean {
    return this.token.holds(key) || this.sessionObjects.has(key);
  }
}
