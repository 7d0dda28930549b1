/** The topic menu: its items, and the most asked questions of each (from the question log). */
import type { AnswerEngine } from '../engine/engine.js';
import type { Entry } from '../knowledge/schema.js';
import type { QuestionLog } from '../store/question-log.js';

/** How often each entry was answered (entry id → count). */
export type Popularity = () => Map<string, number>;

/** One item of the topic menu. */
export interface MenuTopic {
  /** Key in callback data (a-z). */
  key: string;
  /** Button label. */
  label: string;
  /** Which entries belong to it. */
  matches: (e: Entry) => boolean;
}

/** The topic menu, in display order. */
export const MENU_TOPICS: MenuTopic[] = [
  { key: 'permit', label: '排污许可', matches: (e) => e.topic === 'permit' && e.kind !== 'case' },
  { key: 'emission', label: '排放标准', matches: (e) => e.topic === 'emission' && e.kind !== 'case' },
  { key: 'eia', label: '环评与验收', matches: (e) => e.topic === 'eia' && e.kind !== 'case' },
  { key: 'enforce', label: '执法检查与处罚', matches: (e) => (e.topic === 'inspection' || e.topic === 'penalty') && e.kind !== 'case' },
  { key: 'complaint', label: '投诉举报与信访', matches: (e) => e.topic === 'complaint' && e.kind !== 'case' },
  { key: 'waste', label: '危险废物', matches: (e) => e.topic === 'waste' && e.kind !== 'case' },
  { key: 'noise', label: '噪声', matches: (e) => e.topic === 'noise' && e.kind !== 'case' },
  { key: 'tax', label: '环境保护税', matches: (e) => e.topic === 'tax' && e.kind !== 'case' },
  { key: 'cases', label: '典型案例', matches: (e) => e.kind === 'case' },
];

/** Questions shown per topic (default for {@link topQuestions}). */
export const TOPIC_QUESTIONS = 6;

/** Kind order when nothing has been asked yet: plain FAQs first. */
const KIND_ORDER: Record<string, number> = { faq: 0, guide: 1, law: 2, case: 3, report: 4 };

/** The most asked published entries of a menu topic, most asked first (ties: FAQs first, then by id). */
export function topQuestions(engine: AnswerEngine, topic: MenuTopic, counts: Map<string, number>, limit = TOPIC_QUESTIONS): Entry[] {
  return engine
    .published()
    .filter(topic.matches)
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Counts answered questions per entry in the question log, cached for `ttlMs` (default: 10 minutes).
 * A failing query yields no counts rather than an error.
 */
export function logPopularity(log: QuestionLog, ttlMs = 600_000): Popularity {
  let cached: { at: number; counts: Map<string, number> } | undefined;
  return () => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.counts;
    const counts = new Map<string, number>();
    try {
      const rows = log.db
        .prepare("SELECT entry_id AS id, COUNT(*) AS n FROM questions WHERE status = 'answered' AND entry_id IS NOT NULL GROUP BY entry_id")
        .all() as { id: string; n: number }[];
      for (const r of rows) counts.set(r.id, r.n);
    } catch {
      /* no counts */
    }
    cached = { at: Date.now(), counts };
    return counts;
  };
}
