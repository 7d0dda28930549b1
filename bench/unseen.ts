/**
 * `npm run bench:unseen -- [--show] [--half a|b] [--dump file.jsonl] [--lexicon knowledge] [--try '<decision json>' ...]`: the engine of today on real questions
 * it had not seen — every mined batch (bench/eval/mined/*.yaml) asked of the knowledge as it stood in the commit that
 * added the batch, before entries were written from it. This is the closest honest imitation of new askers: unlike
 * the tune split, the knowledge was not shaped by these questions; unlike the test split, it may be looked at.
 *
 * Each batch's knowledge tree is extracted once with `git archive` into the temporary directory. Items are split into
 * halves `a` and `b` by FNV-1a of the question (bench/eval/split.ts): choose thresholds on one half and check them
 * on the other. Prints hits / misses / wrong answers in scope and false answers out of scope, per variant.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge, type Knowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine, DEFAULT_ENGINE_OPTIONS } from '../src/engine/engine.js';
import type { Understood } from '../src/engine/understand.js';
import { carriesFacts, classify, readEvalSet, score, type EvalItem } from './dev-set.js';
import { halfOf } from './unseen-dump.js';
import { variantsOf } from './try-options.js';

const { values } = parseArgs({
  options: {
    show: { type: 'boolean' },
    half: { type: 'string' },
    dump: { type: 'string' },
    lexicon: { type: 'string' },
    try: { type: 'string', multiple: true },
  },
});

/** One mined batch with the commit that added it. */
interface Batch {
  name: string;
  commit: string;
  inScope: EvalItem[];
  outOfScope: EvalItem[];
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const inHalf = (item: EvalItem) => !values.half || halfOf(item.q) === values.half;

// A batch not yet committed has no knowledge of its own to be asked of (and may be still being collected): skipped.
const batches: Batch[] = readdirSync('bench/eval/mined')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => {
    const path = `bench/eval/mined/${f}`;
    const commit = git('log', '--diff-filter=A', '--format=%H', '--', path).split('\n').pop()!;
    if (!commit) {
      console.error(`${path}: not committed yet, skipped`);
      return [];
    }
    const set = readEvalSet(path);
    return [{ name: f.slice(0, -5), commit, inScope: set.inScope.filter(inHalf), outOfScope: set.outOfScope.filter(inHalf) }];
  });

/** The knowledge tree of a commit, extracted once (into a scratch folder renamed when complete, so an interrupted run leaves no half tree). */
async function knowledgeAt(commit: string): Promise<Knowledge> {
  const dir = join(tmpdir(), 'pufa-unseen', commit);
  if (!existsSync(dir)) {
    const scratch = `${dir}.${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} knowledge | tar -x -C ${scratch}`]);
    renameSync(scratch, dir);
  }
  return loadKnowledge(join(dir, 'knowledge'), todayInChina());
}

// --lexicon <knowledge dir>: every old tree is read with that tree's lexicon (synonyms.yaml) instead of its own, to
// measure a lexicon change on questions the entries were not written from (choose on half a, check on half b).
const lexicon = values.lexicon ? (await loadKnowledge(values.lexicon, todayInChina())).lexicon : undefined;
const trees = new Map<string, Knowledge>();
for (const b of batches) {
  if (trees.has(b.commit)) continue;
  const k = await knowledgeAt(b.commit);
  trees.set(b.commit, lexicon ? { ...k, lexicon } : k);
}

/** The last question's reading, for --dump. */
let last: Understood | undefined;
const dump: string[] = [];

const traced = { onUnderstood: (understood: Understood) => (last = understood) };
const engines = new Map([...trees].map(([c, k]) => [c, new AnswerEngine(k, traced)]));
const defaults = { decision: DEFAULT_ENGINE_OPTIONS.decision, complaintGuideEntryId: DEFAULT_ENGINE_OPTIONS.complaintGuideEntryId };

for (const [name, options] of variantsOf(values.try)) {
  // The variant's options are read at question time: the engines are built once and their options swapped.
  for (const engine of engines.values()) Object.assign(engine.options, defaults, options);
  const total = { hits: 0, misses: 0, wrong: 0, offered: 0, suggested: 0, outOfScope: 0, falseAnswers: 0, outOfScopeSuggested: 0 };
  const shown: string[] = [];
  for (const b of batches) {
    const engine = engines.get(b.commit)!;
    const s = score(
      b,
      (q) => engine.ask(q),
      (item, id) => carriesFacts(engine, item, id),
    );
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k];
    if (values.show) {
      console.log(`  ${b.name} (${b.commit.slice(0, 7)}): ${s.hits} hit / ${s.misses} miss / ${s.wrong} wrong`);
      shown.push(...s.failures.filter((f) => !f.endsWith('(out of scope)')));
    }
    if (values.dump) {
      for (const item of b.inScope) dump.push(JSON.stringify(traceOf(name, engine, item)));
      for (const item of b.outOfScope) dump.push(JSON.stringify({ ...traceOf(name, engine, item), scope: 'out' }));
    }
  }
  const n = total.hits + total.misses + total.wrong;
  const r = (x: number, d: number) => (d ? (x / d).toFixed(3) : '-');
  console.log(
    `${name}: ${n} in scope, hit ${total.hits} (${r(total.hits, n)}) / miss ${total.misses} (clarify offering the answer ${total.offered - total.suggested}, fallback suggesting it ${total.suggested}) / wrong ${total.wrong} (${r(total.wrong, n)}); false answers ${total.falseAnswers}/${total.outOfScope} (fallbacks with suggestions ${total.outOfScopeSuggested})`,
  );
  for (const line of shown) console.log(`  ${line}`);
}
if (values.dump) writeFileSync(values.dump, `${dump.join('\n')}\n`);

/**
 * One item's reading for --dump (bench/unseen-analysis.ts reads it): the variant, the outcome, how it was read, and
 * the eight best candidates' features, each with whether its reply carries the item's facts (never, out of scope:
 * those rows carry `scope: 'out'`).
 */
function traceOf(variant: string, engine: AnswerEngine, item: EvalItem) {
  last = undefined;
  const reply = engine.ask(item.q);
  const reading = last as Understood | undefined;
  return {
    variant,
    id: item.id,
    q: item.q,
    // The analysis's split of short and long questions: 30 characters or more.
    long: [...item.q].length >= 30,
    status: reply.status,
    outcome: classify(item, reply),
    via: reading?.via,
    kind: reading?.decision.kind,
    top: (reading?.decision.ranked ?? []).slice(0, 8).map((c) => ({ ...c, good: (item.must?.length ?? 0) > 0 && carriesFacts(engine, item, c.id) })),
  };
}
