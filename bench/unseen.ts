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
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge, type Knowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine, DEFAULT_ENGINE_OPTIONS } from '../src/engine/engine.js';
import type { Understood } from '../src/engine/understand.js';
import { classify, readEvalSet, type EvalItem } from './dev-set.js';
import { fnv1a32 } from './eval/split.js';
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
const inHalf = (item: EvalItem) => !values.half || (fnv1a32(item.q) % 2 === 0 ? 'a' : 'b') === values.half;

const batches: Batch[] = readdirSync('bench/eval/mined')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const path = `bench/eval/mined/${f}`;
    const commit = git('log', '--diff-filter=A', '--format=%H', '--', path).split('\n').pop()!;
    const set = readEvalSet(path);
    return { name: f.slice(0, -5), commit, inScope: set.inScope.filter(inHalf), outOfScope: set.outOfScope.filter(inHalf) };
  });

/** The knowledge tree of a commit, extracted once. */
async function knowledgeAt(commit: string): Promise<Knowledge> {
  const dir = join(tmpdir(), 'pufa-unseen', commit);
  if (!existsSync(join(dir, 'knowledge'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} knowledge | tar -x -C ${dir}`]);
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
let last: { understood: Understood; normalized: string } | undefined;
const dump: string[] = [];

const traced = { onUnderstood: (understood: Understood, normalized: string) => (last = { understood, normalized }) };
const engines = new Map([...trees].map(([c, k]) => [c, new AnswerEngine(k, traced)]));
const defaults = { decision: DEFAULT_ENGINE_OPTIONS.decision, complaintGuideEntryId: DEFAULT_ENGINE_OPTIONS.complaintGuideEntryId };

for (const [name, options] of variantsOf(values.try)) {
  // The variant's options are read at question time: the engines are built once and their options swapped.
  for (const engine of engines.values()) Object.assign(engine.options, defaults, options);
  const total = { hit: 0, miss: 0, wrong: 0, offered: 0, suggested: 0, out: 0, falseAnswers: 0, outSuggested: 0 };
  const shown: string[] = [];
  for (const b of batches) {
    const engine = engines.get(b.commit)!;
    const per = { hit: 0, miss: 0, wrong: 0 };
    for (const item of b.inScope) {
      last = undefined;
      const reply = engine.ask(item.q);
      const outcome = classify(item, reply);
      per[outcome]++;
      // A clarify that offers an entry carrying the facts: one tap from the answer.
      if (reply.status === 'clarify' && reply.alternatives.some((a) => carries(engine, item, a.id))) total.offered++;
      // A fallback that suggests such an entry (您是不是想问).
      if (reply.status === 'fallback' && reply.alternatives.some((a) => carries(engine, item, a.id))) total.suggested++;
      if (values.dump && name === 'default') dump.push(JSON.stringify(traceOf(engine, item, reply.status, outcome)));
      if (outcome !== 'hit' && values.show)
        shown.push(`${item.id} [${outcome === 'wrong' ? 'WRONG' : reply.status}${reply.entry ? ` ${reply.entry.id}` : ''} ${reply.score ?? ''}] ${item.q}`);
    }
    for (const item of b.outOfScope) {
      total.out++;
      const reply = engine.ask(item.q);
      if (reply.status === 'answered') total.falseAnswers++;
      if (reply.status === 'fallback' && reply.alternatives.length) total.outSuggested++;
    }
    total.hit += per.hit;
    total.miss += per.miss;
    total.wrong += per.wrong;
    if (values.show) console.log(`  ${b.name} (${b.commit.slice(0, 7)}): ${per.hit} hit / ${per.miss} miss / ${per.wrong} wrong`);
  }
  const n = total.hit + total.miss + total.wrong;
  const r = (x: number, d: number) => (d ? (x / d).toFixed(3) : '-');
  console.log(
    `${name}: ${n} in scope, hit ${total.hit} (${r(total.hit, n)}) / miss ${total.miss} (clarify offering the answer ${total.offered}, fallback suggesting it ${total.suggested}) / wrong ${total.wrong} (${r(total.wrong, n)}); false answers ${total.falseAnswers}/${total.out} (fallbacks with suggestions ${total.outSuggested})`,
  );
  for (const s of shown) console.log(`  ${s}`);
}
if (values.dump) writeFileSync(values.dump, `${dump.join('\n')}\n`);

/** Whether the entry's reply carries the item's facts (its `must` patterns). */
function carries(engine: AnswerEngine, item: EvalItem, id: string): boolean {
  const e = engine.entry(id);
  return e ? classify(item, engine.replyFor(e)) === 'hit' : false;
}

/** One item's reading for --dump: the outcome, the best candidates' features, the question's domain terms the best entry lacks. */
function traceOf(engine: AnswerEngine, item: EvalItem, status: string, outcome: string) {
  const ranked = last?.understood.decision.ranked ?? [];
  const a = engine.analyzer;
  const terms = last ? [...new Set(a.tokensOf(last.normalized).filter((t) => a.namesTerm(t)))] : [];
  const textOf = (id: string) => {
    const e = engine.entry(id);
    return e ? a.normalize([e.title, ...e.questions, ...e.keywords].join(' ')) : '';
  };
  const answerOf = (id: string) => {
    const e = engine.entry(id);
    return e ? a.normalize(e.answer) : '';
  };
  return {
    id: item.id,
    q: item.q,
    status,
    outcome,
    via: last?.understood.via,
    kind: last?.understood.decision.kind,
    terms,
    top: ranked.slice(0, 5).map((r) => ({
      ...r,
      good: carries(engine, item, r.id),
      missingAsked: terms.filter((t) => !textOf(r.id).includes(t)),
      missingAll: terms.filter((t) => !textOf(r.id).includes(t) && !answerOf(r.id).includes(t)),
    })),
  };
}
