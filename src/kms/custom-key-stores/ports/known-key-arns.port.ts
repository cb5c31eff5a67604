// The ARNs of every KMS key a custom key store has a record of (any state, deleted ones whose record
// remains included), from the KMS key service; the custom key store services never import it.

export type KnownKeyArns = (customKeyStoreId: string) => ReadonlySet<string>;
