// Where the EC2 view is kept: one document table per kind in the control plane's SQLite database,
// each document scoped to its account and region.

import { inject, injectable } from 'tsyringe';
import { DocumentStore } from '../adapters/sqlite/document-store';
import type { SqliteDatabase } from '../adapters/sqlite/sqlite-database';
import type { Ec2Scope } from './domain/ec2-scope';
import type { NetworkInterfaceRecord } from './domain/network-interface';
import type { SecurityGroupRecord } from './domain/security-group';
import type { SubnetRecord } from './domain/subnet';
import type { VpcRecord } from './domain/vpc';
import { Ec2Tokens } from './ec2.tokens';

type ScopedRecord = Ec2Scope & { readonly id: string; readonly [key: string]: unknown };

/** Documents of one kind, visible only in the account and region they belong to. */
export class ScopedDocuments<T extends ScopedRecord> {
  constructor(private readonly store: DocumentStore<T>) {}

  get(scope: Ec2Scope, id: string): T | undefined {
    const record = this.store.get(id);
    return record && scopeKey(record) === scopeKey(scope) ? record : undefined;
  }

  list(scope: Ec2Scope): T[] {
    return this.store.list(scopeKey(scope));
  }

  put(record: T): void {
    this.store.put(record.id, scopeKey(record), record);
  }

  delete(record: T): void {
    this.store.delete(record.id);
  }
}

function scopeKey(scope: Ec2Scope): string {
  return `${scope.accountId}/${scope.region}`;
}

@injectable()
export class Ec2Repository {
  readonly vpcs: ScopedDocuments<VpcRecord>;
  readonly subnets: ScopedDocuments<SubnetRecord>;
  readonly securityGroups: ScopedDocuments<SecurityGroupRecord>;
  readonly networkInterfaces: ScopedDocuments<NetworkInterfaceRecord>;

  constructor(@inject(Ec2Tokens.Database) private readonly database: SqliteDatabase) {
    this.vpcs = new ScopedDocuments(new DocumentStore<VpcRecord>(database, 'network_vpc'));
    this.subnets = new ScopedDocuments(new DocumentStore<SubnetRecord>(database, 'network_subnet'));
    this.securityGroups = new ScopedDocuments(new DocumentStore<SecurityGroupRecord>(database, 'network_security_group'));
    this.networkInterfaces = new ScopedDocuments(new DocumentStore<NetworkInterfaceRecord>(database, 'network_interface'));
  }

  /** One mutation, committed whole or not at all; nested calls join the outer transaction. */
  transaction<T>(work: () => T): T {
    return this.database.transaction(work);
  }
}
