// The simulated clock's offset as one document in the control plane's SQLite database.

import type { ClockOffsetRepository } from '../../shared/clock-offset.repository';
import { DocumentStore } from './document-store';
import type { SqliteDatabase } from './sqlite-database';

const ID = 'simulated-clock';
const SCOPE = 'simulator';

interface ClockDocument {
  readonly [key: string]: unknown;
  readonly offsetMs: number;
}

export class SqliteClockOffsetRepository implements ClockOffsetRepository {
  private readonly settings: DocumentStore<ClockDocument>;

  constructor(database: SqliteDatabase) {
    this.settings = new DocumentStore(database, 'simulator_settings');
  }

  load(): number {
    return this.settings.get(ID)?.offsetMs ?? 0;
  }

  save(offsetMs: number): void {
    this.settings.put(ID, SCOPE, { offsetMs });
  }
}
