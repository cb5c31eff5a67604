// Import parameters as documents in the control plane's SQLite database.

import { DocumentStore } from '../../../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../../../adapters/sqlite/sqlite-database';
import type { ImportParameters } from './import-parameters';
import type { ImportParametersRepository } from './import-parameters.repository';

export class SqliteImportParametersRepository implements ImportParametersRepository {
  private readonly parameters: DocumentStore<ImportParameters>;

  constructor(database: SqliteDatabase) {
    this.parameters = new DocumentStore(database, 'kms_import_parameters');
  }

  get(tokenId: string): ImportParameters | undefined {
    return this.parameters.get(tokenId);
  }

  save(parameters: ImportParameters): void {
    this.parameters.put(parameters.tokenId, parameters.keyId, parameters);
  }

  purgeExpired(now: Date): void {
    for (const parameters of this.parameters.list()) {
      if (parameters.validTo.getTime() < now.getTime()) this.parameters.delete(parameters.tokenId);
    }
  }
}
