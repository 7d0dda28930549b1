import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { buildApp } from '../../src/server/app.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

let app: FastifyInstance;
beforeAll(async () => {
  const knowledge = await loadKnowledge(KNOWLEDGE_DIR, '2026-12-01', { outOfForce: 'review' });
  const engine = new AnswerEngine(knowledge, { today: () => '2026-12-01' });
  app = await buildApp({ engine, rateLimitPerMinute: 0 });
});
afterAll(() => app.close());

const ask = (question: string) => app.inject({ method: 'POST', url: '/api/ask', payload: { question } });

describe('GET /api/laws/eco-code/articles/:n', () => {
  it('returns the article with its place and validity', async () => {
    const r = await app.inject('/api/laws/eco-code/articles/1095');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      source: 'eco-code',
      name: '中华人民共和国生态环境法典',
      number: 1095,
      article: '第一千零九十五条',
      part: '第五编　法律责任和附则',
      chapter: '第二章　法律责任分则',
      section: '第二节　违反生态环境影响评价管理规定',
      validity: '现行有效',
    });
    expect(body.text).toMatch(/^违反本法规定，建设单位未依法报批/);
    expect((await app.inject('/api/laws/eco-code/articles/187')).json().subpart).toBe('第二分编　大气污染防治');
  });

  it('answers 404 in Chinese for a number the Code does not have, and for an unknown law', async () => {
    for (const n of ['1243', '0', '9999']) {
      const r = await app.inject(`/api/laws/eco-code/articles/${n}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error).toMatch(/共一千二百四十二条，没有第/);
    }
    const unknown = await app.inject('/api/laws/air-law/articles/1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('没有这部法律的文本。');
  });

  it('answers 400 in Chinese when n is not Arabic digits', async () => {
    for (const n of ['abc', '一千', '12345', '-1']) {
      const r = await app.inject(`/api/laws/eco-code/articles/${encodeURIComponent(n)}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatch(/阿拉伯数字/);
    }
  });
});

describe('GET /law/eco-code', () => {
  it('serves the whole Code with a table of contents, an anchor per article and where the text comes from', async () => {
    const r = await app.inject('/law/eco-code');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'none'/);
    const html = r.body;
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('flk.npc.gov.cn');
    expect(html).toContain('以国家法律法规数据库（flk.npc.gov.cn）发布的官方文本为准');
    for (const n of [1, 15, 1095, 1242]) expect(html).toContain(`<article id="a${n}">`);
    expect(html.match(/<article id="a\d+">/g)).toHaveLength(1242);
    expect(html).toMatch(/<summary><a href="#h\d+">第五编　法律责任和附则<\/a>/);
    expect(html).toContain('第二节　违反生态环境影响评价管理规定');
    expect(html).not.toMatch(/<script/);
  });

  it('answers 404 for a law without a shipped text', async () => {
    expect((await app.inject('/law/air-law')).statusCode).toBe(404);
    expect((await app.inject('/law/..%2Fetc')).statusCode).toBe(404);
  });
});

describe('POST /api/ask naming an article', () => {
  it('answers in Chinese and Arabic numerals with the article', async () => {
    for (const q of ['法典第一千零九十五条', '生态环境法典第1095条说了什么']) {
      const body = (await ask(q)).json();
      expect(body.status).toBe('answered');
      expect(body.article).toMatchObject({ number: 1095, article: '第一千零九十五条', validity: '现行有效' });
    }
  });

  it('says a missing article does not exist', async () => {
    const body = (await ask('法典第1300条')).json();
    expect(body.status).toBe('fallback');
    expect(body.text).toContain('没有第一千三百条');
  });

  it('says a repealed article was repealed and names the Code article', async () => {
    const body = (await ask('环评法第三十一条')).json();
    expect(body.status).toBe('answered');
    expect(body.text).toContain('已于2026年8月15日废止');
    expect(body.repealed).toMatchObject({ source: 'eia-law', article: '第三十一条', repealedOn: '2026-08-15' });
    expect(body.article.number).toBe(1095);
  });

  it('gives each basis of the Code its article number, for the law page link', async () => {
    const body = (await ask('未批先建怎么罚')).json();
    const code = body.entry.basis.filter((b: { source: string }) => b.source === 'eco-code');
    expect(code.length).toBeGreaterThan(0);
    for (const b of code) expect(typeof b.number).toBe('number');
  });
});
