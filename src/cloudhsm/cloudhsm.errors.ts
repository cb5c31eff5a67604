// CloudHSM V2 exceptions (aws-behaviour 1.3): each has one member, Message.

import { awsException } from '../shared/aws-exception';

export const CloudHsmAccessDeniedException = awsException('CloudHsmAccessDeniedException');
export const CloudHsmInternalFailureException = awsException('CloudHsmInternalFailureException', 'server');
export const CloudHsmInvalidRequestException = awsException('CloudHsmInvalidRequestException');
export const CloudHsmResourceLimitExceededException = awsException('CloudHsmResourceLimitExceededException');
export const CloudHsmResourceNotFoundException = awsException('CloudHsmResourceNotFoundException');
export const CloudHsmServiceException = awsException('CloudHsmServiceException');
export const CloudHsmTagException = awsException('CloudHsmTagException');
