// The wire layer's public face: the endpoint, the models it serves, and the types services see.

export { type AdminRequest, type AdminResponse, type AdminRouteHandler, type TakeOverHandler } from './admin-router';
export { type AnsweredListener, AwsEndpoint, type AwsEndpointOptions, DEFAULT_MAX_BODY_BYTES } from './aws-endpoint';
export { cloudHsmV2Model, cloudTrailModel, ec2Model, kmsModel } from './aws-models';
export { type AuthenticationOptions, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type KeyPair } from './request-authenticator';
export { type AnsweredExchange, type RequestLogContext } from './request-dispatcher';
export { ServiceModel } from './service-model';
export type { OperationHandler, OperationHandlers, RequestContext, WireStructure, WireValue } from './wire.types';
