// What GetParametersForImport handed out (API_GetParametersForImport): the wrapping key pair's private
// half (sealed by the KeyMaterialVault) behind an import token, valid for 24 hours.

export interface ImportParameters {
  readonly [key: string]: unknown;
  /** 64 hex digits, the import token's body. */
  readonly tokenId: string;
  readonly accountId: string;
  readonly region: string;
  readonly keyId: string;
  readonly wrappingAlgorithm: string;
  readonly wrappingKeySpec: string;
  /** PKCS#8 DER of the wrapping private key, sealed. */
  readonly sealedPrivateKey: Buffer;
  readonly validTo: Date;
}
