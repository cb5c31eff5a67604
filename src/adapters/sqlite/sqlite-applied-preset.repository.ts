// The presets a data directory holds, as documents of the simulator's settings table.

import type { AppliedPreset, AppliedPresetRepository } from '../../presets/ports/applied-preset.repository';
import { DocumentStore } from './document-store';
import type { SqliteDatabase } from './sqlite-database';

const SCOPE = 'preset';

export class SqliteAppliedPresetRepository implements AppliedPresetRepository {
  private readonly settings: DocumentStore<AppliedPreset>;

  constructor(database: SqliteDatabase) {
    this.settings = new DocumentStore(database, 'simulator_settings');
  }

  find(name: string): AppliedPreset | undefined {
    return this.settings.get(`preset:${name}`);
  }

  save(applied: AppliedPreset): void {
    this.settings.put(`preset:${applied.name}`, SCOPE, applied);
  }
}
