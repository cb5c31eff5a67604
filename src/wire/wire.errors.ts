// Errors the wire layer itself raises, named as AWS names them on the wire (aws-behaviour 1.3). Service
// errors are the services' own AwsException classes; these are the ones common to every request.

import { awsException } from '../shared/aws-exception';

// awsJson services (CloudHSM V2, KMS): the common errors of aws-behaviour 1.3.
export const ValidationException = awsException('ValidationException');
export const SerializationException = awsException('SerializationException');
export const UnknownOperationException = awsException('UnknownOperationException');
/** A modelled operation this simulator has no handler for yet. */
export const UnsupportedOperationException = awsException('UnsupportedOperationException');
export const InternalFailure = awsException('InternalFailure', 'server');
// SIM: AWS fronts answer an oversized body with 413; the __type is our choice.
export const RequestEntityTooLargeException = awsException('RequestEntityTooLargeException', 'client', 413);
export const UnrecognizedClientException = awsException('UnrecognizedClientException');
export const InvalidSignatureException = awsException('InvalidSignatureException');
export const IncompleteSignatureException = awsException('IncompleteSignatureException');
export const MissingAuthenticationTokenException = awsException('MissingAuthenticationTokenException', 'client', 403);
/** Temporary credentials past their expiration (the STS session-token error every JSON service answers). */
export const ExpiredTokenException = awsException('ExpiredTokenException');

// EC2 query protocol: EC2's own codes (EC2 API Reference, "Error codes").
export const InvalidAction = awsException('InvalidAction');
export const MissingParameter = awsException('MissingParameter');
export const InvalidParameterValue = awsException('InvalidParameterValue');
export const UnknownParameter = awsException('UnknownParameter');
export const UnsupportedOperation = awsException('UnsupportedOperation');
export const InternalError = awsException('InternalError', 'server');
export const RequestEntityTooLarge = awsException('RequestEntityTooLarge', 'client', 413);
export const AuthFailure = awsException('AuthFailure', 'client', 401);
export const RequestExpired = awsException('RequestExpired');
export const IncompleteSignature = awsException('IncompleteSignature');
export const MissingAuthenticationToken = awsException('MissingAuthenticationToken', 'client', 401);

/** A handler returned a value its output shape cannot hold: a bug in the service, answered as an internal error. */
export class OutputShapeError extends Error {
  override readonly name = 'OutputShapeError';
}
