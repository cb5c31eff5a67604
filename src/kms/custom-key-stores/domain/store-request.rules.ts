// What a CreateCustomKeyStore or UpdateCustomKeyStore request must hold (aws-behaviour 2.1, 2.5), and when
// a create repeats one already done.

import { timingSafeEqual } from 'node:crypto';
import { ValidationException } from '../../kms.errors';
import type { CustomKeyStoreRecord } from './custom-key-store';
import { ConnectionState } from './custom-key-store.states';
import { sameCertificate } from './same-certificate';

/** KeyStorePasswordType: 7-32 characters. */
const PASSWORD_LENGTH = { min: 7, max: 32 } as const;

export interface StoreProperties {
  readonly name: string;
  readonly clusterId: string;
  readonly trustAnchor: string;
  readonly password: string;
}

export function required(value: string | undefined, member: string): string {
  if (value === undefined) throw new ValidationException(`${member} is required for a custom key store of type AWS_CLOUDHSM.`);
  return value;
}

export function checkPasswordLength(password: string): void {
  const constraint =
    password.length < PASSWORD_LENGTH.min
      ? `Member must have length greater than or equal to ${PASSWORD_LENGTH.min}`
      : password.length > PASSWORD_LENGTH.max
        ? `Member must have length less than or equal to ${PASSWORD_LENGTH.max}`
        : undefined;
  // The password is sensitive: like AWS, the message names the member but never shows the value.
  if (constraint) throw new ValidationException(`1 validation error detected: Value at 'keyStorePassword' failed to satisfy constraint: ${constraint}`);
}

function sameSecret(a: string, b: string): boolean {
  const first = Buffer.from(a);
  const second = Buffer.from(b);
  return first.length === second.length && timingSafeEqual(first, second);
}

/** 2.1: a retry with every property of an existing DISCONNECTED store, the password included (open question 30). */
export function isRetryOf(store: CustomKeyStoreRecord, request: StoreProperties): boolean {
  return (
    store.connectionState === ConnectionState.DISCONNECTED &&
    store.name === request.name &&
    store.cloudHsmClusterId === request.clusterId &&
    sameCertificate(store.trustAnchorCertificate, request.trustAnchor) &&
    sameSecret(store.keyStorePassword, request.password)
  );
}
