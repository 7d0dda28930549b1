/**
 * Figures for the bureau's annual 法治政府建设 report and the staff stats page: questions, answered rate,
 * satisfaction, reach (unique askers), per topic, channel, event and week, and quiz participation.
 */
import { AskerSketch, MERGED_SPARSE_MAX } from '../store/asker-sketch.js';
import type { Db } from '../store/database.js';
import { periodParts } from '../store/aggregate-rollups.js';
import { ensureAggregates, flushAskers } from '../store/question-aggregates.js';
import { addDays, chinaDayStart, isCalendarDay, mondayOf } from '../time/china-day.js';

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
  /** ISO week starting Monday (China days), e.g. 2026-11-23. */
  byWeek: GroupFigures[];
  quiz: QuizFigures[];
}

/**
 * The half-open UTC period [start, end) of China days `from`..`to` (YYYY-MM-DD, inclusive; an ISO timestamp is
 * taken as it is).
 */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  const start = isCalendarDay(from) ? chinaDayStart(from).toISOString() : from;
  const end = isCalendarDay(to) ? chinaDayStart(addDays(to, 1)).toISOString() : to;
  return { start, end };
}

interface DayRow {
  day: string;
  channel: string;
  event: string;
  topic: string;
  status: string;
  questions: number;
  helpful: number;
  unhelpful: number;
}

/**
 * The figures of [from, to]: whole weeks from the week roll-ups, the days at the edges from the daily rows;
 * yields after each part (a week, or up to a week of days) so a caller can let the event loop run
 * ({@link statsBetween}) or not ({@link computeStats}).
 */
function* statsSteps(db: Db, from: string, to: string): Generator<void, Stats> {
  ensureAggregates(db);
  flushAskers(db);
  const dayRows = db.prepare('SELECT * FROM question_days WHERE day >= ? AND day <= ? AND questions > 0');
  const sketchRows = db.prepare('SELECT day, dim, key, sketch FROM asker_days WHERE day >= ? AND day <= ?');
  const weekRows = db.prepare(
    'SELECT week AS day, channel, event, topic, status, questions, helpful, unhelpful FROM question_weeks WHERE week = ? AND questions > 0',
  );
  const weekSketches = db.prepare('SELECT week AS day, dim, key, sketch FROM asker_weeks WHERE week = ?');
  const t = { questions: 0, answered: 0, unanswered: 0, clarify: 0, smalltalk: 0, helpful: 0, unhelpful: 0 };
  const groups = {
    topic: new Map<string, GroupFigures>(),
    channel: new Map<string, GroupFigures>(),
    event: new Map<string, GroupFigures>(),
    week: new Map<string, GroupFigures>(),
  };
  const sketches = new Map<string, AskerSketch>();
  const mergeInto = (id: string, s: AskerSketch) => {
    const acc = sketches.get(id) ?? new AskerSketch(MERGED_SPARSE_MAX);
    acc.merge(s);
    sketches.set(id, acc);
  };
  const count = (map: Map<string, GroupFigures>, key: string, r: DayRow) => {
    const g = map.get(key) ?? { key, questions: 0, answered: 0, askers: 0 };
    g.questions += r.questions;
    if (r.status === 'answered') g.answered += r.questions;
    map.set(key, g);
  };
  for (const part of periodParts('week', from, to)) {
    const whole = part.kind === 'unit';
    for (const r of (whole ? weekRows.all(part.start) : dayRows.all(part.start, part.end)) as DayRow[]) {
      t.questions += r.questions;
      if (r.status === 'answered') t.answered += r.questions;
      else if (r.status === 'fallback') t.unanswered += r.questions;
      else if (r.status === 'clarify') t.clarify += r.questions;
      else if (r.status === 'smalltalk') t.smalltalk += r.questions;
      t.helpful += r.helpful;
      t.unhelpful += r.unhelpful;
      if (r.topic) count(groups.topic, r.topic, r);
      count(groups.channel, r.channel, r);
      if (r.event) count(groups.event, r.event, r);
      count(groups.week, mondayOf(r.day), r);
    }
    yield;
    for (const r of (whole ? weekSketches.all(part.start) : sketchRows.all(part.start, part.end)) as {
      day: string;
      dim: string;
      key: string;
      sketch: Buffer;
    }[]) {
      const s = AskerSketch.fromBlob(r.sketch, MERGED_SPARSE_MAX);
      mergeInto(`${r.dim}|${r.key}`, s);
      if (r.dim === 'all') mergeInto(`week|${mondayOf(r.day)}`, s);
    }
    yield;
  }
  const askers = (id: string) => sketches.get(id)?.count() ?? 0;
  const ranked = (map: Map<string, GroupFigures>, dim: string) =>
    [...map.values()].map((g) => ({ ...g, askers: askers(`${dim}|${g.key}`) })).sort((a, b) => b.questions - a.questions || (a.key < b.key ? -1 : 1));
  const p = periodBounds(from, to);
  const quiz = db
    .prepare(
      `SELECT COALESCE(event, '') AS event, COUNT(DISTINCT COALESCE(user_hash, id)) AS participants,
              AVG(score) AS averageScore, AVG(total) AS averageTotal
       FROM quiz_results WHERE at >= @start AND at < @end GROUP BY COALESCE(event, '') ORDER BY participants DESC`,
    )
    .all(p) as QuizFigures[];
  const fb = t.helpful + t.unhelpful;
  return {
    from,
    to,
    ...t,
    answeredRate: t.questions ? t.answered / t.questions : 0,
    helpfulRate: fb ? t.helpful / fb : null,
    uniqueAskers: askers('all|'),
    byTopic: ranked(groups.topic, 'topic'),
    byChannel: ranked(groups.channel, 'channel'),
    byEvent: ranked(groups.event, 'event'),
    byWeek: ranked(groups.week, 'week').sort((a, b) => a.key.localeCompare(b.key)),
    quiz,
  };
}

/** Longest synchronous slice of {@link runSteps} before it lets the event loop run (ms). */
export const SLICE_MS = 15;

/**
 * Runs a step generator to its end, letting the event loop run (setImmediate) whenever a slice of steps has
 * taken `sliceMs` (default: {@link SLICE_MS}).
 */
export async function runSteps<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  for (let started = performance.now(); ; ) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    }
  }
}

/** Runs a step generator to its end at once. */
export function runStepsNow<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Computes the figures of [from, to] (China days, inclusive) from the daily aggregates of the question log and
 * the quiz results (whole weeks from their roll-ups), at once (the CLI report, the bot). Distinct askers are exact up to 600 a day per group
 * and to 10,000 in the period, then estimated (±1.6 %).
 */
export function computeStats(db: Db, from: string, to: string): Stats {
  return runStepsNow(statsSteps(db, from, to));
}

/** {@link computeStats} in slices of at most {@link SLICE_MS} ms, letting other requests run in between (the HTTP route). */
export function statsBetween(db: Db, from: string, to: string): Promise<Stats> {
  return runSteps(statsSteps(db, from, to));
}
