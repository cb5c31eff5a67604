// Feeds the trail from the endpoint: every answered request of a recorded service (KMS, CloudHSM V2) that
// got as far as an operation and a caller becomes an AwsApiCall event, success or error.

import type { AnsweredListener, ServiceModel } from '../wire';
import type { CloudTrailRecorder } from './cloudtrail-recorder.service';
import { EVENT_SOURCES } from './recorded-operations.rules';

/** `models`: the recorded services' models, whose shapes say what requestParameters and responseElements show. */
export function apiCallListener(recorder: CloudTrailRecorder, models: readonly ServiceModel[]): AnsweredListener {
  const bySigningName = new Map(models.map((model) => [model.metadata.signingName, model]));
  return (context, _status, exchange) => {
    const { service, operation: name, accountId, region } = context;
    if (service === undefined || name === undefined || accountId === undefined || region === undefined) return;
    const eventSource = EVENT_SOURCES[service];
    const operation = bySigningName.get(service)?.operation(name);
    if (eventSource === undefined || operation === undefined) return;
    recorder.recordApiCall({
      requestId: context.requestId,
      eventSource,
      operation,
      accountId,
      region,
      accessKeyId: context.accessKeyId,
      ...(exchange.sourceIpAddress !== undefined ? { sourceIpAddress: exchange.sourceIpAddress } : {}),
      ...(exchange.userAgent !== undefined ? { userAgent: exchange.userAgent } : {}),
      ...(exchange.input !== undefined ? { input: exchange.input } : {}),
      ...(exchange.output !== undefined ? { output: exchange.output } : {}),
      ...(context.errorCode !== undefined ? { errorCode: context.errorCode } : {}),
      ...(exchange.errorMessage !== undefined ? { errorMessage: exchange.errorMessage } : {}),
    });
  };
}
