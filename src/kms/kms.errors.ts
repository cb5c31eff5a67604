// KMS exceptions (aws-behaviour 1.3, 2): named exactly as the KMS model names them; src/wire sends 400
// for every client error, 500 for server faults, 503 for DependencyTimeoutException.

import { awsException } from '../shared/aws-exception';

// Shared by custom key stores and KMS keys.
export const CustomKeyStoreNotFoundException = awsException('CustomKeyStoreNotFoundException');
export const CustomKeyStoreInvalidStateException = awsException('CustomKeyStoreInvalidStateException');
export const UnsupportedOperationException = awsException('UnsupportedOperationException');
export const LimitExceededException = awsException('LimitExceededException');
export const InvalidMarkerException = awsException('InvalidMarkerException');
/** Not in the KMS model: the common awsJson error (aws-behaviour 1.3), for rules KMS checks beyond the model's constraints. */
export const ValidationException = awsException('ValidationException');

// KMS keys.
export const NotFoundException = awsException('NotFoundException');
export const InvalidArnException = awsException('InvalidArnException');
export const DisabledException = awsException('DisabledException');
export const KMSInvalidStateException = awsException('KMSInvalidStateException');
export const InvalidCiphertextException = awsException('InvalidCiphertextException');
export const IncorrectKeyException = awsException('IncorrectKeyException');
export const InvalidKeyUsageException = awsException('InvalidKeyUsageException');
export const DryRunOperationException = awsException('DryRunOperationException');
export const KMSInvalidSignatureException = awsException('KMSInvalidSignatureException');
export const KMSInvalidMacException = awsException('KMSInvalidMacException');
export const AlreadyExistsException = awsException('AlreadyExistsException');
export const InvalidAliasNameException = awsException('InvalidAliasNameException');
export const TagException = awsException('TagException');
export const MalformedPolicyDocumentException = awsException('MalformedPolicyDocumentException');
/** Not in the KMS model: real KMS answers CreateAlias on the reserved alias/aws/ prefix with it (no message). */
export const NotAuthorizedException = awsException('NotAuthorizedException');
/** Not in the KMS model: the common awsJson error, which KMS sends when a ciphertext's key is gone or elsewhere. */
export const AccessDeniedException = awsException('AccessDeniedException');

// Custom key stores (aws-behaviour 2.1-2.6, 5).
export const CustomKeyStoreNameInUseException = awsException('CustomKeyStoreNameInUseException');
export const CustomKeyStoreHasCMKsException = awsException('CustomKeyStoreHasCMKsException');
export const CloudHsmClusterNotFoundException = awsException('CloudHsmClusterNotFoundException');
export const CloudHsmClusterNotActiveException = awsException('CloudHsmClusterNotActiveException');
export const CloudHsmClusterInUseException = awsException('CloudHsmClusterInUseException');
export const CloudHsmClusterNotRelatedException = awsException('CloudHsmClusterNotRelatedException');
export const CloudHsmClusterInvalidConfigurationException = awsException('CloudHsmClusterInvalidConfigurationException');
export const IncorrectTrustAnchorException = awsException('IncorrectTrustAnchorException');
export const KMSInternalException = awsException('KMSInternalException', 'server');

// 2.9: limits and transient failures of the cryptographic operations.
export const ThrottlingException = awsException('ThrottlingException');
/** Retryable: the key's HSMs accepted the work but did not answer in time. */
export const KeyUnavailableException = awsException('KeyUnavailableException', 'server');
export const InvalidGrantTokenException = awsException('InvalidGrantTokenException');
/** 503: the system timed out reaching what it depends on (here: the handshake with the cluster's HSMs). */
export const DependencyTimeoutException = awsException('DependencyTimeoutException', 'server', 503);

// Grants, rotation, imported key material.
export const InvalidGrantIdException = awsException('InvalidGrantIdException');
export const ConflictException = awsException('ConflictException');
export const InvalidImportTokenException = awsException('InvalidImportTokenException');
export const ExpiredImportTokenException = awsException('ExpiredImportTokenException');
export const IncorrectKeyMaterialException = awsException('IncorrectKeyMaterialException');
