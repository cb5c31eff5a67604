// The one KMS client of the end-to-end rows, the same for the simulator and for moto: the signed JSON
// client of src/shared (aws4 over keep-alive connections), pointed at KMS in the bench's Region.

import { EXAMPLE_CREDENTIALS, KMS_SERVICE, SignedJsonClient, type AwsJson } from '../../src/shared/signed-json.client';

export { AwsServiceError as KmsServiceError } from '../../src/shared/signed-json.client';

export const KMS_REGION = 'us-east-2';
/** The example keys of the AWS docs, as the e2e tests' aws CLI uses. */
export const CREDENTIALS = EXAMPLE_CREDENTIALS;

export type KmsJson = AwsJson;

export class KmsClient extends SignedJsonClient {
  constructor(readonly endpoint: string) {
    super(endpoint, KMS_SERVICE, { region: KMS_REGION, credentials: CREDENTIALS, maxSockets: 64 });
  }
}
