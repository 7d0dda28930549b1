/**
 * Slow reliability test: a writer process (admin-writer.ts) edits a knowledge copy through the entry store and
 * is killed with SIGKILL at a random point, 100 times. After every kill the knowledge tree loads without an
 * error, no entry file is partial, and the store opens again (removing temp files of the killed write).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/admin/admin.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { ENTRY_DIRS, loadKnowledge } from '../../src/knowledge/load.js';
import { parseYaml } from '../../src/knowledge/yaml-file.js';
import { openDatabase } from '../../src/store/database.js';
import { FIXTURE_DIR, fixtureCopy } from '../helpers/fixture.js';
import { versionOf } from '../../src/admin/entry-yaml.js';

const root = path.resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.CRASH_RUNS) || 100;
const PARALLEL = 5;
const TODAY = '2026-06-01';

/** Runs the writer in `dir` and kills it with SIGKILL `delayMs` after it reports its first write. */
function killWriter(dir: string, dataDir: string, seed: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/admin-writer.ts', dir, dataDir, String(seed)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

async function checkTree(dir: string): Promise<void> {
  const k = await loadKnowledge(dir, TODAY);
  expect(k.problems.filter((p) => p.severity === 'error')).toEqual([]);
  for (const d of ENTRY_DIRS) {
    const names = await readdir(path.join(dir, d)).catch(() => [] as string[]);
    for (const n of names.filter((x) => x.endsWith('.yaml'))) {
      const text = await readFile(path.join(dir, d, n), 'utf8');
      expect(parseYaml(n, text).problems).toEqual([]);
      expect(text.endsWith('\n')).toBe(true);
    }
  }
}

async function oneRun(i: number): Promise<void> {
  const { dir, cleanup } = await fixtureCopy();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-crash-'));
  try {
    // Kill soon after start on some runs, deep into a write storm on others.
    await killWriter(dir, dataDir, i + 1, Math.floor(Math.random() * (i % 2 ? 40 : 400)));
    await checkTree(dir);
    // The store opens again: temp files of the killed write are removed, revisions are readable.
    const knowledge = await loadKnowledge(dir, TODAY);
    const db = openDatabase(path.join(dataDir, 'pufa.db'));
    const admin = await createAdmin({
      knowledgeDir: dir,
      dataDir,
      staffTokens: [],
      engine: new AnswerEngine(knowledge, { today: () => TODAY }),
      knowledge,
      db,
      watch: false,
    });
    expect(admin.revisionProblems).toEqual([]);
    // Write-ahead audit (issue 13, D5): every text staff wrote has its audit row, whatever the moment of the kill.
    const audited = new Set(db.prepare('SELECT new_version FROM audit WHERE new_version IS NOT NULL').pluck().all() as string[]);
    for (const e of knowledge.entries) {
      const view = admin.store.get(e.id);
      if (!view) continue;
      const original = await readFile(path.join(FIXTURE_DIR, view.file), 'utf8').then(versionOf, () => undefined);
      if (view.version !== original || view.pendingRevision) expect(audited.has(view.version), `${e.id} ${view.version} has no audit row`).toBe(true);
    }
    db.close();
    for (const d of [...ENTRY_DIRS.map((x) => path.join(dir, x)), path.join(dataDir, 'revisions')]) {
      expect((await readdir(d).catch(() => [] as string[])).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
  } finally {
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('writer killed with SIGKILL [slow]', () => {
  it(`leaves a loadable knowledge tree with no partial file, ${RUNS} runs`, async () => {
    for (let i = 0; i < RUNS; i += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, RUNS - i) }, (_, j) => oneRun(i + j)));
    }
  }, 600_000);
});
