// A private softhsm2.conf for one engine: its own token directory, the file object store.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SoftHsmDirectories {
  readonly configFile: string;
  readonly tokenDir: string;
}

export function writeSoftHsmConfig(directory: string): SoftHsmDirectories {
  const tokenDir = join(directory, 'tokens');
  const configFile = join(directory, 'softhsm2.conf');
  mkdirSync(tokenDir, { recursive: true, mode: 0o700 });
  writeFileSync(
    configFile,
    [
      '# Written by cloudhsm-sim for this engine only.',
      `directories.tokendir = ${tokenDir}`,
      // Debian's build has only the file backend ("db" fails with "Could not select token backend").
      'objectstore.backend = file',
      'log.level = ERROR',
      'slots.removable = false',
      'slots.mechanisms = ALL',
      'library.reset_on_fork = false',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return { configFile, tokenDir };
}
