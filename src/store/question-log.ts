/**
 * The question log: every question asked on every channel, with how it was answered and the asker's
 * feedback. User ids are kept only as salted hashes (the salt in a key file outside the database, see
 * user-salt.ts). Staff learn from it (gaps, stats), through daily aggregates kept as questions arrive.
 */
import { createHash } from 'node:crypto';
import type { Db } from './database.js';
import { AskerDays, ensureAggregates } from './question-aggregates.js';
import { userSaltOf } from './user-salt.js';
import { chinaDay, mondayOf } from '../time/china-day.js';
import { rebuildWeekSketches } from './aggregate-rollups.js';

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
  private readonly askers: AskerDays;

  constructor(readonly db: Db) {
    this.salt = userSaltOf(db);
    ensureAggregates(db);
    this.askers = new AskerDays(db);
    this.insert = db.prepare(
      `INSERT INTO questions (at, channel, event, question, normalized, status, entry_id, topic, score, latency_ms, user_hash)
       VALUES (@at, @channel, @event, @question, @normalized, @status, @entryId, @topic, @score, @latencyMs, @userHash)`,
    );
  }

  /** The salted hash of a user id (stable for one database). */
  hashUser(user: string): string {
    return createHash('sha256').update(`${this.salt}:${user}`).digest('hex').slice(0, 24);
  }

  /** Records a question (and its asker in the day's sketches); returns its id. */
  record(q: LoggedQuestion): number {
    const userHash = q.user ? this.hashUser(q.user) : null;
    return this.db.transaction(() => {
      const id = this.insertRow(q, userHash);
      if (userHash) this.askers.add(q.at, userHash, { channel: q.channel, event: q.event, topic: q.topic });
      return id;
    })();
  }

  private insertRow(q: LoggedQuestion, userHash: string | null): number {
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
      userHash,
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

  /**
   * Deletes everything about askers older than `days` days before `now`: questions (and with them the gap
   * wordings), quiz results and the askers' day sketches. Returns how many questions went.
   */
  prune(days: number, now: Date = new Date()): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    this.askers.clear();
    return this.db.transaction(() => {
      const n = this.db.prepare('DELETE FROM questions WHERE at < ?').run(cutoff).changes;
      this.db.prepare('DELETE FROM quiz_results WHERE at < ?').run(cutoff);
      this.db.prepare('DELETE FROM asker_days WHERE day < ?').run(chinaDay(cutoff));
      this.db.prepare('DELETE FROM gap_days WHERE day < ?').run(chinaDay(cutoff));
      // Week sketches: the weeks before go, the week of the cutoff keeps only its remaining days.
      const week = mondayOf(chinaDay(cutoff));
      this.db.prepare('DELETE FROM asker_weeks WHERE week < ?').run(week);
      rebuildWeekSketches(this.db, week);
      return n;
    })();
  }
}
