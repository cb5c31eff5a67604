// How many KMS keys a custom key store holds, in any key state (aws-behaviour 2.6: keys pending deletion
// count). The KMS key service answers it.

export type KeyCounter = (customKeyStoreId: string) => number;
