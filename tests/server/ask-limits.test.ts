/** Rate limits by conversation and by address (issue 13, D1): a venue crowd is served, a flood is not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildApp } from '../../src/server/app.js';
import { parseTrustProxy } from '../../src/config/trust-proxy.js';
import { loadConfig } from '../../src/config/config.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

let engine: AnswerEngine;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  engine = new AnswerEngine(await loadKnowledge(FIXTURE_DIR, '2026-06-01'), { today: () => '2026-06-01' });
});
afterAll(async () => {
  for (const a of apps) await a.close();
});
const app = async (deps: Parameters<typeof buildApp>[0] extends infer D ? Omit<D & object, 'engine'> : never) => {
  const a = await buildApp({ engine, ...deps });
  apps.push(a);
  return a;
};
const ask = (a: FastifyInstance, session?: string, headers: Record<string, string> = {}, remoteAddress = '10.1.1.1') =>
  a.inject({ method: 'POST', url: '/api/ask', remoteAddress, headers, payload: { question: '排污许可证有效期多久', ...(session ? { session } : {}) } });

describe('question rate limits', () => {
  it('100 people behind one address, 3 questions each within a minute: all answered (defaults)', async () => {
    const a = await app({});
    const codes: number[] = [];
    for (let round = 0; round < 3; round++) for (let u = 0; u < 100; u++) codes.push((await ask(a, `venue-${u}`)).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(300);
  });

  it('one conversation past its limit waits (429, Retry-After, the wait in Chinese); others on the address go on', async () => {
    const a = await app({ rateLimitPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await ask(a, 'chatty')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const r = await ask(a, 'chatty');
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.json().error).toMatch(/请 \d+ 秒后再试/);
    expect((await ask(a, 'quiet')).statusCode).toBe(200);
  });

  it('a flood from one address rotating session ids hits the per-address ceiling', async () => {
    const a = await app({ rateLimitPerMinute: 5, rateLimitPerAddress: 50 });
    const codes = [];
    for (let i = 0; i < 60; i++) codes.push((await ask(a, `rotating-${i}`)).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.slice(50).every((c) => c === 429)).toBe(true);
    expect((await ask(a, 'other', {}, '10.2.2.2')).statusCode).toBe(200);
  });

  it('X-Forwarded-For is ignored unless TRUST_PROXY trusts the proxy', async () => {
    const untrusted = await app({ rateLimitPerMinute: 2 });
    const behindProxy = await app({ rateLimitPerMinute: 2, trustProxy: ['10.1.1.1'] });
    const codes = async (a: FastifyInstance) => {
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await ask(a, undefined, { 'x-forwarded-for': `203.0.113.${i}` })).statusCode);
      return out;
    };
    expect(await codes(untrusted)).toEqual([200, 200, 429]); // spoofing does not bypass the limit
    expect(await codes(behindProxy)).toEqual([200, 200, 200]); // each client behind the proxy has its own limit
  });

  it('TRUST_PROXY is parsed and checked', () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false });
    expect(parseTrustProxy('true')).toEqual({ value: true });
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8')).toEqual({ value: ['127.0.0.1', '10.0.0.0/8'] });
    expect(() => loadConfig({ TRUST_PROXY: 'nginx please' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({})).toMatchObject({ trustProxy: false, rateLimitPerMinute: 20, rateLimitPerAddress: 4000 });
  });
});
