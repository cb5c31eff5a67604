// Reading the --ca-file an admin tool verifies the HSMs with.

import { readFile } from 'node:fs/promises';
import { CommandLineError } from './command-line-error';

export async function readTrustAnchor(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandLineError(`cannot read --ca-file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new CommandLineError(`--ca-file ${path} holds no PEM certificate: give the cluster's customerCA.crt`);
  return pem;
}
