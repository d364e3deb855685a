import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { Grant } from './permissions.ts';

/** The version of the tables below; a newer file is refused, an older one migrated (PRAGMA user_version). */
export const STORE_SCHEMA = 1;
const MIGRATIONS: readonly string[] = [
  // 0 → 1
  `CREATE TABLE documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL);
   CREATE TABLE updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
   CREATE INDEX updates_by_name ON updates (name, id);
   CREATE TABLE owners (name TEXT PRIMARY KEY, county TEXT NOT NULL, label TEXT NOT NULL, kind TEXT);
   CREATE TABLE grants (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, county TEXT NOT NULL,
     role TEXT NOT NULL, subject TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
   CREATE TABLE published (county TEXT NOT NULL, version INTEGER NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
     record_count INTEGER NOT NULL, csv BLOB NOT NULL, PRIMARY KEY (county, version));`,
];

/** A published version as the store keeps it. */
export interface PublishedRow {
  readonly county: string;
  readonly version: number;
  readonly at: string;
  readonly by: string;
  readonly recordCount: number;
  readonly csv: Uint8Array;
}

/**
 * The sync server's SQLite file (`<dir>/shared-map.sqlite`, WAL mode): each document's state plus a log of the
 * updates received since, grants (tokens stored hashed), which county owns which document, published versions.
 * An update is logged before the server applies and acknowledges it, so a crash loses nothing acknowledged.
 */
export class SyncStore {
  readonly db: Database.Database;
  /** Per document, the last update id already in a stored state one store ago (see storeDocument). */
  private readonly compactable = new Map<string, number>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.db = new Database(join(dir, 'shared-map.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > STORE_SCHEMA)
      throw new Error(`store ${dir} has schema ${version}; this server knows ${STORE_SCHEMA}`);
    for (let v = version; v < STORE_SCHEMA; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** A document's state with every logged update merged in, or null for a document never written. */
  loadDocument(name: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
      | { state: Buffer }
      | undefined;
    const log = this.db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').all(name) as {
      data: Buffer;
    }[];
    const parts = [...(row ? [row.state] : []), ...log.map((u) => u.data)].map((b) => new Uint8Array(b));
    return parts.length === 0 ? null : Y.mergeUpdates(parts);
  }

  /** Logs an update (before it is applied and acknowledged). */
  appendUpdate(name: string, update: Uint8Array): void {
    this.db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run(name, update);
  }

  /**
   * Stores a document's whole state and drops the log entries that the previous store already held: an
   * entry is logged just before its update is applied, so the state stored now may lack the newest entries.
   */
  storeDocument(name: string, state: Uint8Array): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        )
        .run(name, state, now);
      const previous = this.compactable.get(name);
      if (previous !== undefined)
        this.db.prepare('DELETE FROM updates WHERE name = ? AND id <= ?').run(name, previous);
      const last = this.db.prepare('SELECT MAX(id) AS id FROM updates WHERE name = ?').get(name) as {
        id: number | null;
      };
      if (last.id !== null) this.compactable.set(name, last.id);
    })();
  }

  /** Records which county a document belongs to (and its label: the member's or workshop's name). */
  registerDocument(name: string, county: string, label: string, kind?: string): void {
    this.db
      .prepare(
        'INSERT INTO owners (name, county, label, kind) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET label = excluded.label, kind = excluded.kind',
      )
      .run(name, county, label, kind ?? null);
  }

  /** The county a document belongs to, or null when it was never registered. */
  ownerCounty(name: string): string | null {
    const row = this.db.prepare('SELECT county FROM owners WHERE name = ?').get(name) as
      | { county: string }
      | undefined;
    return row?.county ?? null;
  }

  /** The documents of a county, with their labels. */
  documentsOf(county: string): { name: string; label: string; kind: string | null }[] {
    return this.db
      .prepare('SELECT name, label, kind FROM owners WHERE county = ? ORDER BY name')
      .all(county) as {
      name: string;
      label: string;
      kind: string | null;
    }[];
  }

  /** Stores a grant under its token's hash. */
  addGrant(grant: Grant, tokenHash: string): void {
    this.db
      .prepare(
        'INSERT INTO grants (id, token_hash, county, role, subject, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        grant.id,
        tokenHash,
        grant.county,
        grant.role,
        grant.subject,
        grant.label,
        new Date().toISOString(),
      );
  }

  /** The grant a token's hash stands for, unless revoked. */
  grantByTokenHash(tokenHash: string): Grant | null {
    const row = this.db
      .prepare(
        'SELECT id, county, role, subject, label FROM grants WHERE token_hash = ? AND revoked_at IS NULL',
      )
      .get(tokenHash) as Grant | undefined;
    return row ?? null;
  }

  /** Revokes a grant; false when there was none to revoke. */
  revokeGrant(id: string, county: string): boolean {
    const now = new Date().toISOString();
    return (
      this.db
        .prepare('UPDATE grants SET revoked_at = ? WHERE id = ? AND county = ? AND revoked_at IS NULL')
        .run(now, id, county).changes > 0
    );
  }

  /** Ids of grants revoked at or after `since` (ISO), by this process or another on the same file. */
  revokedSince(since: string): string[] {
    const rows = this.db.prepare('SELECT id FROM grants WHERE revoked_at >= ?').all(since) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  /** Keeps a published version. */
  addPublished(row: PublishedRow): void {
    this.db
      .prepare('INSERT INTO published (county, version, at, by, record_count, csv) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.county, row.version, row.at, row.by, row.recordCount, row.csv);
  }

  /** The newest published version of a county. */
  latestPublished(county: string): PublishedRow | null {
    const row = this.db
      .prepare(
        'SELECT county, version, at, by, record_count AS recordCount, csv FROM published WHERE county = ? ORDER BY version DESC LIMIT 1',
      )
      .get(county) as PublishedRow | undefined;
    return row ?? null;
  }

  close(): void {
    this.db.close();
  }
}
