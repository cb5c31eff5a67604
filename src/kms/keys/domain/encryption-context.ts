// The encryption context as additional authenticated data (API_Encrypt: "the same encryption context
// is required to decrypt"): one canonical byte string per context, whatever order the caller sent.

export type EncryptionContext = Readonly<Record<string, string>>;

/** Its pairs sorted by key (UTF-16 code units), as JSON `[[key, value], ...]`; no context and {} are the same. */
export function canonicalEncryptionContext(context: EncryptionContext | undefined): Buffer {
  const pairs = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(pairs), 'utf8');
}
