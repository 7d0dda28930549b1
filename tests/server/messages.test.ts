import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { MessageStore } from '../../src/messages/message-store.js';
import { openDatabase } from '../../src/store/database.js';
import { createAdmin } from '../../src/admin/admin.js';
import { fixtureCopy } from '../helpers/fixture.js';

const TODAY = '2026-12-01';
const STAFF = [{ name: '张三', token: 'alice-token-0123456789' }];
const AS_ZHANG = { authorization: `Bearer ${STAFF[0].token}` };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(contacts = { bureauName: '魏都区生态环境局', phone: '0374-1234567', hours: '工作日 8:30-17:30', address: '许昌市魏都区某路1号' }) {
  const { dir } = await fixtureCopy();
  const knowledge = await loadKnowledge(dir, TODAY);
  const engine = new AnswerEngine(knowledge, { today: () => TODAY, contacts });
  const db = openDatabase(':memory:');
  const messages = new MessageStore(db);
  const admin = await createAdmin({ knowledgeDir: dir, dataDir: dir + '-data', staffTokens: STAFF, engine, knowledge, db, watch: false });
  app = await buildApp({ engine, admin, messages, rateLimitPerMinute: 0 });
  return { app, messages };
}

const valid = { question: '我家楼下饭店油烟很大，找谁管', contact: '13800000000', consent: true, session: 'a'.repeat(32), channel: 'web' };

describe('留言 routes', () => {
  it('a visitor leaves a message, staff reply, the visitor sees the reply by the receipt code', async () => {
    const { app } = await start();
    const left = await app.inject({ method: 'POST', url: '/api/messages', payload: valid });
    expect(left.statusCode).toBe(201);
    const { code } = left.json();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const before = await app.inject({ method: 'GET', url: `/api/messages/${code.toLowerCase().replace('-', '')}` });
    expect(before.json()).toMatchObject({ status: 'pending', statusLabel: '待处理' });
    const list = await app.inject({ method: 'GET', url: '/api/admin/messages?status=pending', headers: AS_ZHANG });
    const [m] = list.json().messages;
    expect(m).toMatchObject({ contact: '13800000000', statusLabel: '待处理' });
    const replied = await app.inject({
      method: 'POST',
      url: `/api/admin/messages/${m.id}`,
      headers: AS_ZHANG,
      payload: { reply: '餐饮油烟请拨打 12345。', note: '内部备注' },
    });
    expect(replied.json()).toMatchObject({ statusLabel: '已回复', handledBy: '张三' });
    const after = (await app.inject({ method: 'GET', url: `/api/messages/${code}` })).json();
    expect(after).toMatchObject({ statusLabel: '已回复', reply: '餐饮油烟请拨打 12345。' });
    expect(JSON.stringify(after)).not.toMatch(/13800000000|内部备注/);
    const detail = (await app.inject({ method: 'GET', url: `/api/admin/messages/${m.id}`, headers: AS_ZHANG })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['create', 'reply']);
  });

  it('refuses bad input with a Chinese message and stores nothing', async () => {
    const { app, messages } = await start();
    for (const payload of [
      { ...valid, consent: false },
      { ...valid, contact: '  ' },
      { ...valid, contact: '123' },
      { ...valid, question: ' ' },
      { ...valid, question: '问'.repeat(1001) },
      { question: '缺少联系方式', consent: true },
      { ...valid, extra: 1 },
      { question: valid.question, contact: valid.contact },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/messages', payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json().error).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messages.list()).toHaveLength(0);
    const noConsent = await app.inject({ method: 'POST', url: '/api/messages', payload: { question: valid.question, contact: valid.contact } });
    expect(noConsent.json().error).toContain('同意');
    expect((await app.inject({ method: 'GET', url: '/api/messages/not-a-code' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/messages/AAAA-BBBB' })).statusCode).toBe(404);
  });

  it('staff routes need a staff token; a bad status change is refused', async () => {
    const { app } = await start();
    await app.inject({ method: 'POST', url: '/api/messages', payload: valid });
    expect((await app.inject({ method: 'GET', url: '/api/admin/messages' })).statusCode).toBe(401);
    const m = (await app.inject({ method: 'GET', url: '/api/admin/messages', headers: AS_ZHANG })).json().messages[0];
    const bad = await app.inject({ method: 'POST', url: `/api/admin/messages/${m.id}`, headers: AS_ZHANG, payload: { status: 'replied' } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/admin/messages/999', headers: AS_ZHANG, payload: { status: 'closed' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/admin/messages/${m.id}`, headers: AS_ZHANG, payload: { status: 'gone' } })).statusCode).toBe(400);
  });

  it('limits one visitor to 5 messages per 10 minutes, with a clear message', async () => {
    const { app } = await start();
    const codes: number[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await app.inject({ method: 'POST', url: '/api/messages', payload: { ...valid, question: `第${i}个问题` } })).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    const res = await app.inject({ method: 'POST', url: '/api/messages', payload: valid });
    expect(res.json().error).toMatch(/留言太频繁/);
    // Another conversation on the same address is not blocked by the first one.
    expect((await app.inject({ method: 'POST', url: '/api/messages', payload: { ...valid, session: 'b'.repeat(32) } })).statusCode).toBe(201);
  });

  it('GET /api/contact and a request for a person answer from the settings', async () => {
    const { app } = await start();
    const c = (await app.inject({ method: 'GET', url: '/api/contact' })).json();
    expect(c).toMatchObject({ phone: '0374-1234567', address: '许昌市魏都区某路1号', messages: true });
    for (const question of ['我想找人工客服', '转人工', '人工', '电话', '地址', '你们局在哪办公', '怎么联系你们', '环保局电话多少']) {
      const r = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question } })).json();
      expect(r.status, question).toBe('contact');
      expect(r.text).toContain('0374-1234567');
      expect(r.text).toContain('许昌市魏都区某路1号');
      expect(r.contact.phone).toBe('0374-1234567');
    }
    const hotline = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '环保投诉电话是多少' } })).json();
    expect(hotline.status).not.toBe('contact');
  });
});
