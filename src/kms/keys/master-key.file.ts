// The simulator's KMS master key: 32 random bytes in a file of the data directory, created on first use
// (owner-only), read on every later start. Losing it makes every AWS_KMS key unusable, as intended.

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MASTER_KEY_BYTES } from './aes-gcm-key-material.vault';

export const MASTER_KEY_FILE = 'kms-master.key';

export function loadOrCreateMasterKey(dataDir: string): Buffer {
  const file = join(dataDir, MASTER_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(MASTER_KEY_BYTES), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = readFileSync(file);
  if (key.length !== MASTER_KEY_BYTES) throw new Error(`${file} holds ${key.length} bytes, not ${MASTER_KEY_BYTES}: restore it or remove the data directory`);
  return key;
}
