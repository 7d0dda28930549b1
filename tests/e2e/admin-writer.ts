/**
 * Child process of admin-crash.test.ts: edits entries of a knowledge copy through the entry store as fast as
 * it can (drafts, updates, approvals, revisions, retirements) until it is killed. Prints `ready` once.
 * Usage: node --import tsx tests/e2e/admin-writer.ts <knowledgeDir> <dataDir> <seed>
 */
import path from 'node:path';
import { createAdmin } from '../../src/admin/admin.js';
import { EditError } from '../../src/admin/edit-error.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { openDatabase } from '../../src/store/database.js';

const [dir, dataDir, seedText] = process.argv.slice(2);
const today = '2026-06-01';
const knowledge = await loadKnowledge(dir, today);
const engine = new AnswerEngine(knowledge, { today: () => today });
const db = openDatabase(path.join(dataDir, 'pufa.db'));
const { store } = await createAdmin({ knowledgeDir: dir, dataDir, staffTokens: [], engine, knowledge, db, watch: false });

let seed = Number(seedText) || 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const long = (n: number) => '这是一段用于测试原子写入的回答文字。'.repeat(50 + Math.floor(rand() * 400)) + n;

let ready = false;
for (let n = 0; ; n++) {
  const id = ['draft-entry', 'permit-validity', 'waste-storage', `crash-new-${n % 7}`][Math.floor(rand() * 4)];
  try {
    const view = store.get(id);
    if (!view) {
      await store.create('甲', {
        id,
        kind: 'faq',
        topic: 'noise',
        title: `崩溃测试条目${n}号`,
        questions: [],
        keywords: [],
        answer: long(n),
        basis: [{ source: 'reg-a', article: '第一条' }],
        related: [],
      });
    } else {
      const action = rand();
      if (action < 0.6) await store.update('甲', id, view.version, { ...view.entry, answer: long(n) });
      else if (action < 0.85) await store.approve('乙', id);
      else await store.retire('乙', id);
    }
  } catch (err) {
    if (!(err instanceof EditError)) throw err;
  }
  if (!ready) {
    ready = true;
    process.stdout.write('ready\n');
  }
}
