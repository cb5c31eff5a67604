// Where import parameters are kept until they are used or expire.

import type { ImportParameters } from './import-parameters';

export interface ImportParametersRepository {
  get(tokenId: string): ImportParameters | undefined;
  save(parameters: ImportParameters): void;
  /** Drops every parameter set whose ParametersValidTo is before `now`. */
  purgeExpired(now: Date): void;
}
