/**
 * The console's 「知识条目」 list: every entry with its state, flags and recorded 法制审核, searched and filtered.
 * Reads the entry store and the engine; writes nothing.
 */
import type { EntryStore, EntryView } from '../admin/entry-store.js';
import type { AnswerEngine } from '../engine/engine.js';
import { TOPICS, type Entry } from '../knowledge/schema.js';
import { outOfForce, validityOn } from '../knowledge/validity.js';
import { foldText } from '../search/normalize.js';
import { KIND_LABELS } from './form-spec.js';

/** Chinese names of the states an entry can be in (a published entry with a waiting revision is 待审核). */
export const STATUS_LABELS = { draft: '草稿（待审核）', published: '已发布', retired: '已停用', revision: '已发布，修改待审核' } as const;

/** Filters of the list; every one optional. */
export interface EntryFilter {
  /** Words to find in the id, title, 相似问, keywords or answer. */
  q?: string;
  topic?: string;
  kind?: string;
  /** File status, or `revision` (a published entry with a revision waiting), or `pending` (drafts and revisions). */
  status?: Entry['status'] | 'revision' | 'pending';
  /** `unreviewed`: no recorded 法制审核; `not-in-force`: cites a source superseded or repealed today. */
  flag?: 'unreviewed' | 'not-in-force';
}

/** One row of the list. */
export interface EntryRow {
  id: string;
  kind: string;
  kindLabel: string;
  topic: string;
  topicLabel: string;
  title: string;
  status: Entry['status'];
  pendingRevision: boolean;
  statusLabel: string;
  updated: string;
  /** The recorded 法制审核 of the served text (what the public is shown), or null. */
  review: { by: string; at: string } | null;
  /** Names of the cited sources not in force today. */
  notInForce: string[];
  /** The development team's check against the law text (not a 法制审核), when the entry carries one. */
  checked: { by: string; at: string } | null;
}

/** The names of `entry`'s sources that are superseded or repealed on `day`. */
export function sourcesNotInForce(entry: Entry, engine: AnswerEngine, day: string): string[] {
  const sources = engine.sourceMap();
  const out = new Set<string>();
  for (const b of entry.basis) {
    const s = sources.get(b.source);
    if (s && outOfForce(validityOn(s, day, (id) => sources.get(id)))) out.add(s.name);
  }
  return [...out];
}

/** A list row of an entry view. */
export function entryRow(v: EntryView, engine: AnswerEngine): EntryRow {
  const e = v.entry;
  const served = v.published ?? e;
  const day = engine.options.today();
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: KIND_LABELS[e.kind],
    topic: e.topic,
    topicLabel: TOPICS[e.topic],
    title: e.title,
    status: v.status,
    pendingRevision: v.pendingRevision,
    statusLabel: STATUS_LABELS[v.pendingRevision ? 'revision' : v.status],
    updated: e.updated,
    review: v.status === 'published' ? (engine.options.recordedReview(served) ?? null) : null,
    notInForce: sourcesNotInForce(e, engine, day),
    checked: e.checked ?? null,
  };
}

function matches(e: Entry, words: string[]): boolean {
  const hay = foldText([e.id, e.title, ...e.questions, ...e.keywords, e.answer].join('\n'));
  return words.every((w) => hay.includes(w));
}

/** The entries that pass `filter`, in id order. */
export function listEntries(store: EntryStore, engine: AnswerEngine, filter: EntryFilter = {}): EntryRow[] {
  const words = foldText(filter.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const out: EntryRow[] = [];
  for (const v of store.list()) {
    const e = v.entry;
    if (filter.topic && e.topic !== filter.topic) continue;
    if (filter.kind && e.kind !== filter.kind) continue;
    if (filter.status === 'revision' && !v.pendingRevision) continue;
    if (filter.status === 'pending' && !(v.pendingRevision || v.status === 'draft')) continue;
    if (filter.status && !['revision', 'pending'].includes(filter.status) && v.status !== filter.status) continue;
    if (words.length && !matches(e, words)) continue;
    const row = entryRow(v, engine);
    if (filter.flag === 'unreviewed' && (row.review || row.status !== 'published')) continue;
    if (filter.flag === 'not-in-force' && !row.notInForce.length) continue;
    out.push(row);
  }
  return out;
}
