/** No input can crash the server: random paths, queries and bodies on every public and staff route get an answer below 500. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, type Admin } from '../../src/admin/admin.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadOutreach } from '../../src/events/setup.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { fixtureCopy } from '../helpers/fixture.js';

const AUTH = { authorization: 'Bearer robust-token-0123456789' };
let app: FastifyInstance;
let admin: Admin;
let db: Db;
let dirs: string[];

beforeAll(async () => {
  const kb = await fixtureCopy();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-data-'));
  dirs = [kb.dir, dataDir];
  const knowledge = await loadKnowledge(kb.dir, '2026-06-01');
  const engine = new AnswerEngine(knowledge, { today: () => '2026-06-01' });
  db = openDatabase(path.join(dataDir, 'pufa.db'));
  const service = new AskService(engine, new QuestionLog(db));
  admin = await createAdmin({ knowledgeDir: kb.dir, dataDir, staffTokens: [{ name: '测试', token: 'robust-token-0123456789' }], engine, knowledge, db, watch: false });
  const outreach = await loadOutreach({ knowledgeDir: kb.dir, sources: knowledge.sources, today: '2026-06-01', db });
  app = await buildApp({ engine, service, admin, outreach, rateLimitPerMinute: 0 });
});
afterAll(async () => {
  await admin.close();
  await app.close();
  db.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const segment = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('..', '%2e%2e', '<script>', 'wed2026', 'permit', '%00', 'a'.repeat(300)));
const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ question: fc.string(), session: fc.string(), helpful: fc.boolean(), entryId: fc.string(), id: fc.integer(), score: fc.integer(), total: fc.integer() }));

describe('robustness', () => {
  it('answers every GET route below 500 for any path segment and query', async () => {
    const routes = ['/api/entries/', '/events/', '/leaflets/', '/api/events/', '/api/admin/entries/'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, segment, async (route, seg, q) => {
        const url = `${route}${encodeURIComponent(seg)}?q=${encodeURIComponent(q)}&target=${encodeURIComponent(q)}&from=${encodeURIComponent(q)}`;
        const r = await app.inject({ method: 'GET', url, headers: AUTH });
        expect(r.statusCode, url).toBeLessThan(500);
        const qr = await app.inject({ method: 'GET', url: `/events/${encodeURIComponent(seg)}/qr.svg?target=${encodeURIComponent(q)}` });
        expect(qr.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('answers every POST route below 500 for any JSON body, and changes nothing on a 4xx', async () => {
    const routes = ['/api/ask', '/api/feedback', '/api/quiz/result', '/api/admin/entries', '/api/admin/events', '/api/admin/gaps/draft'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), json, async (route, body) => {
        const before = db.prepare('SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM quiz_results) + (SELECT COUNT(*) FROM audit) AS n').get() as { n: number };
        const r = await app.inject({ method: 'POST', url: route, headers: { ...AUTH, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(r.statusCode, `${route} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (r.statusCode >= 400) {
          const after = db.prepare('SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM quiz_results) + (SELECT COUNT(*) FROM audit) AS n').get() as { n: number };
          expect(after.n).toBe(before.n);
          expect(typeof r.json().error).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });
});
