// How the rest of the program gets an engine: a function from a folder to an open engine, so that the
// choice of engine is made once, at the composition root.

import type { HsmEngine } from './hsm-engine.port';
import { InMemoryEngine, InMemoryTokenStore } from './in-memory';
import { SoftHsmEngine } from './softhsm/softhsm-engine';

export type HsmEngineFactory = (directory: string) => Promise<HsmEngine>;

export function softHsmEngineFactory(libraryPath?: string): HsmEngineFactory {
  return (directory) => SoftHsmEngine.open({ directory, ...(libraryPath ? { libraryPath } : {}) });
}

/** Engines over the same folder share their token objects for the life of this process. */
export function inMemoryEngineFactory(): HsmEngineFactory {
  const stores = new Map<string, InMemoryTokenStore>();
  return async (directory) => {
    const store = stores.get(directory) ?? new InMemoryTokenStore();
    stores.set(directory, store);
    return new InMemoryEngine(store);
  };
}
