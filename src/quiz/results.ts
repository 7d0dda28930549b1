/** Quiz results in the `quiz_results` table: one row per finished round, users only as salted hashes. */
import type { Db } from '../store/database.js';
import { QuestionLog } from '../store/question-log.js';

/** A finished round. */
export interface QuizResult {
  /** Where it was played: `web` or `telegram`. */
  channel: 'web' | 'telegram';
  /** Event code, when played at an event (default: none). */
  event?: string;
  /** Raw user id (web session id, Telegram id); stored only as the question log's salted hash. */
  user?: string;
  score: number;
  total: number;
}

/** Writes quiz results; hashes users exactly like the question log, so unique people can be counted across both. */
export class QuizResults {
  private readonly hasher: QuestionLog;

  constructor(private readonly db: Db) {
    this.hasher = new QuestionLog(db);
  }

  /** Stores one result; throws on a score outside 0..total. Returns the row id. */
  save(r: QuizResult, now: Date = new Date()): number {
    if (!Number.isInteger(r.total) || r.total < 1 || !Number.isInteger(r.score) || r.score < 0 || r.score > r.total) {
      throw new Error(`QuizResults: score ${r.score} of ${r.total} is not a valid result`);
    }
    const info = this.db
      .prepare('INSERT INTO quiz_results (at, channel, event, user_hash, score, total) VALUES (?, ?, ?, ?, ?, ?)')
      .run(now.toISOString(), r.channel, r.event ?? null, r.user ? this.hasher.hashUser(r.user) : null, r.score, r.total);
    return Number(info.lastInsertRowid);
  }
}
