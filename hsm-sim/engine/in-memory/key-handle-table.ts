import type { KeyHandle } from '../hsm-engine.types';
import type { InMemoryKey } from './in-memory-key';

export class KeyHandleTable {
  private readonly keys = new Map<KeyHandle, InMemoryKey>();
  private readonly handles = new Map<InMemoryKey, KeyHandle>();

  constructor(private readonly nextHandle: () => KeyHandle) {}

  handleOf(key: InMemoryKey): KeyHandle {
    const existing = this.handles.get(key);
    if (existing !== undefined) return existing;
    const handle = this.nextHandle();
    this.keys.set(handle, key);
    this.handles.set(key, handle);
    return handle;
  }

  keyOf(handle: KeyHandle): InMemoryKey | undefined {
    return this.keys.get(handle);
  }

  forget(key: InMemoryKey): void {
    const handle = this.handles.get(key);
    if (handle === undefined) return;
    this.handles.delete(key);
    this.keys.delete(handle);
  }
}
