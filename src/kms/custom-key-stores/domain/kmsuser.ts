// The crypto user KMS logs in as (aws-behaviour 2.2 steps 4-5), and the passwords KMS gives it.

import { randomBytes } from 'node:crypto';

export const KMSUSER = 'kmsuser';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 7.3: kmsuser passwords are 7-32 alphanumeric characters; KMS picks the longest.
const ROTATED_PASSWORD_LENGTH = 32;
/** The largest multiple of 62 below 256: bytes at or above it are drawn again, so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % ALPHANUMERIC.length);

/** 2.2 step 5: the password only KMS knows, set on every connect. */
export function newKmsuserPassword(): string {
  let password = '';
  while (password.length < ROTATED_PASSWORD_LENGTH) {
    for (const byte of randomBytes(ROTATED_PASSWORD_LENGTH)) {
      if (byte < UNBIASED_LIMIT && password.length < ROTATED_PASSWORD_LENGTH) password += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    }
  }
  return password;
}
