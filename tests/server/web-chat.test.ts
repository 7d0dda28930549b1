import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { buildApp } from '../../src/server/app.js';
import { defaultHotQuestions, findWebDir } from '../../src/server/routes/web-chat.js';
import { AskService } from '../../src/service/ask-service.js';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { FIXTURE_DIR, KNOWLEDGE_DIR } from '../helpers/fixture.js';
import { createEngine } from '../../src/runtime.js';

let app: FastifyInstance;
let engine: AnswerEngine;
const log = new QuestionLog(openDatabase(':memory:'));

beforeAll(async () => {
  engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), { today: () => '2026-06-01' });
  app = await buildApp({ engine, service: new AskService(engine, log), rateLimitPerMinute: 0 });
  await app.ready();
});
afterAll(() => app.close());

const postFeedback = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/feedback', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

describe('GET /', () => {
  it('serves the page with a strict CSP and no inline script or style', async () => {
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const html = r.body;
    expect(html).toContain('环保普法助手');
    expect(html).toContain('魏都区生态环境局');
    // Every <script> has a src and no body; no style attributes or <style> blocks; no inline handlers.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('leaves the API routes outside the plugin as they were', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
  });
});

/** The chat page's scripts in the order it must load them (each after the ones it uses). */
const PAGE_SCRIPTS = [
  'chat-dom.js',
  'chat-basis.js',
  'chat-render.js',
  'chat-store.js',
  'chat-net.js',
  'chat-composer.js',
  'chat.js',
  'contact-base.js',
  'contact-info.js',
  'contact-message.js',
  'contact.js',
];

describe('/assets/*', () => {
  it.each([...PAGE_SCRIPTS.map((f): [string, RegExp] => [f, /javascript/]), ['chat.css', /text\/css/]])('serves %s', async (file, type) => {
    const r = await app.inject({ method: 'GET', url: `/assets/${file}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(type);
    expect(r.body.length).toBeGreaterThan(100);
  });

  it.each(PAGE_SCRIPTS)('%s never renders data with innerHTML', async (file) => {
    const r = await app.inject({ method: 'GET', url: `/assets/${file}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('the page loads every chat and contact script, each after the ones it uses', async () => {
    const html = (await app.inject({ method: 'GET', url: '/' })).body;
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(PAGE_SCRIPTS);
  });

  it('answers 404 for a missing asset and for paths outside the folder', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/../server/app.ts' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/%2e%2e/%2e%2e/package.json' })).statusCode).toBe(404);
  });

  it('finds src/web from the module in src and from the compiled module in dist', () => {
    const fromSrc = findWebDir(new URL('../../src/server/routes/web-chat.ts', import.meta.url).href);
    const fromDist = findWebDir(new URL('../../dist/server/routes/web-chat.js', import.meta.url).href);
    expect(fromSrc).toBe(fromDist);
    expect(fromSrc).toMatch(/src[/\\]web$/);
  });
});

describe('GET /api/hot', () => {
  it('lists published titles by default', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/hot' });
    expect(r.statusCode).toBe(200);
    const titles = engine.published().map((e) => e.title);
    const { questions } = r.json() as { questions: string[] };
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) expect(titles).toContain(q);
  });

  it('picks 10 titles across topics from the real knowledge', async () => {
    const { engine: real } = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
    const hot = defaultHotQuestions(real);
    expect(hot).toHaveLength(10);
    const topics = hot.map((t) => real.published().find((e) => e.title === t)!.topic);
    expect(new Set(topics).size).toBe(10);
    expect(topics).not.toContain('report');
  });

  it('serves a configured list as given', async () => {
    const custom = await buildApp({ engine, rateLimitPerMinute: 0, hotQuestions: ['问题一', '问题二'] });
    const r = await custom.inject({ method: 'GET', url: '/api/hot' });
    expect(r.json()).toEqual({ questions: ['问题一', '问题二'] });
    await custom.close();
  });
});

describe('POST /api/feedback', () => {
  it('accepts a 👍 and a 👎 with 204 and counts them on the replies in the question log', async () => {
    const ask = async () =>
      (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久', channel: 'web', session: 'abc123' } })).json()
        .id as number;
    const [first, second] = [await ask(), await ask()];
    const up = await postFeedback({ session: 'abc123', entryId: 'permit-validity', question: '排污许可证有效期多久', helpful: true, id: first });
    expect(up.statusCode).toBe(204);
    expect(up.body).toBe('');
    const down = await postFeedback({ session: 'abc123', entryId: 'permit-validity', question: '排污许可证有效期多久', helpful: false, id: second });
    expect(down.statusCode).toBe(204);
    expect([log.get(first)?.feedback, log.get(second)?.feedback]).toEqual([1, -1]);
  });

  it('only the conversation that got the reply can rate it (issue 13, D10)', async () => {
    const id = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久', session: 'victim' } })).json().id as number;
    expect((await postFeedback({ session: 'victim', entryId: 'permit-validity', question: 'q', helpful: true, id })).statusCode).toBe(204);
    const attack = await postFeedback({ session: 'attacker', entryId: 'permit-validity', question: 'q', helpful: false, id });
    expect(attack.statusCode).toBe(204);
    expect(log.get(id)?.feedback).toBe(1);
    // A reply asked without any session cannot be rated through its id at all.
    const anon = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json().id as number;
    await postFeedback({ session: 'anyone', entryId: 'permit-validity', question: 'q', helpful: false, id: anon });
    expect(log.get(anon)?.feedback).toBeNull();
  });

  it('does not let a log id rate another entry', async () => {
    const id = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json().id as number;
    const r = await postFeedback({ session: 's', entryId: 'waste-storage', question: 'q', helpful: false, id });
    expect(r.statusCode).toBe(204);
    expect(log.get(id)?.feedback).toBeNull();
  });

  it.each([
    ['a missing helpful', { session: 's', entryId: 'permit-validity', question: 'q' }],
    ['helpful not a boolean', { session: 's', entryId: 'permit-validity', question: 'q', helpful: 'maybe' }],
    ['a missing session', { entryId: 'permit-validity', question: 'q', helpful: true }],
    ['an empty session', { session: '', entryId: 'permit-validity', question: 'q', helpful: true }],
    ['an entry id with markup', { session: 's', entryId: '<b>x</b>', question: 'q', helpful: true }],
    ['a question over 500 characters', { session: 's', entryId: 'permit-validity', question: '问'.repeat(501), helpful: true }],
    ['an unknown field', { session: 's', entryId: 'permit-validity', question: 'q', helpful: true, extra: 1 }],
    ['an array', [1]],
  ])('rejects %s with 400 and a Chinese message', async (_name, payload) => {
    const r = await postFeedback(payload);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain('反馈格式不正确');
  });

  it('rejects broken JSON with 400 and a Chinese message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/feedback', headers: { 'content-type': 'application/json' }, payload: '{"session": ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain('请求格式不正确');
  });
});
