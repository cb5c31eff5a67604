// Secrets never reach a log, a describe or an error: passwords, PINs and KeyStorePassword are replaced.

const SECRET_KEY_PATTERN = /(password|passwd|pswd|pin|secret|plaintext)$/i;
export const REDACTED = '**redacted**';

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY_PATTERN.test(key) ? REDACTED : redact(inner)]),
  );
}
