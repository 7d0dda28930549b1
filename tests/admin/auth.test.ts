import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';
import { AS_LI, AS_ZHANG, STAFF, newEntry, startAdmin, type AdminHarness } from './admin-app.js';

/** Every admin route with a request that succeeds for staff. */
const ROUTES: {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  ok: number;
  body?: () => unknown;
  headers?: (h: AdminHarness) => Promise<Record<string, string>>;
  contentType?: string;
}[] = [
  { method: 'GET', url: '/api/admin/entries', ok: 200 },
  { method: 'GET', url: '/api/admin/entries/permit-validity', ok: 200 },
  { method: 'POST', url: '/api/admin/entries', ok: 201, body: () => newEntry() },
  {
    method: 'PUT',
    url: '/api/admin/entries/draft-entry',
    ok: 200,
    body: () => newEntry('draft-entry', { title: '夜间施工噪声草稿改', questions: ['晚上施工噪声'] }),
    headers: async (h) => ({ 'if-match': (await h.app.inject({ method: 'GET', url: '/api/admin/entries/draft-entry', headers: AS_ZHANG })).json().version }),
  },
  { method: 'POST', url: '/api/admin/entries/draft-entry/approve', ok: 200 },
  { method: 'POST', url: '/api/admin/entries/waste-storage/retire', ok: 200 },
  { method: 'GET', url: '/api/admin/audit', ok: 200 },
  { method: 'GET', url: '/api/admin/status', ok: 200 },
  { method: 'GET', url: '/api/admin/export?format=csv', ok: 200 },
  { method: 'POST', url: '/api/admin/import?format=csv', ok: 200, body: () => 'id,kind\n', contentType: 'text/csv' },
];

let h: AdminHarness;
beforeAll(async () => {
  h = await startAdmin();
});
afterAll(() => h.close());

const send = async (r: (typeof ROUTES)[number], auth: Record<string, string>) => {
  const body = r.body?.();
  const headers: Record<string, string> = { ...auth, ...(r.headers ? await r.headers(h) : {}) };
  if (body !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
  return h.app.inject({
    method: r.method,
    url: r.url,
    headers,
    payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
};

describe('every admin route', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: no token 401, wrong token 401, right token ok', async (_name, r) => {
    for (const auth of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: `Bearer ${STAFF[0].token}x` },
      { authorization: STAFF[0].token },
    ]) {
      const res = await send(r, auth);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatch(/工作人员/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    // approve must come from someone other than the creator of the draft
    const res = await send(r, r.url.endsWith('/approve') ? AS_LI : AS_ZHANG);
    expect(res.statusCode, res.body).toBe(r.ok);
  });

  it('the token never appears in the response', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/admin/status', headers: AS_ZHANG });
    expect(res.body).not.toContain(STAFF[0].token);
    expect(res.json().staff).toBe('张三');
  });
});

describe('staff features off', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ engine: new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01')), rateLimitPerMinute: 0 });
  });
  afterAll(() => app.close());

  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s answers 503 saying so', async (_name, r) => {
    const res = await app.inject({ method: r.method, url: r.url, headers: AS_ZHANG });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toContain('工作人员功能未开启');
  });

  it('also when the admin side exists but no staff is configured', async () => {
    const off = await startAdmin({ staff: [] });
    try {
      const res = await off.app.inject({ method: 'GET', url: '/api/admin/entries', headers: AS_ZHANG });
      expect(res.statusCode).toBe(503);
    } finally {
      await off.close();
    }
  });
});
