// Secrets never reach a log, a describe or an error: passwords, PINs and KeyStorePassword are replaced.

/** Names of members that hold secrets: KeyStorePassword, PINs, Plaintext, an XKS proxy's RawSecretAccessKey. */
const SECRET_KEY_PATTERN = /(password|passwd|pswd|pin|secret|secretaccesskey|plaintext)$/i;
export const REDACTED = '**redacted**';

export function isSecretName(key: string): boolean {
  return SECRET_KEY_PATTERN.test(key);
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, isSecretName(key) ? REDACTED : redact(inner)]),
  );
}
