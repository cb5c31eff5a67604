export { InMemoryEngine } from './in-memory-engine';
export { InMemoryTokenStore } from './in-memory-token-store';
