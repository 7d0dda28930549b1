/** Builds the real app with the real knowledge, events and quiz, and an in-memory database. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createEngine } from '../../src/runtime.js';
import { loadOutreach, type OutreachDeps } from '../../src/events/setup.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { todayInChina } from '../../src/knowledge/validity.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

/** The app plus what a test inspects. */
export interface OutreachApp {
  app: FastifyInstance;
  db: Db;
  outreach: OutreachDeps;
  close: () => Promise<void>;
}

/** The app over the project's knowledge; `publicUrl` and `telegramBotUsername` as given (default: none). */
export async function outreachApp(settings: { publicUrl?: string; telegramBotUsername?: string } = {}): Promise<OutreachApp> {
  const { engine, knowledge } = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
  const db = openDatabase(':memory:');
  const outreach = await loadOutreach({ knowledgeDir: KNOWLEDGE_DIR, sources: knowledge.sources, db, today: todayInChina(), ...settings });
  const app = await buildApp({ engine, outreach });
  return {
    app,
    db,
    outreach,
    close: async () => {
      await app.close();
      db.close();
    },
  };
}
