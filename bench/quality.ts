/**
 * `npm run bench:quality [-- --ablation] [-- --index-answers]`: runs the evaluation set (../shared/eval/dev.yaml, or EVAL_SET)
 * through the engine in-process and prints fact_hit, false_answer and the misses. With --ablation it
 * repeats the run with each analyzer step added in turn, starting from MiniSearch's default tokenizer.
 */
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine } from '../src/engine/engine.js';
import type { AnalyzerOptions } from '../src/search/analyzer.js';
import { readEvalSet, score } from './dev-set.js';

const { values } = parseArgs({ options: { ablation: { type: 'boolean' }, dir: { type: 'string' }, 'index-answers': { type: 'boolean' } } });
const knowledge = await loadKnowledge(values.dir ?? 'knowledge', todayInChina());
const set = readEvalSet();

const none: AnalyzerOptions = { fold: false, fillers: false, synonyms: false, dictionary: false, stopwords: false, cjk: 'whitespace' };
const steps: [string, Partial<AnalyzerOptions>][] = values.ablation
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
    ]
  : [['default', {}]];

console.log(`entries: ${knowledge.entries.filter((e) => e.status === 'published').length}; in-scope ${set.inScope.length}, out-of-scope ${set.outOfScope.length}\n`);
console.log('| pipeline | fact_hit | false_answer |\n|---|---|---|');
let last: ReturnType<typeof score> | undefined;
for (const [name, analyzer] of steps) {
  const engine = new AnswerEngine(knowledge, { analyzer, indexAnswers: values['index-answers'] ?? false });
  last = score(set, (q) => engine.ask(q));
  console.log(`| ${name} | ${last.factHit.toFixed(3)} | ${last.falseAnswer.toFixed(3)} |`);
}
if (last) {
  console.log(`\nfact_hit=${last.factHit.toFixed(3)} false_answer=${last.falseAnswer.toFixed(3)}`);
  console.log(`misses (${last.misses.length}):\n` + last.misses.map((m) => '  ' + m).join('\n'));
}
