/**
 * The SQLite database under DATA_DIR: opened, created and migrated on start. Holds the question log,
 * the audit trail, events and quiz results. Knowledge itself stays in YAML files.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** The database handle type. */
export type Db = Database.Database;

/** Migrations in order; `user_version` records how many have run. */
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     channel TEXT NOT NULL,
     event TEXT,
     question TEXT NOT NULL,
     normalized TEXT NOT NULL,
     status TEXT NOT NULL,
     entry_id TEXT,
     topic TEXT,
     score REAL,
     latency_ms REAL NOT NULL,
     user_hash TEXT,
     feedback INTEGER
   );
   CREATE INDEX questions_at ON questions(at);
   CREATE INDEX questions_status ON questions(status);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     old_version TEXT,
     new_version TEXT,
     detail TEXT
   );`,
  `CREATE TABLE events (
     code TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     date TEXT,
     place TEXT,
     greeting TEXT,
     created_by TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE quiz_results (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     channel TEXT NOT NULL,
     event TEXT,
     user_hash TEXT,
     score INTEGER NOT NULL,
     total INTEGER NOT NULL
   );`,
];

/**
 * Opens (creating if needed) the database at `file` (`:memory:` for tests) and runs pending migrations
 * in one transaction each.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const done = db.pragma('user_version', { simple: true }) as number;
  for (let i = done; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}

/** A value kept in the meta table, created by `init` the first time it is asked for. */
export function metaValue(db: Db, key: string, init: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = init();
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
}
