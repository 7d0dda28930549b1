/**
 * `npx tsx bench/tune-loo.ts [--jaccard 0.2] [--show] [--misses] [--dev] [--mined] [--try '<decision json>' ...]`: the real tune split
 * (with --mined: the mined questions) asked leave-one-out. Each tune question is
 * asked with the 相似问 written from it taken out of the knowledge (every 相似问 whose character-bigram Jaccard
 * similarity to the question is ≥ --jaccard, default 0.2; the entries are restored after each question), so a
 * question meets knowledge tailored to the *other* tune questions only, as an unseen (test) question does. Prints
 * hits / misses / wrong / false answers for the default engine and, with `long.minRelative` off, the engine before
 * that floor. Uses only the tune split; --show lists the wrong answers' ids,
 * --misses the tune questions missed (status, first alternative, question).
 */
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine } from '../src/engine/engine.js';
import { bigramSet as bigrams, jaccard } from './eval/near-eval.js';
import { classify, readEvalSet, score, splitOf } from './dev-set.js';
import { variantsOf } from './try-options.js';
import { readMined } from './eval/near-eval.js';

const { values } = parseArgs({
  options: {
    jaccard: { type: 'string' },
    show: { type: 'boolean' },
    misses: { type: 'boolean' },
    try: { type: 'string', multiple: true },
    dev: { type: 'boolean' },
    dir: { type: 'string' },
    mined: { type: 'boolean' },
  },
});
const J = Number(values.jaccard ?? 0.2);
const knowledge = await loadKnowledge(values.dir ?? 'knowledge', todayInChina());
const tune = splitOf(readEvalSet(process.env.REAL_SET ?? 'bench/eval/real-questions.yaml'), 'tune');
// --mined: the mined questions instead (bench/eval/mined), each asked without the 相似问 written from it.
const items = values.mined ? readMined() : tune;

const published = knowledge.entries.filter((e) => e.status === 'published');
const asked = published.map((e) => e.questions.map(bigrams));
// --try '{"unknownWeight":0.3}' (repeatable): see bench/try-options.ts; each runs beside the default.
const variants = variantsOf(values.try);
for (const [name, options] of variants) {
  const engine = new AnswerEngine(knowledge, options);
  let hit = 0;
  let miss = 0;
  let falseAnswers = 0;
  const wrong: string[] = [];
  for (const item of [...items.inScope, ...items.outOfScope]) {
    const b = bigrams(item.q);
    const touched = published.flatMap((e, i) => {
      const drop = asked[i].map((x) => jaccard(x, b) >= J);
      return drop.some(Boolean) ? [{ e, drop }] : [];
    });
    for (const { e, drop } of touched) engine.upsertEntry({ ...e, questions: e.questions.filter((_, k) => !drop[k]) });
    const reply = engine.ask(item.q);
    for (const { e } of touched) engine.upsertEntry(e);
    if (!item.must) {
      if (reply.status === 'answered') falseAnswers++;
      continue;
    }
    const outcome = classify(item, reply);
    if (outcome === 'hit') hit++;
    else if (outcome === 'miss') {
      miss++;
      if (values.misses && name === 'default')
        console.log(`  miss ${item.id} [${reply.status}${reply.alternatives[0] ? ' ' + reply.alternatives[0].id : ''}] ${item.q}`);
    } else wrong.push(`${item.id} → ${reply.entry?.id}`);
  }
  if (values.dev) {
    const dev = readEvalSet();
    const s = score(dev, (q) => engine.ask(q));
    console.log(`${name}: dev hit ${s.hits}/${s.inScope} wrong ${s.wrong} false ${s.falseAnswers}/${s.outOfScope}`);
  }
  console.log(
    `${name}: ${values.mined ? 'mined' : 'tune'} leave-one-out (Jaccard ≥ ${J}) hit ${hit} / miss ${miss} / wrong ${wrong.length} / false ${falseAnswers}${values.show && wrong.length ? `  [${wrong.join('; ')}]` : ''}`,
  );
}
