import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docHoldsUpdate } from '../../src/server/doc-holds-update.ts';
import { STORE_SCHEMA, SyncStore } from '../../src/server/sqlite-store.ts';
import { tempStore } from './sync-helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

/** Two documents kept in step by hand, with the updates one of them produced. */
function pair() {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  const copy = new Y.Doc();
  const catchUp = () => Y.applyUpdate(copy, Y.encodeStateAsUpdate(source, Y.encodeStateVector(copy)));
  return { source, copy, updates, catchUp };
}

describe('docHoldsUpdate', () => {
  it('holds what it applied, not an insert it has not seen', () => {
    const { source, copy, updates, catchUp } = pair();
    source.getMap('records').set('a', 'first');
    catchUp();
    source.getMap('records').set('b', 'second');
    const holds = docHoldsUpdate(copy);
    expect(holds(updates[0] as Uint8Array)).toBe(true);
    expect(holds(updates[1] as Uint8Array)).toBe(false);
  });

  it('does not hold a deletion it has not applied, even when it has every item', () => {
    const { source, copy, updates, catchUp } = pair();
    source.getMap('records').set('a', 'first');
    source.getArray('list').insert(0, ['x', 'y', 'z']);
    catchUp();
    source.getArray('list').delete(0, 2); // a deletion only: no new item
    const deletion = updates[updates.length - 1] as Uint8Array;
    expect(docHoldsUpdate(copy)(deletion)).toBe(false);
    Y.applyUpdate(copy, deletion);
    expect(docHoldsUpdate(copy)(deletion)).toBe(true);
    expect(docHoldsUpdate(copy)(Y.encodeStateAsUpdate(source))).toBe(true);
  });

  it('holds a deletion covered by a longer deleted range, not one reaching past it', () => {
    const { source, copy, updates, catchUp } = pair();
    source.getArray('list').insert(0, ['a', 'b', 'c', 'd']);
    catchUp();
    source.getArray('list').delete(1, 1);
    const middle = updates[updates.length - 1] as Uint8Array;
    source.getArray('list').delete(0, 2); // a, c
    catchUp();
    expect(docHoldsUpdate(copy)(middle)).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(source));
    other.getArray('list').delete(0, 1); // d
    const later = Y.encodeStateAsUpdate(other, Y.encodeStateVector(copy));
    expect(docHoldsUpdate(copy)(later)).toBe(false);
  });
});

describe('a store file of schema 1', () => {
  it('is migrated: its full states become generation 1 and load as before', () => {
    const store = tempStore();
    cleanups.push(store.remove);
    const doc = new Y.Doc();
    doc.getMap('records').set('a', 'kept');
    const logged = new Y.Doc();
    Y.applyUpdate(logged, Y.encodeStateAsUpdate(doc));
    const update = (() => {
      let u: Uint8Array = new Uint8Array();
      logged.on('update', (x: Uint8Array) => {
        u = x;
      });
      logged.getMap('records').set('b', 'logged');
      return u;
    })();
    const old = new Database(join(store.dir, 'shared-map.sqlite'));
    old.exec(`CREATE TABLE documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
      CREATE INDEX updates_by_name ON updates (name, id);
      CREATE TABLE owners (name TEXT PRIMARY KEY, county TEXT NOT NULL, label TEXT NOT NULL, kind TEXT);
      CREATE TABLE grants (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, county TEXT NOT NULL,
        role TEXT NOT NULL, subject TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
      CREATE TABLE published (county TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
        record_count INTEGER NOT NULL, csv BLOB NOT NULL, PRIMARY KEY (county, version));`);
    old.prepare('INSERT INTO documents VALUES (?, ?, ?)').run('org/a', Y.encodeStateAsUpdate(doc), 'then');
    old.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run('org/a', update);
    old.pragma('user_version = 1');
    old.close();

    const db = new SyncStore(store.dir);
    try {
      expect(db.db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA);
      const read = db.readDocument('org/a');
      expect(read.generation).toBe(1);
      expect(read.log).toHaveLength(1);
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, db.loadDocument('org/a') as Uint8Array);
      expect(loaded.getMap('records').toJSON()).toEqual({ a: 'kept', b: 'logged' });
      expect(db.readDocument('org/never').generation).toBe(0);
    } finally {
      db.close();
    }
  });
});
