// Recorded events in one table of the control plane's SQLite database: the record's JSON plus the columns
// LookupEvents filters on, in insertion order (seq). Resources are kept as newline-separated lists.

import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../adapters/sqlite/sqlite-database';
import type { StoredEvent } from './cloudtrail-event';
import type { CloudTrailEventRepository, EventQuery, FoundEvent, LookupAttributeKey } from './cloudtrail-event.repository';

const TABLE = 'cloudtrail_events';

/** The SQL condition of each lookup attribute, on one parameter. */
const ATTRIBUTE_CONDITIONS: Readonly<Record<LookupAttributeKey, string>> = {
  EventId: 'event_id = ?',
  EventName: 'event_name = ?',
  ReadOnly: 'read_only = ?',
  Username: 'username = ?',
  EventSource: 'event_source = ?',
  AccessKeyId: 'access_key_id = ?',
  ResourceType: "instr(char(10) || resource_types || char(10), char(10) || ? || char(10)) > 0",
  ResourceName: "instr(char(10) || resource_names || char(10), char(10) || ? || char(10)) > 0",
};

interface Row {
  readonly seq: number;
  readonly event_id: string;
  readonly account_id: string;
  readonly region: string;
  readonly event_time: number;
  readonly event_name: string;
  readonly event_source: string;
  readonly read_only: string;
  readonly username: string | null;
  readonly access_key_id: string | null;
  readonly resource_types: string;
  readonly resource_names: string;
  readonly body: string;
}

function eventOf(row: Row): StoredEvent {
  const types = row.resource_types === '' ? [] : row.resource_types.split('\n');
  const names = row.resource_names === '' ? [] : row.resource_names.split('\n');
  return {
    eventId: row.event_id,
    accountId: row.account_id,
    region: row.region,
    eventTime: new Date(row.event_time),
    eventName: row.event_name,
    eventSource: row.event_source,
    readOnly: row.read_only === 'true',
    ...(row.username !== null ? { username: row.username } : {}),
    ...(row.access_key_id !== null ? { accessKeyId: row.access_key_id } : {}),
    resources: names.map((name, index) => ({ type: types[index] ?? '', name })),
    body: row.body,
  };
}

export class SqliteCloudTrailEventRepository implements CloudTrailEventRepository {
  private readonly insert: Database.Statement;
  private readonly pruneOld: Database.Statement;
  private readonly pruneExcess: Database.Statement;
  private readonly queries = new Map<string, Database.Statement>();

  constructor(private readonly database: SqliteDatabase) {
    database
      .prepare(
        `CREATE TABLE IF NOT EXISTS ${TABLE} (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL,
         region TEXT NOT NULL, event_time INTEGER NOT NULL, event_name TEXT NOT NULL, event_source TEXT NOT NULL, read_only TEXT NOT NULL,
         username TEXT, access_key_id TEXT, resource_types TEXT NOT NULL, resource_names TEXT NOT NULL, body TEXT NOT NULL)`,
      )
      .run();
    database.prepare(`CREATE INDEX IF NOT EXISTS ${TABLE}_by_time ON ${TABLE} (account_id, region, event_time, seq)`).run();
    this.insert = database.prepare(
      `INSERT INTO ${TABLE} (event_id, account_id, region, event_time, event_name, event_source, read_only, username, access_key_id, resource_types, resource_names, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.pruneOld = database.prepare(`DELETE FROM ${TABLE} WHERE event_time < ?`);
    this.pruneExcess = database.prepare(`DELETE FROM ${TABLE} WHERE seq <= (SELECT seq FROM ${TABLE} ORDER BY seq DESC LIMIT 1 OFFSET ?)`);
  }

  append(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    this.database.transaction(() => {
      for (const event of events) {
        this.insert.run(
          event.eventId,
          event.accountId,
          event.region,
          event.eventTime.getTime(),
          event.eventName,
          event.eventSource,
          String(event.readOnly),
          event.username ?? null,
          event.accessKeyId ?? null,
          event.resources.map((resource) => resource.type).join('\n'),
          event.resources.map((resource) => resource.name).join('\n'),
          event.body,
        );
      }
    });
  }

  find(query: EventQuery): FoundEvent[] {
    const parameters: unknown[] = [query.accountId, query.region, query.start.getTime(), query.end.getTime()];
    if (query.attribute) parameters.push(query.attribute.value);
    if (query.after) parameters.push(query.after.time, query.after.time, query.after.seq);
    parameters.push(query.limit);
    const rows = this.statement(query.attribute?.key, query.after !== undefined).all(...parameters) as Row[];
    return rows.map((row) => ({ event: eventOf(row), cursor: { time: row.event_time, seq: row.seq } }));
  }

  prune(before: Date, keepAtMost: number): number {
    return this.database.transaction(() => this.pruneOld.run(before.getTime()).changes + this.pruneExcess.run(keepAtMost).changes);
  }

  private statement(attribute: LookupAttributeKey | undefined, paged: boolean): Database.Statement {
    const name = `${attribute ?? ''}:${paged}`;
    let statement = this.queries.get(name);
    if (!statement) {
      const conditions = ['account_id = ?', 'region = ?', 'event_time >= ?', 'event_time <= ?'];
      if (attribute) conditions.push(ATTRIBUTE_CONDITIONS[attribute]);
      if (paged) conditions.push('(event_time < ? OR (event_time = ? AND seq < ?))');
      statement = this.database.prepare(`SELECT * FROM ${TABLE} WHERE ${conditions.join(' AND ')} ORDER BY event_time DESC, seq DESC LIMIT ?`);
      this.queries.set(name, statement);
    }
    return statement;
  }
}
