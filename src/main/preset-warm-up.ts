// A preset on an empty data directory will need RSA key pairs (the simulated hardware CA, and per
// cluster its first HSM's TLS identity and the cluster CSR): generating them in the thread pool while
// the simulator starts takes about half a second off the way to a CONNECTED store.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepareRsaKeyPairs } from '../../hsm-sim/node/certificates';
import type { LoadedPreset } from '../presets/preset.types';
import { DATABASE_FILE } from './control-plane';

/** The hardware CA, then per cluster the first HSM's identity and the CSR. */
const KEY_PAIRS_FOR_CA = 1;
const KEY_PAIRS_PER_CLUSTER = 2;

/**
 * Resolves when the key pairs are ready (generated in parallel, alongside the engine self-check). A
 * data directory that already holds state needs none.
 */
export async function warmUpForPreset(loaded: LoadedPreset | undefined, dataDir: string): Promise<void> {
  if (!loaded || existsSync(join(dataDir, DATABASE_FILE))) return;
  const needed = KEY_PAIRS_FOR_CA + KEY_PAIRS_PER_CLUSTER * loaded.preset.clusters.length;
  await prepareRsaKeyPairs(needed);
}
