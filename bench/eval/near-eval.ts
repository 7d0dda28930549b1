/**
 * Keeps the evaluation honest while knowledge grows: questions mined from public sources to write entries from
 * (bench/eval/mined/*.yaml) and the 相似问 of the knowledge must not be near-copies of an evaluation item (the dev
 * set, the held-out set, either split of the real-question corpus). Nearness is the Jaccard similarity of the
 * folded texts' character bigrams (CJK letters and digits only).
 *
 * `npx tsx bench/eval/near-eval.ts <candidates.yaml> [--also-mined]` prints, per candidate id, `ok` or `DROP (near <set>)`
 * without ever printing the evaluation item it is near (so the test split stays unseen). Exit code 1 when any
 * candidate must be dropped. With --also-mined the mined questions and the tune split are probed too (for the
 * validation set, which must be new to everyone who writes knowledge).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { foldText } from '../../src/search/normalize.js';
import { DEV_SET, readEvalSet, type EvalItem, type EvalSet } from '../dev-set.js';

/** Default threshold: at or above it a question counts as a near-copy of an evaluation item. */
export const NEAR_JACCARD = 0.35;

/** Character bigrams of a text's CJK letters and digits, folded (NFKC, traditional → simplified, lower case). */
export function bigramSet(text: string): Set<string> {
  const c = [...foldText(text).replace(/[^\u3400-\u9fffa-z0-9]/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) out.add(c[i] + c[i + 1]);
  return out;
}

/** Jaccard similarity of two bigram sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n || 1);
}

/** The evaluation items, each with the name of its set and its bigrams. */
export interface EvalProbe {
  set: string;
  id: string;
  grams: Set<string>;
}

const root = new URL('../../', import.meta.url);

/** Loads every evaluation set of the project (dev, held-out, real tune and test) as probes. */
export function evaluationProbes(): EvalProbe[] {
  const sets: [string, EvalSet][] = [['heldout', readEvalSet(new URL('bench/eval/heldout.yaml', root))]];
  // The dev set lives beside the project (../shared); a checkout without it is probed against the rest.
  if (existsSync(DEV_SET)) sets.push(['dev', readEvalSet(DEV_SET)]);
  const real = readEvalSet(new URL('bench/eval/real-questions.yaml', root));
  const probes: EvalProbe[] = [];
  const add = (set: string, items: EvalItem[]) => {
    for (const i of items) probes.push({ set, id: i.id, grams: bigramSet(i.q) });
  };
  for (const [name, s] of sets) add(name, [...s.inScope, ...s.outOfScope]);
  add(
    'real-tune',
    [...real.inScope, ...real.outOfScope].filter((i) => i.split === 'tune'),
  );
  add(
    'real-test',
    [...real.inScope, ...real.outOfScope].filter((i) => i.split === 'test'),
  );
  return probes;
}

/** Sets a mined question or a 相似问 must stay away from: every evaluation set except the tune split. */
export const GUARDED_SETS = ['dev', 'heldout', 'real-test'];

/**
 * The set of the nearest guarded evaluation item at or above `threshold`, or undefined when the text is new.
 * Only {@link GUARDED_SETS} are probed unless `sets` says otherwise.
 */
export function nearestEvaluationSet(text: string, probes: EvalProbe[], threshold = NEAR_JACCARD, sets = GUARDED_SETS): string | undefined {
  const g = bigramSet(text);
  let best = threshold;
  let set: string | undefined;
  for (const p of probes) {
    if (!sets.includes(p.set)) continue;
    const j = jaccard(g, p.grams);
    if (j >= best) {
      best = j;
      set = p.set;
    }
  }
  return set;
}

/**
 * Reads the mined-question files (bench/eval/mined/*.yaml) as one evaluation set (in scope and out of scope):
 * every file, or only those named in `only` (file names without .yaml).
 */
export function readMined(dir: URL = new URL('bench/eval/mined/', root), only?: readonly string[]): EvalSet {
  const out: EvalSet = { inScope: [], outOfScope: [], meta: {} };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && (!only || only.includes(f.slice(0, -5))))
    .sort()) {
    const s = readEvalSet(new URL(name, dir));
    out.inScope.push(...s.inScope);
    out.outOfScope.push(...s.outOfScope);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx bench/eval/near-eval.ts <candidates.yaml>');
    process.exit(2);
  }
  const data = parse(readFileSync(file, 'utf8')) as { in_scope?: EvalItem[]; out_of_scope?: EvalItem[] };
  const probes = evaluationProbes();
  // --also-mined: a validation set must stay away from the mined questions too (entries are written from them).
  const alsoMined = process.argv.includes('--also-mined');
  if (alsoMined) {
    // The candidate file itself may already sit among the mined files: its own items are not probed.
    const own = new Set([...(data.in_scope ?? []), ...(data.out_of_scope ?? [])].map((i) => i.id));
    const m = readMined();
    for (const i of [...m.inScope, ...m.outOfScope]) if (!own.has(i.id)) probes.push({ set: 'mined', id: i.id, grams: bigramSet(i.q) });
  }
  const sets = alsoMined ? [...GUARDED_SETS, 'mined', 'real-tune'] : GUARDED_SETS;
  let dropped = 0;
  for (const item of [...(data.in_scope ?? []), ...(data.out_of_scope ?? [])]) {
    const near = nearestEvaluationSet(item.q, probes, NEAR_JACCARD, sets);
    if (near) dropped++;
    console.log(`${item.id}: ${near ? `DROP (near ${near})` : 'ok'}`);
  }
  console.log(`${dropped} to drop`);
  if (dropped) process.exitCode = 1;
}
