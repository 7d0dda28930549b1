/**
 * `npx tsx bench/conversation-speed.ts`: in-process reply latency on the real knowledge for the real-question
 * corpus and the follow-up conversations, asked with a session whose context lives in SQLite (a temporary
 * DATA_DIR), against the same questions asked with no session (the baseline of the same run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { todayInChina } from '../src/knowledge/validity.js';
import { AnswerEngine } from '../src/engine/engine.js';
import { openDatabase } from '../src/store/database.js';
import { SqliteConversationStore } from '../src/store/conversation-store.js';
import { readEvalSet } from './dev-set.js';
import { readFollowups } from './followups.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const knowledge = await loadKnowledge('knowledge', todayInChina());
const real = readEvalSet('bench/eval/real-questions.yaml');
const questions = [...real.inScope, ...real.outOfScope].map((i) => i.q);
const conversations = readFollowups('bench/eval/followups.yaml').map((c) => c.turns);
const dir = mkdtempSync(path.join(tmpdir(), 'pufa-speed-'));
const db = openDatabase(path.join(dir, 'pufa.db'));
const engine = new AnswerEngine(knowledge, { conversations: new SqliteConversationStore(db) });

function run(withSession: boolean): number[] {
  const lat: number[] = [];
  let n = 0;
  const ask = (q: string, s?: string) => {
    const t = performance.now();
    engine.ask(q, s);
    lat.push(performance.now() - t);
  };
  for (let round = 0; round < 3; round++) {
    for (const q of questions) ask(q, withSession ? `s${n++ % 50}` : undefined);
    for (const turns of conversations) {
      const s = withSession ? `c${n++}` : undefined;
      for (const q of turns) ask(q, s);
    }
  }
  return lat;
}
run(false); // warm-up
const base = run(false);
const ours = run(true);
console.log(`${knowledge.entries.length} entries, ${base.length} asks per run\n`);
console.log('| asked | p50 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|');
console.log(`| no session (baseline) | ${pct(base, 50).toFixed(3)} | ${pct(base, 99).toFixed(3)} | ${Math.max(...base).toFixed(3)} |`);
console.log(`| session, context in SQLite | ${pct(ours, 50).toFixed(3)} | ${pct(ours, 99).toFixed(3)} | ${Math.max(...ours).toFixed(3)} |`);
console.log(`\np99 ratio session ÷ baseline: ${(pct(ours, 99) / pct(base, 99)).toFixed(2)}`);
db.close();
rmSync(dir, { recursive: true, force: true });
