// What an alias name may be (API_CreateAlias), beyond the model's pattern ^[a-zA-Z0-9:/_-]+$.

import { InvalidAliasNameException, NotAuthorizedException, ValidationException } from '../../kms.errors';
import { ALIAS_PREFIX } from './key-reference';

// API_CreateAlias: "The alias/aws/ prefix is reserved for AWS managed keys."
const RESERVED_PREFIX = 'alias/aws/';

export function checkAliasName(aliasName: string): void {
  // The message real KMS sends (observed).
  if (!aliasName.startsWith(ALIAS_PREFIX)) {
    throw new ValidationException(`Alias must start with the prefix "${ALIAS_PREFIX}". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html`);
  }
  if (aliasName === ALIAS_PREFIX) throw new InvalidAliasNameException(`An alias name needs a name after "${ALIAS_PREFIX}", e.g. alias/ExampleAlias.`);
  // The model's pattern allows ':' but the name does not (observed message).
  if (aliasName.includes(':')) throw new ValidationException(`${aliasName} contains invalid characters for an alias`);
  if (aliasName.startsWith(RESERVED_PREFIX)) throw new NotAuthorizedException(`${RESERVED_PREFIX} is reserved for AWS managed keys: choose another alias name.`);
}
