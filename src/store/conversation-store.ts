/**
 * Conversation states in the SQLite database under DATA_DIR, so a follow-up is understood after a restart and
 * by any process of a deployment that shares the database. Sessions are stored only as SHA-256 hashes; states
 * expire after a time to live (default 30 minutes) and expired rows are deleted as new ones are written.
 */
import { createHash } from 'node:crypto';
import { CONVERSATION_TTL_MS, type ConversationState, type ConversationStore } from '../engine/conversation.js';
import type { Db } from './database.js';

/** Options of {@link SqliteConversationStore}. */
export interface SqliteConversationOptions {
  /** Time to live after the last write, in ms (default: 30 minutes). */
  ttlMs: number;
  /** Clock in ms (default: Date.now). */
  now: () => number;
  /** Expired rows are purged once every this many writes (default: 200). */
  purgeEvery: number;
}

/**
 * The table is created here (IF NOT EXISTS) rather than by a numbered migration: it holds only short-lived
 * state, so it needs no versioned history and cannot collide with other features' migrations.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS conversations (
  session TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_at ON conversations(at);`;

/** A {@link ConversationStore} in SQLite. */
export class SqliteConversationStore implements ConversationStore {
  private readonly o: SqliteConversationOptions;
  private writes = 0;
  private readonly selectRow;
  private readonly upsertRow;
  private readonly deleteRow;
  private readonly purgeRows;

  constructor(db: Db, options: Partial<SqliteConversationOptions> = {}) {
    this.o = { ttlMs: CONVERSATION_TTL_MS, now: Date.now, purgeEvery: 200, ...options };
    db.exec(SCHEMA);
    this.selectRow = db.prepare('SELECT state, at FROM conversations WHERE session = ?');
    this.upsertRow = db.prepare(
      'INSERT INTO conversations (session, state, at) VALUES (?, ?, ?) ON CONFLICT(session) DO UPDATE SET state = excluded.state, at = excluded.at',
    );
    this.deleteRow = db.prepare('DELETE FROM conversations WHERE session = ?');
    this.purgeRows = db.prepare('DELETE FROM conversations WHERE at < ?');
  }

  get(session: string): ConversationState | undefined {
    const key = hashSession(session);
    const row = this.selectRow.get(key) as { state: string; at: number } | undefined;
    if (!row) return undefined;
    if (this.o.now() - row.at > this.o.ttlMs) {
      this.deleteRow.run(key);
      return undefined;
    }
    try {
      return JSON.parse(row.state) as ConversationState;
    } catch {
      return undefined;
    }
  }

  set(session: string, state: ConversationState): void {
    const now = this.o.now();
    this.upsertRow.run(hashSession(session), JSON.stringify(state), now);
    if (++this.writes % this.o.purgeEvery === 0) this.purge(now);
  }

  delete(session: string): void {
    this.deleteRow.run(hashSession(session));
  }

  /** Deletes every expired state; returns how many. */
  purge(now = this.o.now()): number {
    return this.purgeRows.run(now - this.o.ttlMs).changes;
  }
}

/** The stored form of a session id. */
function hashSession(session: string): string {
  return createHash('sha256').update(`conversation:${session}`).digest('hex').slice(0, 32);
}
