// The SQLite document store and its read cache: what a reader gets is what was last committed, whatever
// earlier readers did with their copies and whatever transactions rolled back.

import { expect } from 'chai';
import { DocumentStore } from '../../../src/adapters/sqlite/document-store';
import { IN_MEMORY, SqliteDatabase } from '../../../src/adapters/sqlite/sqlite-database';

interface Widget {
  readonly [key: string]: unknown;
  name: string;
  readonly created: Date;
  readonly secret: Buffer;
  readonly parts: { count: number };
}

describe('SQLite document store', () => {
  let database: SqliteDatabase;
  let widgets: DocumentStore<Widget>;
  const widget = (): Widget => ({ name: 'first', created: new Date('2026-01-02T03:04:05.000Z'), secret: Buffer.from([1, 2, 3]), parts: { count: 1 } });

  beforeEach(() => {
    database = new SqliteDatabase(IN_MEMORY);
    widgets = new DocumentStore<Widget>(database, 'widgets');
  });
  afterEach(() => database.close());

  it('gives back what was put, Dates and Buffers revived, from SQLite and then from its cache alike', () => {
    widgets.put('w-1', 'scope-a', widget());
    expect(widgets.get('w-1')).to.deep.equal(widget());
    expect(widgets.get('w-1')).to.deep.equal(widget());
    expect(widgets.get('w-2')).to.equal(undefined);
  });

  it("lets a reader set its copy's fields without changing what the next reader gets", () => {
    widgets.put('w-1', 'scope-a', widget());
    const copy = widgets.get('w-1')!;
    copy.name = 'edited, never saved';
    expect(widgets.get('w-1')!.name).to.equal('first');
  });

  it('refuses an edit deep inside a cached document instead of sharing it with the next reader', () => {
    widgets.put('w-1', 'scope-a', widget());
    const copy = widgets.get('w-1')!;
    expect(() => {
      copy.parts.count = 2;
    }).to.throw(TypeError);
    expect(widgets.get('w-1')!.parts.count).to.equal(1);
  });

  it('answers a put or a delete at once, and another store of the same kind sees it too', () => {
    const sameKind = new DocumentStore<Widget>(database, 'widgets');
    widgets.put('w-1', 'scope-a', widget());
    expect(sameKind.get('w-1')!.name).to.equal('first');
    widgets.put('w-1', 'scope-a', { ...widget(), name: 'second' });
    expect(sameKind.get('w-1')!.name).to.equal('second');
    widgets.delete('w-1');
    expect(sameKind.get('w-1')).to.equal(undefined);
  });

  it('forgets what a rolled-back transaction wrote, even when it was read inside the transaction', () => {
    widgets.put('w-1', 'scope-a', widget());
    expect(() =>
      database.transaction(() => {
        widgets.put('w-1', 'scope-a', { ...widget(), name: 'rolled back' });
        expect(widgets.get('w-1')!.name).to.equal('rolled back');
        throw new Error('validation failed');
      }),
    ).to.throw('validation failed');
    expect(widgets.get('w-1')!.name).to.equal('first');
  });
});
