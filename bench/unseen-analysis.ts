/**
 * `npx tsx bench/unseen-analysis.ts <dump.jsonl> [--variant default] [--weights '<json list>']`: reads what
 * `npm run bench:unseen -- --dump <dump.jsonl>` wrote and prints, for one variant, (1) where the entry carrying the
 * facts was among the five best candidates, per outcome; (2) how well each feature of the best candidate separates a
 * right best candidate from a wrong one (AUC), for short and long questions (30 characters or more); (3) for each
 * weighting in `--weights` (a JSON list of {relative, coverage, closeness, containment, about}), how many questions
 * whose right entry is among the five would have it first if the five were re-ordered by that weighting, per half
 * (a/b, as bench:unseen) and length.
 */
import { parseArgs } from 'node:util';
import type { Scored } from '../src/engine/decide.js';
import { type DumpRow, halfOf, readDump } from './unseen-dump.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { variant: { type: 'string' }, weights: { type: 'string' } },
});
if (!positionals[0]) {
  console.error('usage: npx tsx bench/unseen-analysis.ts <dump.jsonl> [--variant default] [--weights <json list>]');
  process.exit(2);
}

type Weights = Pick<Scored, 'relative' | 'coverage' | 'closeness' | 'containment' | 'about'>;

const variant = values.variant ?? 'default';
const rows = readDump(positionals[0], variant)
  .filter((r) => r.scope !== 'out')
  // The dump keeps eight candidates (bench/learned-decision.ts reads them all); this analysis looks at five.
  .map((r) => ({ ...r, top: r.top.slice(0, 5) }));

// (1) The position (1–5, 0: none) of the first candidate that carries the facts, per outcome.
const positions = new Map<string, number[]>();
for (const r of rows) {
  const key = r.outcome === 'miss' ? r.status : r.outcome;
  const at = r.top.findIndex((c) => c.good) + 1;
  const counts = positions.get(key) ?? [0, 0, 0, 0, 0, 0];
  counts[at]++;
  positions.set(key, counts);
}
console.log(`${variant}: ${rows.length} questions; right entry at position 1 / 2 / 3 / 4 / 5 / none of the five`);
for (const [key, c] of positions) console.log(`  ${key} (${c.reduce((a, b) => a + b, 0)}): ${c.slice(1).join(' / ')} / ${c[0]}`);

// (2) AUC of each feature of the best candidate: right best candidate against wrong best candidate.
/** Share of (right, wrong) pairs the feature orders right, ties counting half. */
function auc(right: number[], wrong: number[]): number {
  let sum = 0;
  for (const p of right) for (const q of wrong) sum += p > q ? 1 : p === q ? 0.5 : 0;
  return right.length && wrong.length ? sum / (right.length * wrong.length) : Number.NaN;
}
const features: Record<string, (r: DumpRow) => number> = {
  confidence: (r) => r.top[0].confidence,
  relative: (r) => r.top[0].relative,
  coverage: (r) => r.top[0].coverage,
  closeness: (r) => r.top[0].closeness,
  containment: (r) => r.top[0].containment,
  about: (r) => r.top[0].about,
  margin: (r) => (r.top[0].confidence - (r.top[1]?.confidence ?? 0)) / r.top[0].confidence,
};
for (const long of [false, true]) {
  const group = rows.filter((r) => r.top.length && r.long === long);
  const right = group.filter((r) => r.top[0].good);
  const wrong = group.filter((r) => !r.top[0].good);
  const aucs = Object.entries(features).map(([name, f]) => `${name} ${auc(right.map(f), wrong.map(f)).toFixed(3)}`);
  console.log(`${long ? 'long' : 'short'}: ${group.length} with candidates, best right ${right.length}; AUC ${aucs.join(', ')}`);
}

// (3) Re-ordering the five best candidates by a weighting: how often the right one comes first.
const weightings = JSON.parse(values.weights ?? '[]') as Partial<Weights>[];
const withRight = rows.filter((r) => r.top.some((c) => c.good));
for (const w of weightings) {
  const scoreOf = (c: Scored) =>
    (w.relative ?? 0) * c.relative +
    (w.coverage ?? 0) * c.coverage +
    (w.closeness ?? 0) * c.closeness +
    (w.containment ?? 0) * c.containment +
    (w.about ?? 0) * c.about;
  const cells: string[] = [];
  for (const long of [false, true]) {
    for (const half of ['a', 'b']) {
      const group = withRight.filter((r) => r.long === long && halfOf(r.q) === half);
      // The first of equal scores wins, as a stable sort would keep it.
      const first = group.filter((r) => r.top.reduce((best, c) => (scoreOf(c) > scoreOf(best) ? c : best)).good).length;
      cells.push(`${long ? 'long' : 'short'} ${half} ${first}/${group.length}`);
    }
  }
  console.log(`${JSON.stringify(w)}: ${cells.join(', ')}`);
}
