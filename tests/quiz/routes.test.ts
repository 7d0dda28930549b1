import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachApp, type OutreachApp } from '../events/outreach-app.js';

interface Row {
  channel: string;
  event: string | null;
  user_hash: string | null;
  score: number;
  total: number;
}

describe('quiz routes', () => {
  let t: OutreachApp;
  beforeAll(async () => {
    t = await outreachApp();
  });
  afterAll(async () => t.close());

  const rows = () => t.db.prepare('SELECT channel, event, user_hash, score, total FROM quiz_results ORDER BY id').all() as Row[];
  const post = (payload: unknown, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/quiz/result',
      headers: { 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('serves the page and its own script and stylesheet under a strict CSP', async () => {
    const page = await t.app.inject({ url: '/quiz?event=wed2026' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('普法知识竞答');
    expect(page.body).toContain('<script src="/quiz/assets/quiz.js" defer></script>');
    expect(page.body).not.toMatch(/<script>|<style|\sstyle=|\son[a-z]+=/);
    const js = await t.app.inject({ url: '/quiz/assets/quiz.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).not.toContain('innerHTML');
    const css = await t.app.inject({ url: '/quiz/assets/quiz.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect((await t.app.inject({ url: '/quiz/assets/../index.html' })).statusCode).toBe(404);
  });

  it('hands out a round of distinct questions with answers, explanations and cited basis', async () => {
    const res = await t.app.inject({ url: '/api/quiz' });
    expect(res.statusCode).toBe(200);
    const { questions } = res.json() as {
      questions: { id: string; options: string[]; answer: number; basis: string; topicName: string; explanation: string }[];
    };
    expect(questions).toHaveLength(10);
    expect(new Set(questions.map((q) => q.id)).size).toBe(10);
    for (const q of questions) {
      expect(q.answer).toBeLessThan(q.options.length);
      expect(q.basis).toMatch(/^《.+》|（GB/);
      expect(q.basis).not.toContain('已被取代');
      expect(q.topicName).toBeTruthy();
    }
    const tax = (await t.app.inject({ url: '/api/quiz?topic=tax&count=3' })).json() as { questions: { topic: string }[] };
    expect(tax.questions).toHaveLength(3);
    expect(tax.questions.every((q) => q.topic === 'tax')).toBe(true);
    const many = (await t.app.inject({ url: '/api/quiz?count=999' })).json() as { questions: unknown[] };
    expect(many.questions.length).toBeLessThanOrEqual(50);
  });

  it('refuses bad question queries with a Chinese 400', async () => {
    for (const url of ['/api/quiz?count=abc', '/api/quiz?topic=weather', '/api/quiz?count=-1', '/api/quiz?foo=1']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatch(/请求格式不正确/);
    }
  });

  it('stores a result with its event and a hashed session', async () => {
    const before = rows().length;
    const res = await post({ event: 'wed2026', score: 8, total: 10, session: '0123456789abcdef0123456789abcdef' });
    expect(res.statusCode).toBe(201);
    const res2 = await post({ score: 10, total: 10, session: '0123456789abcdef0123456789abcdef' });
    expect(res2.statusCode).toBe(201);
    const added = rows().slice(before);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({ channel: 'web', event: 'wed2026', score: 8, total: 10 });
    expect(added[1]).toMatchObject({ event: null, score: 10 });
    expect(added[0].user_hash).toMatch(/^[0-9a-f]{24}$/);
    expect(added[0].user_hash).toBe(added[1].user_hash);
    expect(added[0].user_hash).not.toContain('0123456789abcdef');
  });

  it('refuses bad results with a Chinese 400 and stores nothing', async () => {
    const before = rows().length;
    const session = '0123456789abcdef0123456789abcdef';
    const bad: unknown[] = [
      { score: 11, total: 10, session },
      { score: -1, total: 10, session },
      { score: 1.5, total: 10, session },
      { score: '8', total: 10, session },
      { score: 0, total: 0, session },
      { score: 1, total: 51, session },
      { score: 1, total: 10 },
      { score: 1, total: 10, session: 'short' },
      { score: 1, total: 10, session, event: 'bad code!' },
      { score: 1, total: 10, session, extra: true },
      [],
      'null',
    ];
    for (const body of bad) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error, JSON.stringify(body)).toMatch(/成绩格式不正确|请求格式不正确/);
    }
    const unknown = await post({ score: 1, total: 10, session, event: 'no-such-event' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe('没有这个活动代码：no-such-event。');
    const notJson = await post('{"score":', 'application/json');
    expect(notJson.statusCode).toBe(400);
    const text = await post('score=1', 'text/plain');
    expect(text.statusCode).toBe(400);
    expect(rows().length).toBe(before);
  });
});
