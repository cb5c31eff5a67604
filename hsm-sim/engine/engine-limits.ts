// Argument rules that both engines check before touching key material, so they fail alike.

import { Ckr, HsmError } from './hsm-error';
import type { AesGcmMechanism, SecretKeySpec } from './hsm-engine.types';

export const TOKEN_LABEL_MAX_BYTES = 32;
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 255;
export const GCM_IV_BYTES = 12;

export function checkTokenLabel(label: string, operation: string): void {
  const bytes = Buffer.byteLength(label, 'utf8');
  if (bytes === 0 || bytes > TOKEN_LABEL_MAX_BYTES) {
    throw new HsmError(Ckr.ARGUMENTS_BAD, operation, `token label must be 1-${TOKEN_LABEL_MAX_BYTES} bytes`);
  }
}

export function checkPin(pin: string, operation: string): void {
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
    throw new HsmError(Ckr.PIN_LEN_RANGE, operation, `PIN must be ${PIN_MIN_LENGTH}-${PIN_MAX_LENGTH} characters`);
  }
}

export function checkSecretKeySpec(spec: SecretKeySpec, operation: string): void {
  const valid =
    spec.type === 'AES'
      ? [128, 192, 256].includes(spec.bits)
      : Number.isInteger(spec.bits) && spec.bits % 8 === 0 && spec.bits >= 8 && spec.bits <= 2048;
  if (!valid) throw new HsmError(Ckr.KEY_SIZE_RANGE, operation, `${spec.type} key of ${spec.bits} bits`);
}

export function checkGcmParameters(mechanism: AesGcmMechanism, operation: string): void {
  if (mechanism.iv.length !== GCM_IV_BYTES) {
    throw new HsmError(Ckr.MECHANISM_PARAM_INVALID, operation, `AES-GCM IV must be ${GCM_IV_BYTES} bytes`);
  }
}

/** pkcs11js refuses empty input buffers, so the port does too, alike in every engine. */
export function checkDataPresent(data: Buffer, operation: string): void {
  if (data.length === 0) throw new HsmError(Ckr.ARGUMENTS_BAD, operation, 'input must not be empty');
}

export function gcmTagBits(mechanism: AesGcmMechanism): number {
  return mechanism.tagBits ?? 128;
}
