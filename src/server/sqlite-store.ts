import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { Grant } from './permissions.ts';

/** The version of the tables below; a newer file is refused, an older one migrated (PRAGMA user_version). */
export const STORE_SCHEMA = 2;
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
  // 1 → 2: which full state a document's row holds (see replaceState)
  'ALTER TABLE documents ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;',
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

/** A document as stored: its last full state (if any), which one that is, and the updates logged since. */
export interface StoredDocument {
  /** 0 while no full state was ever written; each full state written counts one up. */
  readonly generation: number;
  readonly state: Uint8Array | null;
  readonly log: Uint8Array[];
}

/** What replaceState did. */
export type Replacement =
  | { readonly replaced: true; readonly generation: number; readonly dropped: number; readonly kept: number }
  | { readonly replaced: false; readonly generation: number };

/**
 * The sync server's SQLite file (`<dir>/shared-map.sqlite`, WAL mode): each document's last full state plus a log
 * of the updates received since, grants (tokens stored hashed), which county owns which document, published
 * versions. An update is logged before the server applies and acknowledges it, so a crash loses nothing
 * acknowledged; a full state is written only now and then (see document-persistence.ts), and then drops the log
 * entries it holds. Several server processes may share the file (scale-out): every write is one transaction.
 */
export class SyncStore {
  readonly db: Database.Database;

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

  /** A document's full state and log, read together (one transaction: another process cannot come between). */
  readDocument(name: string): StoredDocument {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT state, generation FROM documents WHERE name = ?').get(name) as
        | { state: Buffer; generation: number }
        | undefined;
      const log = this.db.prepare('SELECT data FROM updates WHERE name = ? ORDER BY id').all(name) as {
        data: Buffer;
      }[];
      return {
        generation: row?.generation ?? 0,
        state: row ? new Uint8Array(row.state) : null,
        log: log.map((u) => new Uint8Array(u.data)),
      };
    })();
  }

  /** A document's state with every logged update merged in, or null for a document never written. */
  loadDocument(name: string): Uint8Array | null {
    const { state, log } = this.readDocument(name);
    const parts = state ? [state, ...log] : log;
    return parts.length === 0 ? null : Y.mergeUpdates(parts);
  }

  /** Logs an update (before it is applied and acknowledged). */
  appendUpdate(name: string, update: Uint8Array): void {
    this.db.prepare('INSERT INTO updates (name, data) VALUES (?, ?)').run(name, update);
  }

  /** How big a document's log and full state are, in bytes (SQLite reads a blob's length without its bytes). */
  logSize(name: string): { rows: number; bytes: number; stateBytes: number; generation: number } {
    return this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM updates WHERE name = :name) AS rows,
           (SELECT COALESCE(SUM(LENGTH(data)), 0) FROM updates WHERE name = :name) AS bytes,
           COALESCE((SELECT LENGTH(state) FROM documents WHERE name = :name), 0) AS stateBytes,
           COALESCE((SELECT generation FROM documents WHERE name = :name), 0) AS generation`,
      )
      .get({ name }) as { rows: number; bytes: number; stateBytes: number; generation: number };
  }

  /**
   * Writes a document's full state, made from a copy that holds the stored one — the caller read or wrote the
   * full state of generation `expected` — and drops the log entries `holds` says the new state contains; the rest
   * stay. When the stored generation is no longer `expected` (another process wrote a full state meanwhile, which
   * the caller's copy may lack), nothing is written. One transaction: the state, its generation and the log agree.
   */
  replaceState(
    name: string,
    state: Uint8Array,
    expected: number,
    holds: (update: Uint8Array) => boolean,
  ): Replacement {
    return this.db
      .transaction((): Replacement => {
        const row = this.db.prepare('SELECT generation FROM documents WHERE name = ?').get(name) as
          | { generation: number }
          | undefined;
        const current = row?.generation ?? 0;
        if (current !== expected) return { replaced: false, generation: current };
        const generation = current + 1;
        this.db
          .prepare(
            'INSERT INTO documents (name, state, updated_at, generation) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, generation = excluded.generation',
          )
          .run(name, state, new Date().toISOString(), generation);
        const log = this.db.prepare('SELECT id, data FROM updates WHERE name = ?').all(name) as {
          id: number;
          data: Buffer;
        }[];
        const drop = this.db.prepare('DELETE FROM updates WHERE id = ?');
        let dropped = 0;
        for (const entry of log) {
          if (!holds(new Uint8Array(entry.data))) continue;
          drop.run(entry.id);
          dropped++;
        }
        return { replaced: true, generation, dropped, kept: log.length - dropped };
      })
      .immediate();
  }

  /**
   * Stores a document's whole state as its new full state, over whatever was there, the log left as is: for a
   * store prepared without a server (benchmarks, tests). A running server that holds the document sees the new
   * generation and no longer writes its own copy over it.
   */
  storeDocument(name: string, state: Uint8Array): void {
    this.db
      .prepare(
        'INSERT INTO documents (name, state, updated_at, generation) VALUES (?, ?, ?, 1) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, generation = documents.generation + 1',
      )
      .run(name, state, new Date().toISOString());
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
