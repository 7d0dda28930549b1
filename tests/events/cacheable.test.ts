/** Print material is cached (ETag, 304) and rate-limited per address (issue 13, D10). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachApp, type OutreachApp } from './outreach-app.js';
import { qrPng } from '../../src/events/qr.js';

let t: OutreachApp;
beforeAll(async () => {
  t = await outreachApp({ publicUrl: 'https://pufa.example' });
});
afterAll(() => t.close());

describe('cached print material', () => {
  it('answers 304 to a matching If-None-Match on leaflets, posters and QR images', async () => {
    for (const url of ['/leaflets/permit', '/events/wed2026', '/events/wed2026/qr.png', '/events/wed2026/qr.svg']) {
      const first = await t.app.inject({ url, remoteAddress: '10.9.0.1' });
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^".+"$/);
      const again = await t.app.inject({ url, remoteAddress: '10.9.0.1', headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('keeps the ETag when the page is compressed', async () => {
    const first = await t.app.inject({ url: '/leaflets/permit', remoteAddress: '10.9.0.4', headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers['content-encoding']).toBe('gzip');
    const again = await t.app.inject({
      url: '/leaflets/permit',
      remoteAddress: '10.9.0.4',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('makes each QR code once', async () => {
    const a = await qrPng('https://pufa.example/?event=memo');
    expect(await qrPng('https://pufa.example/?event=memo')).toBe(a); // the same bytes object, not a new rendering
  });

  it('limits one address to 120 a minute; another address is served', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 125; i++) codes.push((await t.app.inject({ url: '/events/wed2026/qr.svg', remoteAddress: '10.9.0.2' })).statusCode);
    expect(codes.filter((c) => c === 429)).toHaveLength(125 - 120);
    expect((await t.app.inject({ url: '/events/wed2026/qr.svg', remoteAddress: '10.9.0.3' })).statusCode).toBe(200);
  });
});
