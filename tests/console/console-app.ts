/** Test helper: the whole app (staff side, question log, outreach, 留言) on a fixture copy, listening on loopback. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAdmin, type Admin } from '../../src/admin/admin.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadOutreach } from '../../src/events/setup.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { MessageStore } from '../../src/messages/message-store.js';
import { buildApp } from '../../src/server/app.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { STAFF, TODAY } from '../admin/admin-app.js';
import { fixtureCopy } from '../helpers/fixture.js';
import { freePort } from '../helpers/net.js';

/** A running app for console tests. */
export interface ConsoleApp {
  app: FastifyInstance;
  admin: Admin;
  messages: MessageStore;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/** Starts the app the way main.ts wires it, on a fresh fixture copy and data folder. */
export async function startConsoleApp(): Promise<ConsoleApp> {
  const { dir } = await fixtureCopy();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-console-'));
  const knowledge = await loadKnowledge(dir, TODAY);
  const engine = new AnswerEngine(knowledge, { today: () => TODAY });
  const db = openDatabase(path.join(dataDir, 'pufa.db'));
  const log = new QuestionLog(db);
  const admin = await createAdmin({ knowledgeDir: dir, dataDir, staffTokens: STAFF, engine, knowledge, db, watch: false });
  const outreach = await loadOutreach({ knowledgeDir: dir, sources: knowledge.sources, today: TODAY, db });
  const messages = new MessageStore(db);
  const app = await buildApp({ engine, service: new AskService(engine, log), admin, outreach, messages, rateLimitPerMinute: 0 });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    admin,
    messages,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await admin.close();
      await app.close();
      db.close();
      await rm(dir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
