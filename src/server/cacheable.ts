/**
 * For print material that is expensive to render and rarely changes (posters, leaflets, QR images): an ETag
 * on every 200 response (a hash of the body) with 304 Not Modified for a matching If-None-Match, and a
 * per-address rate limit, so a crowd reloading leaflets cannot slow the question route for everyone.
 * Applies to every route of the (encapsulated) plugin it is called in.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Options of {@link cacheable}. */
export interface CacheableOptions {
  /** Requests per minute per address on these routes (default: 120; 0 turns the limit off). */
  perAddress?: number;
}

/** Adds ETag/304 and the rate limit to the routes of `app` (call inside the routes' plugin, before them). */
export async function cacheable(app: FastifyInstance, o: CacheableOptions = {}): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const etag = `"${createHash('sha1').update(payload).digest('base64url').slice(0, 22)}"`;
    reply.header('etag', etag);
    const given = request.headers['if-none-match'];
    if (given?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
  const perAddress = o.perAddress ?? 120;
  if (perAddress <= 0) return;
  const { default: rateLimit } = await import('@fastify/rate-limit');
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });
  const check = app.createRateLimit({ max: perAddress, timeWindow: 60_000, keyGenerator: (r) => `print:${r.ip}` });
  app.addHook('preHandler', async (request, reply) => {
    const r = await check(request);
    if (r.isAllowed || !r.isExceeded) return;
    await reply.code(429).header('retry-after', String(r.ttlInSeconds)).type('text/plain; charset=utf-8').send(`请求太频繁了，请 ${r.ttlInSeconds} 秒后再试。`);
    return reply;
  });
}
