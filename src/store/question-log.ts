/**
 * The question log: every question asked on every channel, with how it was answered and the asker's
 * feedback. User ids are kept only as salted hashes. Staff learn from it (gaps, stats).
 */
import { createHash, randomBytes } from 'node:crypto';
import { metaValue, type Db } from './database.js';

/** Channels that ask questions. */
export type Channel = 'web' | 'api' | 'telegram' | 'cli';

/** One logged question. */
export interface LoggedQuestion {
  at: string;
  channel: Channel;
  event?: string;
  question: string;
  normalized: string;
  status: string;
  entryId?: string;
  topic?: string;
  score?: number;
  latencyMs: number;
  /** Raw user id (session id, Telegram id); stored only as a salted hash. */
  user?: string;
}

/** A row of the log as stored. */
export interface QuestionRow {
  id: number;
  at: string;
  channel: string;
  event: string | null;
  question: string;
  normalized: string;
  status: string;
  entry_id: string | null;
  topic: string | null;
  score: number | null;
  latency_ms: number;
  user_hash: string | null;
  feedback: number | null;
}

/** Writes and reads the question log. */
export class QuestionLog {
  private readonly salt: string;
  private readonly insert;

  constructor(readonly db: Db) {
    this.salt = metaValue(db, 'user_salt', () => randomBytes(16).toString('hex'));
    this.insert = db.prepare(
      `INSERT INTO questions (at, channel, event, question, normalized, status, entry_id, topic, score, latency_ms, user_hash)
       VALUES (@at, @channel, @event, @question, @normalized, @status, @entryId, @topic, @score, @latencyMs, @userHash)`,
    );
  }

  /** The salted hash of a user id (stable for one database). */
  hashUser(user: string): string {
    return createHash('sha256').update(`${this.salt}:${user}`).digest('hex').slice(0, 24);
  }

  /** Records a question; returns its id. */
  record(q: LoggedQuestion): number {
    const info = this.insert.run({
      at: q.at,
      channel: q.channel,
      event: q.event ?? null,
      question: q.question,
      normalized: q.normalized,
      status: q.status,
      entryId: q.entryId ?? null,
      topic: q.topic ?? null,
      score: q.score ?? null,
      latencyMs: q.latencyMs,
      userHash: q.user ? this.hashUser(q.user) : null,
    });
    return Number(info.lastInsertRowid);
  }

  /** Records 👍 (true) or 👎 (false) on a logged question; false when the id is unknown. */
  feedback(id: number, helpful: boolean): boolean {
    return this.db.prepare('UPDATE questions SET feedback = ? WHERE id = ?').run(helpful ? 1 : -1, id).changes > 0;
  }

  /** One logged question. */
  get(id: number): QuestionRow | undefined {
    return this.db.prepare('SELECT * FROM questions WHERE id = ?').get(id) as QuestionRow | undefined;
  }

  /** Rows asked in [from, to) (ISO timestamps or dates), oldest first. */
  between(from: string, to: string): QuestionRow[] {
    return this.db.prepare('SELECT * FROM questions WHERE at >= ? AND at < ? ORDER BY id').all(from, to) as QuestionRow[];
  }

  /** Deletes rows older than `days` days before `now`; returns how many. */
  prune(days: number, now: Date = new Date()): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM questions WHERE at < ?').run(cutoff).changes;
  }
}
