/** No input can crash the server: random paths, queries and bodies on every public and staff route get an answer below 500. */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_ZHANG as AUTH, startAdmin, type AdminHarness } from '../admin/admin-app.js';
import type { Db } from '../../src/store/database.js';

let h: AdminHarness;
let app: FastifyInstance;
let db: Db;

beforeAll(async () => {
  h = await startAdmin({ outreach: true });
  app = h.app;
  db = h.db;
});
afterAll(() => h.close());

const segment = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('..', '%2e%2e', '<script>', 'wed2026', 'permit', '%00', 'a'.repeat(300)),
);
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    question: fc.string(),
    session: fc.string(),
    helpful: fc.boolean(),
    entryId: fc.string(),
    id: fc.integer(),
    score: fc.integer(),
    total: fc.integer(),
  }),
);

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
        const before = db.prepare('SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM quiz_results) + (SELECT COUNT(*) FROM audit) AS n').get() as {
          n: number;
        };
        const r = await app.inject({ method: 'POST', url: route, headers: { ...AUTH, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(r.statusCode, `${route} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (r.statusCode >= 400) {
          const after = db.prepare('SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM quiz_results) + (SELECT COUNT(*) FROM audit) AS n').get() as {
            n: number;
          };
          expect(after.n).toBe(before.n);
          expect(typeof r.json().error).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });
});
