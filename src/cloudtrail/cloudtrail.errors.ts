// CloudTrail exceptions of LookupEvents, named as the CloudTrail model names them (all client faults).

import { awsException } from '../shared/aws-exception';

export const InvalidLookupAttributesException = awsException('InvalidLookupAttributesException');
export const InvalidTimeRangeException = awsException('InvalidTimeRangeException');
export const InvalidNextTokenException = awsException('InvalidNextTokenException');
