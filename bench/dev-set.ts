/** Reading evaluation sets and scoring replies against them (hits, misses, wrong answers, false answers). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AnswerEngine } from '../src/engine/engine.js';
import type { Reply } from '../src/engine/reply.js';

/** One evaluation item. */
export interface EvalItem {
  id: string;
  q: string;
  topic?: string;
  /** `tune` or `test` in the real-question corpus; absent in the dev and held-out sets. */
  split?: string;
  /** Regexes the reply text (whitespace removed) must match; absent for out-of-scope items. */
  must?: string[];
  /** The official answer's key fact (real-question corpus). */
  fact?: string;
  url?: string;
}

/** The evaluation set. */
export interface EvalSet {
  inScope: EvalItem[];
  outOfScope: EvalItem[];
  /** Top-level fields of the file other than the two lists (e.g. the split rule). */
  meta: Record<string, unknown>;
}

/** Default location of the development set, beside the project. */
export const DEV_SET = new URL('../../shared/eval/dev.yaml', import.meta.url);

/** Reads an evaluation set file. */
export function readEvalSet(file: string | URL = process.env.EVAL_SET ?? DEV_SET): EvalSet {
  const data = parse(readFileSync(file, 'utf8'), { maxAliasCount: 50 }) as { in_scope?: EvalItem[]; out_of_scope?: EvalItem[] } & Record<string, unknown>;
  const { in_scope, out_of_scope, ...meta } = data;
  return { inScope: in_scope ?? [], outOfScope: out_of_scope ?? [], meta };
}

/** The same set with only the items of one split (`tune` or `test`). */
export function splitOf(set: EvalSet, split: string): EvalSet {
  return {
    inScope: set.inScope.filter((i) => i.split === split),
    outOfScope: set.outOfScope.filter((i) => i.split === split),
    meta: set.meta,
  };
}

/**
 * How an in-scope reply fared: `hit` (answered and every `must` regex matches), `miss` (clarify, fallback or
 * small talk: the person is not misled) or `wrong` (answered, but a `must` fact is not in the reply: the
 * worst outcome, a fluent answer to another question).
 */
export type Outcome = 'hit' | 'miss' | 'wrong';

/** Classifies an in-scope reply; see {@link Outcome}. */
export function classify(item: EvalItem, reply: Reply): Outcome {
  if (reply.status !== 'answered') return 'miss';
  const text = reply.text.replace(/\s+/g, '');
  return (item.must ?? []).every((m) => new RegExp(m).test(text)) ? 'hit' : 'wrong';
}

/** True when an in-scope reply is right: answered and every `must` regex matches. */
export function factHit(item: EvalItem, reply: Reply): boolean {
  return classify(item, reply) === 'hit';
}

/** The figures of one set. */
export interface Score {
  inScope: number;
  outOfScope: number;
  hits: number;
  /** In-scope items not answered (clarify / fallback). */
  misses: number;
  /** In-scope items answered without their facts. */
  wrong: number;
  /** Out-of-scope items answered. */
  falseAnswers: number;
  /**
   * Misses whose reply offers an entry that carries the facts (a clarify's options or a fallback's 您是不是想问): one
   * tap from the answer. Counted only when `score` is given `carries`.
   */
  offered: number;
  /** Of the `offered` misses, those that were fallbacks suggesting the entry (您是不是想问), not clarifies. */
  suggested: number;
  /** Out-of-scope items that fell back with suggestions (offered entries the asker did not ask about). */
  outOfScopeSuggested: number;
  /** hits / in-scope. */
  factHit: number;
  /** wrong / in-scope. */
  wrongRate: number;
  /** false answers / out-of-scope. */
  falseAnswer: number;
  /** One line per item that was not a hit (in-scope) or was answered (out-of-scope), for tuning. */
  failures: string[];
}

/**
 * Scores a whole set with an `ask` function; `carries(item, entryId)` (whether that entry's reply has the item's facts)
 * lets it count the misses that offer the answer.
 */
export function score(set: Pick<EvalSet, 'inScope' | 'outOfScope'>, ask: (q: string) => Reply, carries?: (item: EvalItem, id: string) => boolean): Score {
  const failures: string[] = [];
  let hits = 0;
  let misses = 0;
  let wrong = 0;
  let offered = 0;
  let suggested = 0;
  let outOfScopeSuggested = 0;
  for (const item of set.inScope) {
    const r = ask(item.q);
    const outcome = classify(item, r);
    if (outcome === 'hit') {
      hits++;
      continue;
    }
    if (outcome === 'wrong') wrong++;
    else {
      misses++;
      if (carries && r.alternatives.some((a) => carries(item, a.id))) {
        offered++;
        if (r.status === 'fallback') suggested++;
      }
    }
    const tag = outcome === 'wrong' ? 'WRONG' : r.status;
    failures.push(`${item.id} [${tag}${r.entry ? ' ' + r.entry.id : ''}${r.score !== undefined ? ' ' + r.score : ''}] ${item.q}`);
  }
  let falseAnswers = 0;
  for (const item of set.outOfScope) {
    const r = ask(item.q);
    if (r.status === 'fallback' && r.alternatives.length) outOfScopeSuggested++;
    if (r.status === 'answered') {
      falseAnswers++;
      failures.push(`${item.id} [answered ${r.entry?.id} ${r.score}] ${item.q} (out of scope)`);
    }
  }
  const n = Math.max(1, set.inScope.length);
  return {
    inScope: set.inScope.length,
    outOfScope: set.outOfScope.length,
    hits,
    misses,
    wrong,
    falseAnswers,
    offered,
    suggested,
    outOfScopeSuggested,
    factHit: hits / n,
    wrongRate: wrong / n,
    falseAnswer: falseAnswers / Math.max(1, set.outOfScope.length),
    failures,
  };
}

/** Whether the reply of entry `id` (as the engine serves it today) carries the item's facts: `score`'s `carries`. */
export function carriesFacts(engine: Pick<AnswerEngine, 'entry' | 'replyFor'>, item: EvalItem, id: string): boolean {
  const e = engine.entry(id);
  return e !== undefined && classify(item, engine.replyFor(e)) === 'hit';
}
