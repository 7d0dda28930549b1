/**
 * `npx tsx bench/leave-entry-out.ts [--show] [--try '<decision json>' ...]`: how often the engine answers a
 * *neighbouring* entry when the asked matter is not in the knowledge — the usual cause of wrong answers on unseen
 * questions, where most failures are matters nobody wrote an entry for.
 *
 * Every in-scope question of the real tune split and the mined sets that the full knowledge answers correctly is
 * asked again with the entry that answered it taken out (restored after each question). The right outcome then is
 * a clarify or a fallback (`miss`), or a `hit` when another entry carries the same facts; an `answered` reply
 * without the facts is a `wrong` answer. Prints, per engine variant, the full-knowledge hits and the
 * leave-entry-out hits / misses / wrong; only tune and mined questions are used (never test or validation).
 */
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine } from '../src/engine/engine.js';
import { readMined } from './eval/near-eval.js';
import { classify, readEvalSet, splitOf } from './dev-set.js';
import { variantsOf } from './try-options.js';

const { values } = parseArgs({
  options: {
    show: { type: 'boolean' },
    try: { type: 'string', multiple: true },
    dir: { type: 'string' },
  },
});
const knowledge = await loadKnowledge(values.dir ?? 'knowledge', todayInChina());
const tune = splitOf(readEvalSet(process.env.REAL_SET ?? 'bench/eval/real-questions.yaml'), 'tune');
const items = [...tune.inScope, ...readMined().inScope];

/** The default engine and the `--try` variants (bench/try-options.ts). */
const variants = variantsOf(values.try);

for (const [name, options] of variants) {
  const engine = new AnswerEngine(knowledge, options);
  let full = 0;
  const out = { hit: 0, miss: 0, wrong: 0 };
  const wrong: string[] = [];
  for (const item of items) {
    const reply = engine.ask(item.q);
    if (classify(item, reply) !== 'hit' || !reply.entry) continue;
    full++;
    const gone = engine.entry(reply.entry.id)!;
    engine.removeEntry(gone.id);
    const again = engine.ask(item.q);
    engine.upsertEntry(gone);
    const outcome = classify(item, again);
    out[outcome]++;
    if (outcome === 'wrong') wrong.push(`${item.id}: ${gone.id} → ${again.entry?.id}`);
  }
  const rate = (n: number) => (full ? (n / full).toFixed(3) : '-');
  console.log(
    `${name}: full hits ${full}/${items.length}; without the answering entry hit ${out.hit} / miss ${out.miss} / wrong ${out.wrong} (wrong rate ${rate(out.wrong)})`,
  );
  if (values.show) for (const w of wrong) console.log(`  wrong ${w}`);
}
