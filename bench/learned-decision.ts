/**
 * `npx tsx bench/learned-decision.ts <dump.jsonl> [--train a|b]`: could a learned decision beat the hand-set one?
 * Reads what `npm run bench:unseen -- --dump <dump.jsonl>` wrote (real questions asked of knowledge that had not
 * seen them, eight candidates each with their features and whether their reply carries the facts) and prints:
 *
 * 1. **Ceilings** of today's retrieval, per half: the default decision's hits / wrong answers; a perfect decision
 *    (answer exactly when the best candidate is right, never otherwise); a perfect reranking of the eight candidates.
 * 2. **A learned decision**: a logistic regression (pointwise: is this candidate right?) over the candidates'
 *    features, their differences to the best of the eight and the margin, separately weighted for long and short
 *    messages (the dump's `long`: 30 characters or more), trained on one half (`--train`, default a) and asked of the other. Candidates are re-ordered by the
 *    model's probability; the best is answered when its probability reaches τ and leads the next by δ (τ 0, δ 0: the
 *    ordering alone, every question answered). Printed for a grid of τ and δ next to the default decision on the same half, out-of-scope false answers included.
 *
 * Nothing here is used by the engine: it measures whether the features the engine has can separate right from wrong
 * better than its thresholds do (BENCHMARKS.md, session 7).
 */
import { parseArgs } from 'node:util';
import { type DumpRow, halfOf, readDump } from './unseen-dump.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { train: { type: 'string' } } });
if (!positionals[0]) {
  console.error('usage: npx tsx bench/learned-decision.ts <dump.jsonl> [--train a|b]');
  process.exit(2);
}

const rows = readDump(positionals[0], 'default');
const trainHalf = values.train === 'b' ? 'b' : 'a';
const testHalf = trainHalf === 'a' ? 'b' : 'a';

/** Features of candidate `i` of a row: its own, relative to the best of the eight, the margin; per length. */
function featuresOf(r: DumpRow, i: number): number[] {
  const c = r.top[i];
  const best = (k: 'coverage' | 'closeness' | 'containment' | 'about') => Math.max(...r.top.map((x) => x[k]));
  const own = [
    c.relative,
    c.coverage,
    c.closeness,
    c.containment,
    c.about,
    c.prior < 0.95 ? 1 : 0,
    Math.min(c.rank, 8) / 8,
    i === 0 ? 1 : 0,
    c.confidence / (r.top[0].confidence || 1),
    c.coverage - best('coverage'),
    c.closeness - best('closeness'),
    c.containment - best('containment'),
    c.about - best('about'),
    i === 0 && r.top[1] ? r.top[0].confidence - r.top[1].confidence : 0,
    Math.min([...r.q].length, 120) / 120,
  ];
  const long = r.long ? 1 : 0;
  return [1, long, ...own.map((x) => x * long), ...own.map((x) => x * (1 - long))];
}

/** Full-batch gradient descent on the logistic loss with a small L2 penalty. */
function logisticFit(data: { x: number[]; y: number }[], epochs = 1500, rate = 0.5, l2 = 1e-3): number[] {
  const w = new Array(data[0].x.length).fill(0);
  for (let e = 0; e < epochs; e++) {
    const g = new Array(w.length).fill(0);
    for (const { x, y } of data) {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, k) => s + v * w[k], 0)));
      for (let k = 0; k < w.length; k++) g[k] += (p - y) * x[k];
    }
    for (let k = 0; k < w.length; k++) w[k] -= rate * (g[k] / data.length + l2 * w[k]);
  }
  return w;
}

const train = rows.filter((r) => halfOf(r.q) === trainHalf && r.top.length);
const w = logisticFit(train.flatMap((r) => r.top.map((c, i) => ({ x: featuresOf(r, i), y: c.good ? 1 : 0 }))));
const probability = (x: number[]) => 1 / (1 + Math.exp(-x.reduce((s, v, k) => s + v * w[k], 0)));

// 1. Ceilings, per half.
for (const half of ['a', 'b']) {
  const group = rows.filter((r) => halfOf(r.q) === half && r.scope !== 'out');
  const hits = group.filter((r) => r.outcome === 'hit').length;
  const wrong = group.filter((r) => r.outcome === 'wrong').length;
  const first = group.filter((r) => r.top[0]?.good).length;
  const any = group.filter((r) => r.top.some((c) => c.good)).length;
  const r = (x: number) => (x / group.length).toFixed(3);
  console.log(
    `half ${half}, ${group.length} in scope: default hit ${hits} (${r(hits)}) / wrong ${wrong} (${r(wrong)}); perfect decision ${first} (${r(first)}) / 0; perfect reranking of eight ${any} (${r(any)}) / 0`,
  );
}

// 2. The learned decision on the other half.
const test = rows.filter((r) => halfOf(r.q) === testHalf);
const inScope = test.filter((r) => r.scope !== 'out');
const outOfScope = test.filter((r) => r.scope === 'out');
const dHits = inScope.filter((r) => r.outcome === 'hit').length;
const dWrong = inScope.filter((r) => r.outcome === 'wrong').length;
const dFalse = outOfScope.filter((r) => r.status === 'answered').length;
console.log(
  `learned on half ${trainHalf}, asked of half ${testHalf} (${inScope.length} in scope, ${outOfScope.length} out): default hit ${dHits} / wrong ${dWrong} / false ${dFalse}`,
);
for (const tau of [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  const cells: string[] = [];
  for (const delta of [0, 0.1, 0.2, 0.3]) {
    let hit = 0;
    let wrong = 0;
    let falseAnswers = 0;
    for (const r of test) {
      if (!r.top.length) continue;
      const ranked = r.top.map((c, i) => ({ c, p: probability(featuresOf(r, i)) })).sort((x, y) => y.p - x.p);
      const answers = ranked[0].p >= tau && (!ranked[1] || ranked[0].p - ranked[1].p >= delta);
      if (!answers) continue;
      if (r.scope === 'out') falseAnswers++;
      else if (ranked[0].c.good) hit++;
      else wrong++;
    }
    cells.push(`δ ${delta}: ${hit} / ${wrong} / ${falseAnswers}`);
  }
  console.log(`  τ ${tau}: ${cells.join(';  ')}`);
}
