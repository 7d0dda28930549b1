/** Compression and GET /metrics (issue 13, D10). */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AS_ZHANG, startAdmin, type AdminHarness } from '../admin/admin-app.js';

let h: AdminHarness;
let app: FastifyInstance;
beforeAll(async () => {
  h = await startAdmin();
  app = h.app;
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } });
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '明天会下雨吗' } });
  await app.inject({ method: 'GET', url: '/api/entries/permit-validity?x=secret-query' });
});
afterAll(() => h.close());

describe('operations', () => {
  it('compresses text responses for clients that accept gzip', async () => {
    const r = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.rawPayload).toString('utf8')).toContain('<html');
    const plain = await app.inject({ method: 'GET', url: '/' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('serves Prometheus metrics to loopback, prefixed pufa_, by route pattern', async () => {
    const r = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.body;
    expect(text).toMatch(/pufa_http_requests_total\{route="\/api\/ask",method="POST",status="200"\} 2/);
    expect(text).toMatch(/pufa_answers_total\{status="answered"\} 1/);
    expect(text).toMatch(/pufa_answers_total\{status="(fallback|clarify)"\} 1/);
    expect(text).toMatch(/pufa_reply_latency_seconds_count 2/);
    expect(text).toContain('pufa_question_log_write_failures_total');
    expect(text).toMatch(/pufa_knowledge_reloads_total\{result="ok"\} 0/);
    expect(text).toContain('pufa_process_cpu_seconds_total');
    expect(text).toContain('route="/api/entries/:id"');
    expect(text).not.toContain('secret-query');
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^pufa_/);
  });

  it('needs a staff token from elsewhere', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(
      401,
    );
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9', headers: AS_ZHANG })).statusCode).toBe(200);
  });
});
