import type { TokenInfo } from '../hsm-engine.port';
import type { InMemoryKey } from './in-memory-key';
import { PinHash } from './pin-hash';

export class InMemoryToken {
  private readonly objects = new Set<InMemoryKey>();
  private soPin: PinHash;
  private userPin: PinHash;
  private lastSequence = 0;

  constructor(
    readonly label: string,
    readonly serial: string,
    soPin: string,
    userPin: string,
  ) {
    this.soPin = PinHash.of(soPin);
    this.userPin = PinHash.of(userPin);
  }

  info(): TokenInfo {
    return { label: this.label, serial: this.serial, userPinInitialized: true };
  }

  soPinMatches(pin: string): boolean {
    return this.soPin.matches(pin);
  }

  userPinMatches(pin: string): boolean {
    return this.userPin.matches(pin);
  }

  setUserPin(pin: string): void {
    this.userPin = PinHash.of(pin);
  }

  reinitialize(soPin: string, userPin: string): void {
    this.objects.clear();
    this.soPin = PinHash.of(soPin);
    this.userPin = PinHash.of(userPin);
  }

  nextSequence(): number {
    return ++this.lastSequence;
  }

  objectList(): InMemoryKey[] {
    return [...this.objects];
  }

  holds(key: InMemoryKey): boolean {
    return this.objects.has(key);
  }

  add(key: InMemoryKey): void {
    this.objects.add(key);
  }

  remove(key: InMemoryKey): void {
    this.objects.delete(key);
  }
}
