import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AS_ZHANG as AUTH, startAdmin, type AdminHarness } from '../admin/admin-app.js';
import { chinaDay } from '../../src/time/china-day.js';

let h: AdminHarness;
let app: FastifyInstance;
const today = chinaDay(); // the day the questions below are logged on (China's, not UTC's)

beforeAll(async () => {
  h = await startAdmin({ outreach: true });
  app = h.app;
  for (const q of ['光伏板回收归谁管', '光伏板回收归谁管理', '排污证有效期多久']) {
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: q, session: q } });
  }
});
afterAll(() => h.close());

describe('staff insights', () => {
  it('needs a staff token', async () => {
    for (const url of ['/api/admin/gaps', '/api/admin/stats']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer wrong-token-000000000' } })).statusCode).toBe(401);
    }
  });

  it('lists the unanswered questions grouped, most frequent first', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/admin/gaps?from=${today}&to=${today}`, headers: AUTH });
    expect(r.statusCode).toBe(200);
    const gaps = r.json().gaps;
    expect(gaps[0]).toMatchObject({ index: 1, count: 2, reasons: { fallback: 2, clarify: 0, unhelpful: 0 } });
    expect(gaps[0].examples.sort()).toEqual(['光伏板回收归谁管', '光伏板回收归谁管理']);
  });

  it('counts the period', async () => {
    const s = (await app.inject({ method: 'GET', url: `/api/admin/stats?from=${today}&to=${today}`, headers: AUTH })).json();
    expect(s).toMatchObject({ questions: 3, answered: 1, unanswered: 2, uniqueAskers: 3 });
    expect(s.byChannel).toEqual([{ key: 'api', questions: 3, answered: 1, askers: 3 }]);
  });

  it('rejects a bad period', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/stats?from=2026-13-45x', headers: AUTH })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/admin/stats?from=2026-02-01&to=2026-01-01', headers: AUTH })).statusCode).toBe(400);
    // Impossible calendar dates are refused with a Chinese message, not a 500 or a silently moved day.
    for (const q of ['to=2026-13-01', 'to=2026-02-30', 'from=2026-04-31', 'from=2026-00-10']) {
      for (const route of ['stats', 'gaps']) {
        const r = await app.inject({ method: 'GET', url: `/api/admin/${route}?${q}`, headers: AUTH });
        expect(r.statusCode, `${route}?${q}`).toBe(400);
        expect(r.json().error).toContain('日期无效');
      }
    }
    const draft = await app.inject({ method: 'POST', url: '/api/admin/gaps/draft', headers: AUTH, payload: { to: '2026-02-30', index: 1, id: 'x-y' } });
    expect(draft.statusCode).toBe(400);
  });

  it('creates a draft from a gap with its questions prefilled', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/admin/gaps/draft',
      headers: AUTH,
      payload: { from: today, to: today, index: 1, id: 'general-solar-panels', topic: 'waste' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: 'general-solar-panels', status: 'draft' });
    const e = (await app.inject({ method: 'GET', url: '/api/admin/entries/general-solar-panels', headers: AUTH })).json();
    expect([e.entry?.title ?? e.title, ...(e.entry?.questions ?? e.questions)].sort()).toEqual(['光伏板回收归谁管', '光伏板回收归谁管理']);
    const missing = await app.inject({ method: 'POST', url: '/api/admin/gaps/draft', headers: AUTH, payload: { index: 99, id: 'x-y' } });
    expect(missing.statusCode).toBe(404);
  });

  it('serves the stats page without putting the token in the URL', async () => {
    const r = await app.inject({ method: 'GET', url: '/admin/stats' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('工作人员令牌');
    expect(r.body).not.toMatch(/<script>[^<]/);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describe('staff events', () => {
  it('creates an event that is live at once, and rejects bad or taken codes', async () => {
    const event = { code: 'visit_2026', name: '送法入企走访', date: '2026-12-10', place: '某工业园区', greeting: '欢迎参加送法入企活动。' };
    expect((await app.inject({ method: 'POST', url: '/api/admin/events', payload: event })).statusCode).toBe(401);
    const created = await app.inject({ method: 'POST', url: '/api/admin/events', headers: AUTH, payload: event });
    expect(created.statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/events/visit_2026' })).json()).toMatchObject({ known: true, greeting: '欢迎参加送法入企活动。' });
    expect((await app.inject({ method: 'GET', url: '/events/visit_2026' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/admin/events', headers: AUTH, payload: event })).statusCode).toBe(409);
    const bad = await app.inject({ method: 'POST', url: '/api/admin/events', headers: AUTH, payload: { ...event, code: 'bad code!' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('code');
  });
});
