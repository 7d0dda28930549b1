/** Test helper: the app with the staff side on a temp copy of the fixture knowledge and a temp DATA_DIR. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAdmin, type Admin } from '../../src/admin/admin.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { AskService } from '../../src/service/ask-service.js';
import { loadOutreach } from '../../src/events/setup.js';
import { fixtureCopy } from '../helpers/fixture.js';

/** Two staff members (tokens of 16+ characters). */
export const STAFF = [
  { name: '张三', token: 'alice-token-0123456789' },
  { name: '李四', token: 'bob-token-0123456789abc' },
];
/** Authorization headers of the two staff members. */
export const AS_ZHANG = { authorization: `Bearer ${STAFF[0].token}` };
export const AS_LI = { authorization: `Bearer ${STAFF[1].token}` };
/** The fixed day of these tests. */
export const TODAY = '2026-06-01';

/** A running test app. */
export interface AdminHarness {
  app: FastifyInstance;
  engine: AnswerEngine;
  admin: Admin;
  db: Db;
  /** The question log and the ask service the app uses. */
  log: QuestionLog;
  service: AskService;
  dir: string;
  dataDir: string;
  /** Closes the app, watcher and database; keeps the folders (for restart tests). */
  stop(): Promise<void>;
  /** stop() and removes the folders. */
  close(): Promise<void>;
}

/** Starts the app on a fresh fixture copy (or on `reuse` folders, as a restart). */
export async function startAdmin(
  o: { watch?: boolean; staff?: typeof STAFF; reuse?: { dir: string; dataDir: string }; outreach?: boolean } = {},
): Promise<AdminHarness> {
  const dir = o.reuse?.dir ?? (await fixtureCopy()).dir;
  const dataDir = o.reuse?.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'pufa-data-')));
  const knowledge = await loadKnowledge(dir, TODAY);
  const engine = new AnswerEngine(knowledge, { today: () => TODAY });
  const db = openDatabase(path.join(dataDir, 'pufa.db'));
  const log = new QuestionLog(db);
  const service = new AskService(engine, log);
  const admin = await createAdmin({
    knowledgeDir: dir,
    dataDir,
    staffTokens: o.staff ?? STAFF,
    engine,
    knowledge,
    db,
    watch: o.watch ?? false,
    debounceMs: 100,
  });
  const outreach = o.outreach ? await loadOutreach({ knowledgeDir: dir, sources: knowledge.sources, today: TODAY, db }) : undefined;
  const app = await buildApp({ engine, service, admin, outreach, rateLimitPerMinute: 0 });
  const stop = async () => {
    await admin.close();
    await app.close();
    db.close();
  };
  return {
    app,
    engine,
    admin,
    db,
    log,
    service,
    dir,
    dataDir,
    stop,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid new entry body for the fixture tree. */
export function newEntry(id = 'noise-night-work', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    kind: 'faq',
    topic: 'noise',
    title: '夜间施工需要办什么手续',
    questions: ['晚上能不能施工', '夜间施工证明怎么办'],
    keywords: ['夜间施工'],
    answer: '夜间施工一般需要事先取得证明，并公告附近居民。\n\n具体办理：向主管部门申请，说明工期和降噪措施。',
    basis: [{ source: 'reg-a', article: '第二十条' }],
    related: [],
    ...extra,
  };
}
