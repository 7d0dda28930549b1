import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { buildApp } from '../../src/server/app.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

let app: FastifyInstance;
beforeAll(async () => {
  const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), { today: () => '2026-06-01' });
  app = await buildApp({ engine, rateLimitPerMinute: 0 });
});
afterAll(() => app.close());

const ask = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.inject({ method: 'POST', url: '/api/ask', payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers });

describe('GET /healthz', () => {
  it('reports ok and the number of published entries', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', entries: 4 });
  });
});

describe('POST /api/ask', () => {
  it('answers with the contract fields', async () => {
    const r = await ask({ question: '排污许可证有效期多久', session: 'abc' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.status).toBe('answered');
    expect(body.text).toContain('5年');
    expect(body.entry).toMatchObject({ id: 'permit-validity', title: '排污许可证有效期多久', topic: 'permit' });
    expect(body.entry.basis[0]).toEqual({ source: 'reg-a', name: '测试管理条例', article: '第十四条', validity: '现行有效' });
    expect(Array.isArray(body.alternatives)).toBe(true);
    expect(typeof body.score).toBe('number');
  });

  it.each([
    ['an empty question', { question: '' }, '问题不能为空'],
    ['a whitespace-only question', { question: ' \n\t　' }, '问题不能为空'],
    ['a question over 500 characters', { question: '排'.repeat(501) }, '问题太长了'],
    ['a missing question', { q: 'x' }, '请求格式不正确'],
    ['a question that is not a string', { question: 42 }, '请求格式不正确'],
    ['an array body', [1, 2], '请求格式不正确'],
    ['a bad event code', { question: '你好', event: 'bad code!' }, '请求格式不正确'],
    ['broken JSON', '{"question": ', '请求格式不正确'],
  ])('rejects %s with 400 and a Chinese message', async (_name, payload, message) => {
    const r = await ask(payload);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain(message);
  });

  it('accepts exactly 500 characters (counted as characters, not bytes)', async () => {
    const r = await ask({ question: '噪'.repeat(500) });
    expect(r.statusCode).toBe(200);
  });

  it('rejects a body that is not JSON', async () => {
    const r = await ask('question=hi', { 'content-type': 'text/plain' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain('请求格式不正确');
  });

  it('rejects an empty body', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(400);
  });

  it('never answers 500: any string up to 2,000 characters gets a valid reply or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 600 }), fc.constantFrom('危废', '1', '第2个', '你好')),
        async (q) => {
          const r = await ask({ question: q, session: 'p' });
          if (r.statusCode === 400) {
            expect(typeof r.json().error).toBe('string');
            return;
          }
          expect(r.statusCode).toBe(200);
          const body = r.json();
          expect(['answered', 'clarify', 'fallback', 'smalltalk']).toContain(body.status);
          expect(body.text.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('GET /api/entries/:id and /api/topics', () => {
  it('returns a published entry with its cited basis', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/entries/permit-validity' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: 'permit-validity', basis: [{ article: '第十四条', validity: '现行有效' }] });
  });
  it('404s drafts and unknown ids', async () => {
    for (const id of ['draft-entry', 'nope', '..%2F..%2Fetc']) {
      const r = await app.inject({ method: 'GET', url: `/api/entries/${id}` });
      expect(r.statusCode).toBe(404);
    }
  });
  it('counts published entries per topic', async () => {
    const topics = (await app.inject({ method: 'GET', url: '/api/topics' })).json().topics;
    expect(topics.find((t: { id: string }) => t.id === 'waste')).toEqual({ id: 'waste', name: '固体废物与危险废物', entries: 3 });
    expect(topics.find((t: { id: string }) => t.id === 'noise').entries).toBe(0);
  });
  it('404s unknown routes with a JSON message', async () => {
    const r = await app.inject({ method: 'GET', url: '/nope' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toBeTruthy();
  });
});

describe('rate limit', () => {
  it('answers 429 with a polite message past the limit', async () => {
    const engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'));
    const limited = await buildApp({ engine, rateLimitPerMinute: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const r = await limited.inject({ method: 'POST', url: '/api/ask', payload: { question: '你好' } });
      codes.push(r.statusCode);
      if (r.statusCode === 429) expect(r.json().error).toContain('太频繁');
    }
    expect(codes).toEqual([200, 200, 429]);
    await limited.close();
  });
});
