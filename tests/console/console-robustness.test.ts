/** No input crashes the console's routes: random entries to validate, queries, comments and sign-in bodies get an answer below 500. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_ZHANG, startAdmin, type AdminHarness } from '../admin/admin-app.js';

let h: AdminHarness;
beforeAll(async () => {
  h = await startAdmin();
});
afterAll(() => h.close());

const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('第十四条', '十四', '', 'reg-a', 'permit', '<script>', '%00'));
const entryish = fc.record(
  {
    id: fc.oneof(fc.constantFrom('permit-validity', 'x-new', ''), fc.string({ maxLength: 20 })),
    kind: fc.oneof(fc.constantFrom('faq', 'law'), fc.string()),
    topic: fc.oneof(fc.constantFrom('permit', 'noise'), fc.string()),
    title: text,
    questions: fc.oneof(fc.array(text, { maxLength: 3 }), text),
    keywords: fc.array(text, { maxLength: 3 }),
    answer: text,
    basis: fc.oneof(fc.array(fc.record({ source: text, article: text }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 2 })),
    related: fc.array(text, { maxLength: 2 }),
    checked: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

describe('console robustness', () => {
  it('validate answers below 500 for any entry-like body, and writes nothing', async () => {
    const audit = () => (h.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
    const before = audit();
    await fc.assert(
      fc.asyncProperty(fc.oneof(entryish, fc.jsonValue({ maxDepth: 3 })), fc.boolean(), async (entry, create) => {
        const r = await h.app.inject({ method: 'POST', url: '/api/admin/console/validate', headers: AS_ZHANG, payload: { entry, create } as never });
        expect(r.statusCode, JSON.stringify(entry)).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(audit()).toBe(before);
  });

  it('lists, returns and signs in below 500 for any query or body', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, fc.jsonValue({ maxDepth: 2 }), async (q, seg, body) => {
        const list = await h.app.inject({
          method: 'GET',
          url: `/api/admin/console/entries?q=${encodeURIComponent(q)}&status=${encodeURIComponent(seg)}`,
          headers: AS_ZHANG,
        });
        expect(list.statusCode).toBeLessThan(500);
        const back = await h.app.inject({
          method: 'POST',
          url: `/api/admin/entries/${encodeURIComponent(seg || 'x')}/return`,
          headers: AS_ZHANG,
          payload: { comment: q },
        });
        expect(back.statusCode).toBeLessThan(500);
        const login = await h.app.inject({
          method: 'POST',
          url: '/admin/login',
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(login.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
