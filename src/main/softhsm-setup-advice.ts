// Before anything starts: is SoftHSM2 there? If not, say how to install it, from a clone (npm start
// runs scripts/ensure-setup.sh) and from an installed package alike.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSoftHsmLibrary } from '../../hsm-sim/engine/softhsm/softhsm-library-path';
import { EngineKind, type SimulatorConfig } from './simulator-config';

/** In a clone; an installed package has no scripts/. */
const ENSURE_SETUP = join(__dirname, '..', '..', '..', 'scripts', 'ensure-setup.sh');
export const APT_INSTALL = 'sudo apt-get update && sudo apt-get install -y softhsm2 opensc';

/** undefined when the engine needs no SoftHSM or the library is found; otherwise the lines to print. */
export function softHsmSetupAdvice(config: SimulatorConfig): string[] | undefined {
  if (config.engine !== EngineKind.SOFTHSM) return undefined;
  try {
    resolveSoftHsmLibrary(config.softHsmLibrary);
    return undefined;
  } catch (error) {
    return [
      `cloudhsm-sim: SoftHSM2 is missing: ${error instanceof Error ? error.message : String(error)}`,
      `cloudhsm-sim: install it (Debian, Ubuntu):  ${APT_INSTALL}`,
      ...(existsSync(ENSURE_SETUP) ? [`cloudhsm-sim: or, in this clone:  npm run setup  (${ENSURE_SETUP})`] : []),
      'cloudhsm-sim: or set SOFTHSM2_LIB to libsofthsm2.so, or start with --engine in-memory (no SoftHSM; keys in memory).',
    ];
  }
}
