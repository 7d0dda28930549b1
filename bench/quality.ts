/**
 * `npm run bench:quality [-- --ablation] [-- --index-answers] [-- --sets dev,tune,test,heldout,mined,validation,followups] [-- --try '<decision json>'] [-- --dir knowledge]`: runs the
 * evaluation sets through the engine in-process and prints, per set, hits, misses (clarify / fallback), wrong
 * answers (answered without the expected facts: the worst outcome) and false answers (out-of-scope answered).
 *
 * Sets: `dev` (../shared/eval/dev.yaml, or EVAL_SET), `tune` and `test` (the two splits of the real-question
 * corpus bench/eval/real-questions.yaml, or REAL_SET; each item's split is checked against the rule written in the
 * file), `heldout` (bench/eval/heldout.yaml), `mined` (bench/eval/mined/*.yaml: real questions collected to write
 * entries from, so tuned on like tune, none near an evaluation item: bench/eval/near-eval.ts; `mined=tax+eia` reads
 * only those files, e.g. a round's fresh batches asked of the knowledge before they were covered, with --dir), `validation`
 * (bench/eval/validation.yaml: real questions new to everyone who writes knowledge, used to choose thresholds) and `followups` (bench/eval/followups.yaml: a question and its
 * follow-up in one conversation). Failures are listed for every set except `test`: the test split is only
 * reported, never used for tuning. With --ablation the run repeats with each analyzer step added in turn,
 * starting from MiniSearch's default tokenizer (plus jieba and the reading of long messages); --experiments
 * tries decision thresholds and segmenters against the default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine, type EngineOptions } from '../src/engine/engine.js';
import { DEFAULT_DECISION, type DecisionOptions } from '../src/engine/decide.js';
import type { AnalyzerOptions } from '../src/search/analyzer.js';
import { carriesFacts, readEvalSet, score, splitOf, type EvalSet, type Score } from './dev-set.js';
import { readFollowups, scoreFollowups } from './followups.js';
import { checkSplits } from './split-rule.js';
import { readMined } from './eval/near-eval.js';
import { tryOptions } from './try-options.js';

const { values } = parseArgs({
  options: {
    ablation: { type: 'boolean' },
    dir: { type: 'string' },
    'index-answers': { type: 'boolean' },
    sets: { type: 'string' },
    experiments: { type: 'boolean' },
    try: { type: 'string', multiple: true },
  },
});
const knowledge = await loadKnowledge(values.dir ?? 'knowledge', todayInChina());

const REAL = process.env.REAL_SET ?? 'bench/eval/real-questions.yaml';
const HELDOUT = 'bench/eval/heldout.yaml';
const FOLLOWUPS = 'bench/eval/followups.yaml';
const VALIDATION = 'bench/eval/validation.yaml';
const wanted = (values.sets ?? 'dev,tune,test,followups').split(',').filter(Boolean);

const sets: [string, EvalSet][] = [];
for (const name of wanted) {
  if (name === 'dev') sets.push(['dev', readEvalSet()]);
  else if (name === 'heldout') sets.push(['heldout', readEvalSet(HELDOUT)]);
  else if (name === 'mined') sets.push(['mined', readMined()]);
  // mined=tax+eia: only those mined files (e.g. one round's fresh batches, asked of an older tree's knowledge with --dir).
  else if (name.startsWith('mined=')) sets.push([name, readMined(undefined, name.slice(6).split('+'))]);
  else if (name === 'validation' && existsSync(VALIDATION)) sets.push(['validation', readEvalSet(VALIDATION)]);
  else if ((name === 'tune' || name === 'test') && existsSync(REAL)) {
    const real = readEvalSet(REAL);
    const problems = checkSplits(real, readFileSync(REAL, 'utf8').split('\nin_scope:')[0]);
    if (problems.length) {
      console.error(`${REAL}: ${problems.length} item(s) whose split does not follow the file's rule:\n  ${problems.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    }
    sets.push([name, splitOf(real, name)]);
  }
}
const followups = wanted.includes('followups') && existsSync(FOLLOWUPS) ? readFollowups(FOLLOWUPS) : undefined;

const decision = (o: Partial<DecisionOptions>): Partial<EngineOptions> => ({ decision: { ...DEFAULT_DECISION, ...o } });
const none: AnalyzerOptions = { fold: false, fillers: false, synonyms: false, dictionary: false, stopwords: false, cjk: 'whitespace' };
const analyzerSteps: [string, Partial<AnalyzerOptions>][] = values.ablation
  ? [
      ['MiniSearch default tokenizer', none],
      ['+ CJK bigrams', { ...none, cjk: 'bigram' }],
      ['+ fold (NFKC, t→s, lower case)', { ...none, cjk: 'bigram', fold: true }],
      ['+ filler removal', { ...none, cjk: 'bigram', fold: true, fillers: true }],
      ['+ stop words', { ...none, cjk: 'bigram', fold: true, fillers: true, stopwords: true }],
      ['+ synonyms (rewrite)', { ...none, cjk: 'bigram', fold: true, fillers: true, stopwords: true, synonyms: true }],
      ['+ domain dictionary = default', {}],
      ['default, unigrams instead of bigrams', { cjk: 'unigram' }],
      ['default, Intl.Segmenter words only', { cjk: 'segmenter' }],
      ['default, Intl.Segmenter + bigrams', { cjk: 'segmenter+bigram' }],
      ['default, bigrams inside Intl.Segmenter words only', { cjk: 'word-bigram' }],
      ['default, jieba words (cut for search, domain terms added)', { cjk: 'jieba' }],
      ['default, jieba words + bigrams', { cjk: 'jieba+bigram' }],
    ]
  : [['default', {}]];
const steps: [string, Partial<EngineOptions>][] = analyzerSteps.map(([n, analyzer]) => [n, { analyzer }]);
if (values.ablation) {
  steps.push(['default, long messages not read by clauses', decision({ readClauses: false })]);
  steps.push(['default, long messages scored like short ones', decision({ long: { ...DEFAULT_DECISION.long, from: Infinity } })]);
}
if (values.experiments) {
  for (const r of [0.99, 0.95, 0.93, 0.9]) steps.push([`clarifyRatio ${r}`, decision({ clarifyRatio: r })]);
  for (const c of [0.48, 0.55, 0.58]) steps.push([`minConfidence ${c}`, decision({ minConfidence: c })]);
  steps.push(['long messages scored like short ones', decision({ long: { ...DEFAULT_DECISION.long, from: Infinity } })]);
  steps.push(['long: minRelative 0 (no BM25 agreement floor)', decision({ long: { ...DEFAULT_DECISION.long, minRelative: 0 } })]);
  for (const [c, r] of [
    [0.3, 0.85],
    [0.4, 0.85],
    [0.45, 0.9],
  ])
    steps.push([`long: minConfidence ${c}, clarifyRatio ${r}`, decision({ long: { ...DEFAULT_DECISION.long, minConfidence: c, clarifyRatio: r } })]);
  steps.push(['jieba + bigrams', { analyzer: { cjk: 'jieba+bigram' } }]);
  steps.push(['Intl.Segmenter + bigrams', { analyzer: { cjk: 'segmenter+bigram' } }]);
  steps.push(['answers indexed', { indexAnswers: true }]);
}

// --try '{"unknownWeight":1}' (repeatable): see bench/try-options.ts.
for (const json of values.try ?? []) steps.push([`try ${json}`, tryOptions(json)]);

const f = (n: number) => n.toFixed(3);
console.log(
  `entries: ${knowledge.entries.filter((e) => e.status === 'published').length}; sets: ${sets.map(([n, s]) => `${n} ${s.inScope.length}+${s.outOfScope.length}`).join(', ')}${followups ? `, followups ${followups.length}` : ''}\n`,
);
console.log('| pipeline | set | in-scope | hit | miss | wrong | out-of-scope | false | fact_hit | wrong/in-scope | false_answer |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
let last: [string, Score][] = [];
let related: [string, RelatedTally][] = [];

/** How often a fallback lists 「可能相关的法条」 (Code articles), in scope and out of scope: they must add no false answers. */
interface RelatedTally {
  inScopeFallbacks: number;
  inScopeWithArticles: number;
  outOfScopeFallbacks: number;
  outOfScopeWithArticles: number;
}
function relatedOnFallbacks(set: EvalSet, engine: AnswerEngine): RelatedTally {
  const t: RelatedTally = { inScopeFallbacks: 0, inScopeWithArticles: 0, outOfScopeFallbacks: 0, outOfScopeWithArticles: 0 };
  const tally = (q: string, inScope: boolean) => {
    const r = engine.ask(q);
    if (r.status !== 'fallback') return;
    const listed = (r.relatedArticles?.length ?? 0) > 0;
    if (inScope) {
      t.inScopeFallbacks++;
      if (listed) t.inScopeWithArticles++;
    } else {
      t.outOfScopeFallbacks++;
      if (listed) t.outOfScopeWithArticles++;
    }
  };
  for (const item of set.inScope) tally(item.q, true);
  for (const item of set.outOfScope) tally(item.q, false);
  return t;
}
/** Per variant and set, the misses that offer the answer (printed after the table). */
const offering: string[] = [];
for (const [name, options] of steps) {
  const engine = new AnswerEngine(knowledge, { indexAnswers: values['index-answers'] ?? false, ...options });
  last = sets.map(([setName, set]) => [
    setName,
    score(
      set,
      (q) => engine.ask(q),
      (item, id) => carriesFacts(engine, item, id),
    ),
  ]);
  if (name === 'default') related = sets.map(([setName, set]) => [setName, relatedOnFallbacks(set, engine)]);
  if (followups) {
    last.push(['followups', scoreFollowups(followups, engine)]);
    last.push(['followups, last turn alone', scoreFollowups(followups, engine, false)]);
  }
  for (const [setName, s] of last) {
    if (!setName.startsWith('followups'))
      offering.push(
        `${name}, ${setName}: misses offering an entry with the facts (a clarify's options or a fallback's 您是不是想问) ${s.offered} of ${s.misses}; out-of-scope fallbacks with suggestions ${s.outOfScopeSuggested} of ${s.outOfScope}`,
      );
    console.log(
      `| ${name} | ${setName} | ${s.inScope} | ${s.hits} | ${s.misses} | ${s.wrong} | ${s.outOfScope} | ${s.falseAnswers} | ${f(s.factHit)} | ${f(s.wrongRate)} | ${s.outOfScope ? f(s.falseAnswer) : '—'} |`,
    );
  }
}
console.log('');
for (const [setName, t] of related) {
  console.log(
    `${setName}: 可能相关的法条 on fallbacks — in scope ${t.inScopeWithArticles} of ${t.inScopeFallbacks}, out of scope ${t.outOfScopeWithArticles} of ${t.outOfScopeFallbacks} (the status stays fallback)`,
  );
}
console.log('');
for (const line of offering) console.log(line);
console.log('');
for (const [setName, s] of last) {
  console.log(`${setName}: fact_hit=${f(s.factHit)} wrong=${f(s.wrongRate)} false_answer=${f(s.falseAnswer)}`);
  if (setName === 'test' || setName === 'validation' || setName.includes('alone')) continue; // test and validation: reported only, their failures are not looked at
  if (s.failures.length) console.log(`  failures (${s.failures.length}):\n` + s.failures.map((m) => '    ' + m).join('\n'));
}
