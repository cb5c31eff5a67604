// Where libsofthsm2.so lives: explicit config, then $SOFTHSM2_LIB, then the Debian/Ubuntu locations.
// The library is not on the linker path on Debian, so it is always loaded by absolute path.

import { existsSync } from 'node:fs';

export const SOFTHSM2_LIB_ENV = 'SOFTHSM2_LIB';

const KNOWN_LOCATIONS = [
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
  '/opt/homebrew/lib/softhsm/libsofthsm2.so',
];

export function resolveSoftHsmLibrary(configured?: string): string {
  const candidates = [configured, process.env[SOFTHSM2_LIB_ENV], ...KNOWN_LOCATIONS].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `libsofthsm2.so not found (looked in: ${candidates.join(', ')}). ` +
        `Run 'npm run setup' (installs the Debian packages softhsm2 and opensc) or set ${SOFTHSM2_LIB_ENV}.`,
    );
  }
  return found;
}
