// The one KMS client of the end-to-end rows, the same for the simulator and for moto: SigV4-signed
// requests over keep-alive connections, enough sockets for the highest concurrency.

import { Agent } from 'node:http';
import { KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export const KMS_REGION = 'us-east-2';
const MAX_SOCKETS = 64;
/** The example keys of the AWS docs, as the e2e tests' aws CLI uses. */
const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export function createKmsClient(endpoint: string): KMSClient {
  return new KMSClient({
    endpoint,
    region: KMS_REGION,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }) }),
  });
}
