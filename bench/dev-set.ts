/** Reading the development evaluation set and scoring replies against it. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Reply } from '../src/engine/reply.js';

/** One evaluation item. */
export interface EvalItem {
  id: string;
  q: string;
  topic?: string;
  /** Regexes the reply text (whitespace removed) must match; absent for out-of-scope items. */
  must?: string[];
}

/** The evaluation set. */
export interface EvalSet {
  inScope: EvalItem[];
  outOfScope: EvalItem[];
}

/** Default location of the development set, beside the project. */
export const DEV_SET = new URL('../../shared/eval/dev.yaml', import.meta.url);

/** Reads an evaluation set file. */
export function readEvalSet(file: string | URL = process.env.EVAL_SET ?? DEV_SET): EvalSet {
  const data = parse(readFileSync(file, 'utf8')) as { in_scope: EvalItem[]; out_of_scope: EvalItem[] };
  return { inScope: data.in_scope ?? [], outOfScope: data.out_of_scope ?? [] };
}

/** True when an in-scope reply is right: answered and every `must` regex matches. */
export function factHit(item: EvalItem, reply: Reply): boolean {
  const text = reply.text.replace(/\s+/g, '');
  return reply.status === 'answered' && (item.must ?? []).every((m) => new RegExp(m).test(text));
}

/** Scores a whole set with an `ask` function. */
export function score(set: EvalSet, ask: (q: string) => Reply) {
  const misses: string[] = [];
  let hits = 0;
  for (const item of set.inScope) {
    const r = ask(item.q);
    if (factHit(item, r)) hits++;
    else misses.push(`${item.id} [${r.status}${r.entry ? ' ' + r.entry.id : ''}${r.score !== undefined ? ' ' + r.score : ''}] ${item.q}`);
  }
  let falseAnswers = 0;
  for (const item of set.outOfScope) {
    const r = ask(item.q);
    if (r.status === 'answered') {
      falseAnswers++;
      misses.push(`${item.id} [answered ${r.entry?.id} ${r.score}] ${item.q} (out of scope)`);
    }
  }
  return {
    factHit: hits / Math.max(1, set.inScope.length),
    falseAnswer: falseAnswers / Math.max(1, set.outOfScope.length),
    misses,
  };
}
