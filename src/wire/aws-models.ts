// The AWS service models the simulator serves, loaded once (src/wire/models, extracted from
// botocore by scripts/models/extract-aws-models.py).

import cloudHsmV2Json from './models/cloudhsmv2.model.json';
import cloudTrailJson from './models/cloudtrail.model.json';
import ec2Json from './models/ec2.model.json';
import kmsJson from './models/kms.model.json';
import { loadServiceModel } from './service-model.loader';

export const cloudHsmV2Model = loadServiceModel(cloudHsmV2Json);
export const kmsModel = loadServiceModel(kmsJson);
export const ec2Model = loadServiceModel(ec2Json);
/** LookupEvents only: the trail of src/cloudtrail. */
export const cloudTrailModel = loadServiceModel(cloudTrailJson);
