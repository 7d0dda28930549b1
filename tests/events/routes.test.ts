import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../src/events/registry.js';
import { decodeQrPng } from './decode-qr.js';
import { outreachApp, type OutreachApp } from './outreach-app.js';

describe('outreach routes without PUBLIC_URL or Telegram username', () => {
  let t: OutreachApp;
  beforeAll(async () => {
    t = await outreachApp();
    createEvent(t.db, { code: 'staff-xss', name: '<script>alert(1)</script>培训', date: '2026-12-01', place: '会议室 & "大厅"', greeting: '<b>欢迎</b>' });
  });
  afterAll(async () => t.close());

  it('serves the poster of a file event: name, bot name, QR, web link, examples, print CSS, no Telegram line', async () => {
    const res = await t.app.inject({ url: '/events/wed2026', headers: { host: 'pufa.example:8080' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('2026年六五环境日普法宣传咨询');
    expect(html).toContain('环保普法助手');
    expect(html).toContain('2026年6月5日');
    expect(html).toContain('http://pufa.example:8080/?event=wed2026');
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain('<link rel="stylesheet" href="/outreach/print.css">');
    expect((html.match(/<ol class="examples"><li>/g) ?? []).length).toBe(1);
    expect((html.split('<ol class="examples">')[1].split('</ol>')[0].match(/<li>/g) ?? []).length).toBe(3);
    expect(html).not.toContain('t.me');
    expect(html).not.toContain('Telegram');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('escapes every text of a staff event', async () => {
    const res = await t.app.inject({ url: '/events/staff-xss' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;培训');
    expect(res.body).toContain('&lt;b&gt;欢迎&lt;/b&gt;');
    expect(res.body).toContain('会议室 &amp; &quot;大厅&quot;');
  });

  it('serves the print stylesheet with A4 and print rules', async () => {
    const res = await t.app.inject({ url: '/outreach/print.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.body).toContain('size: A4');
    expect(res.body).toContain('@media print');
  });

  it('answers unknown and malformed codes with a Chinese 404 page', async () => {
    for (const url of ['/events/nope', '/events/%3Cscript%3E', `/events/${'a'.repeat(40)}`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('未找到这个活动');
      expect(res.body).not.toContain('<script>');
    }
  });

  it('encodes the web chat link in the PNG and SVG QR codes, from the request host', async () => {
    const png = await t.app.inject({ url: '/events/wed2026/qr.png', headers: { host: 'pufa.example' } });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(decodeQrPng(png.rawPayload)).toBe('http://pufa.example/?event=wed2026');
    const svg = await t.app.inject({ url: '/events/wed2026/qr.svg?target=web' });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('refuses a Telegram QR code without a configured username, a bad target, and unknown codes', async () => {
    const tg = await t.app.inject({ url: '/events/wed2026/qr.png?target=telegram' });
    expect(tg.statusCode).toBe(404);
    expect(tg.json().error).toContain('TELEGRAM_BOT_USERNAME');
    const bad = await t.app.inject({ url: '/events/wed2026/qr.svg?target=fax' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/请求格式不正确/);
    const extra = await t.app.inject({ url: '/events/wed2026/qr.svg?size=9' });
    expect(extra.statusCode).toBe(400);
    const unknown = await t.app.inject({ url: '/events/nope/qr.svg' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('没有这个活动代码。');
  });

  it('serves a leaflet of a topic: up to 8 entries, FAQ first, each with basis and a QR code of its question link', async () => {
    const res = await t.app.inject({ url: '/leaflets/permit', headers: { host: 'pufa.example' } });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('排污许可 常见问答');
    const items = html.split('<li>').slice(1);
    expect(items.length).toBeGreaterThan(3);
    expect(items.length).toBeLessThanOrEqual(8);
    for (const item of items) {
      expect(item).toContain('法律依据：');
      expect(item).toContain('<svg');
      expect(item).toMatch(/href="http:\/\/pufa\.example\/\?q=%[0-9A-F]{2}/);
    }
    expect(html).toContain('《排污许可管理条例》');
    expect(html).not.toMatch(/<script|style=/);
  });

  it('answers an unknown topic (or one without entries) with a Chinese 404 page', async () => {
    for (const url of ['/leaflets/nope', '/leaflets/__proto__', '/leaflets/report']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('未找到这个主题的问答');
      expect(res.body).toContain('排污许可');
    }
  });
});

describe('outreach routes with PUBLIC_URL and a Telegram username', () => {
  let t: OutreachApp;
  beforeAll(async () => {
    t = await outreachApp({ publicUrl: 'https://pufa.weidu.example/', telegramBotUsername: 'weidu_pufa_bot' });
  });
  afterAll(async () => t.close());

  it('prints PUBLIC_URL links and the Telegram deep link on the poster', async () => {
    const res = await t.app.inject({ url: '/events/songfa-2026-12', headers: { host: 'internal:3000' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('https://pufa.weidu.example/?event=songfa-2026-12');
    expect(res.body).toContain('https://t.me/weidu_pufa_bot?start=songfa-2026-12');
    expect(res.body).not.toContain('internal:3000');
  });

  it('encodes the t.me link with ?target=telegram and PUBLIC_URL by default', async () => {
    const tg = await t.app.inject({ url: '/events/wed2026/qr.png?target=telegram' });
    expect(decodeQrPng(tg.rawPayload)).toBe('https://t.me/weidu_pufa_bot?start=wed2026');
    const web = await t.app.inject({ url: '/events/wed2026/qr.png' });
    expect(decodeQrPng(web.rawPayload)).toBe('https://pufa.weidu.example/?event=wed2026');
  });

  it('links leaflet items to PUBLIC_URL/?q=<title>', async () => {
    const res = await t.app.inject({ url: '/leaflets/tax' });
    expect(res.statusCode).toBe(200);
    const link = /href="(https:\/\/pufa\.weidu\.example\/\?q=[^"]+)"/.exec(res.body)?.[1];
    expect(link).toBeDefined();
    const title = decodeURIComponent(new URL(link!.replace(/&amp;/g, '&')).searchParams.get('q')!);
    expect(res.body).toContain(`<h3>${title}</h3>`);
  });
});
