/**
 * Figures for the bureau's annual 法治政府建设 report and the staff stats page: questions, answered rate,
 * satisfaction, reach (unique askers), per topic, channel, event and week, and quiz participation.
 */
import type { Db } from '../store/database.js';

/** Counts for one group (a topic, a channel, an event, a week). */
export interface GroupFigures {
  key: string;
  questions: number;
  answered: number;
  askers: number;
}

/** Quiz participation for one event ('' for none). */
export interface QuizFigures {
  event: string;
  participants: number;
  averageScore: number;
  averageTotal: number;
}

/** All figures for a period. */
export interface Stats {
  from: string;
  to: string;
  questions: number;
  answered: number;
  /** answered ÷ questions (0 when none). */
  answeredRate: number;
  /** fallback replies: questions the bot could not answer. */
  unanswered: number;
  clarify: number;
  smalltalk: number;
  helpful: number;
  unhelpful: number;
  /** 👍 ÷ (👍 + 👎) (null when no feedback). */
  helpfulRate: number | null;
  /** Distinct askers (by salted hash). */
  uniqueAskers: number;
  byTopic: GroupFigures[];
  byChannel: GroupFigures[];
  byEvent: GroupFigures[];
  /** ISO week starting Monday, e.g. 2026-11-23. */
  byWeek: GroupFigures[];
  quiz: QuizFigures[];
}

/** A half-open period [from, to) of dates (YYYY-MM-DD; `to` inclusive as a day when given as a date). */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : to;
  return { start: /^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T00:00:00.000Z` : from, end };
}

const GROUP = (expr: string) => `
  SELECT ${expr} AS key, COUNT(*) AS questions,
         SUM(status = 'answered') AS answered, COUNT(DISTINCT user_hash) AS askers
  FROM questions WHERE at >= @start AND at < @end AND ${expr} IS NOT NULL
  GROUP BY key ORDER BY questions DESC, key`;

/** Computes the figures of [from, to] (dates, inclusive) from the question log and quiz results. */
export function computeStats(db: Db, from: string, to: string): Stats {
  const p = periodBounds(from, to);
  const totals = db
    .prepare(
      `SELECT COUNT(*) AS questions, COALESCE(SUM(status = 'answered'), 0) AS answered,
              COALESCE(SUM(status = 'fallback'), 0) AS unanswered, COALESCE(SUM(status = 'clarify'), 0) AS clarify,
              COALESCE(SUM(status = 'smalltalk'), 0) AS smalltalk,
              COALESCE(SUM(feedback = 1), 0) AS helpful, COALESCE(SUM(feedback = -1), 0) AS unhelpful,
              COUNT(DISTINCT user_hash) AS uniqueAskers
       FROM questions WHERE at >= @start AND at < @end`,
    )
    .get(p) as Omit<Stats, 'from' | 'to' | 'answeredRate' | 'helpfulRate' | 'byTopic' | 'byChannel' | 'byEvent' | 'byWeek' | 'quiz'>;
  const group = (expr: string) => db.prepare(GROUP(expr)).all(p) as GroupFigures[];
  // Monday of the week: SQLite weekday 0 = Sunday.
  const week = `date(at, '-' || ((CAST(strftime('%w', at) AS INTEGER) + 6) % 7) || ' days')`;
  const quiz = db
    .prepare(
      `SELECT COALESCE(event, '') AS event, COUNT(DISTINCT COALESCE(user_hash, id)) AS participants,
              AVG(score) AS averageScore, AVG(total) AS averageTotal
       FROM quiz_results WHERE at >= @start AND at < @end GROUP BY COALESCE(event, '') ORDER BY participants DESC`,
    )
    .all(p) as QuizFigures[];
  const fb = totals.helpful + totals.unhelpful;
  return {
    from,
    to,
    ...totals,
    answeredRate: totals.questions ? totals.answered / totals.questions : 0,
    helpfulRate: fb ? totals.helpful / fb : null,
    byTopic: group('topic'),
    byChannel: group('channel'),
    byEvent: group('event'),
    byWeek: group(week).sort((a, b) => a.key.localeCompare(b.key)),
    quiz,
  };
}
