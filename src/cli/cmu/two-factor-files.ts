// The key files behind `-2fa <path>`: a public key PEM to register (createUser, changePswd) and a private key
// PEM to answer a login's challenge (loginHSM).
// SIM: real cloudhsm_mgmt_util writes an authdata JSON file of digests per HSM and reads it back signed by
// the user (7.5); here -2fa names the key files and the tool signs the challenge itself.

import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CommandLineError } from './command-line-error';

export type ChallengeSigner = (challenge: Buffer) => Buffer;

/** `option` names where the path came from, for the error (`-2fa`, `--token`). */
export async function readPublicKeyPem(path: string, option = '-2fa'): Promise<string> {
  return readKeyFile(path, 'public key', option);
}

// 7.5: the user signs each digest with its RSA key (sha256WithRSAEncryption)
export async function challengeSignerFrom(path: string): Promise<ChallengeSigner> {
  const pem = await readKeyFile(path, 'private key', '-2fa');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CommandLineError(`-2fa ${path} is not a PEM private key: give the private half of the key registered for the user`);
  }
  return (challenge) => sign('sha256', challenge, key);
}

async function readKeyFile(path: string, what: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandLineError(`cannot read the ${what} file ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
