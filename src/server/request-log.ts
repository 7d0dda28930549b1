/**
 * The request log without personal data: Fastify's own request logging is off (it logs the client's address,
 * the full URL with `?q=` questions and type-ahead keystrokes) and each response is logged here as one line
 * with the method, the route pattern (`/api/entries/:id`, never the URL as sent), the status and the time.
 * No address, no query string, no session id, no question text.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The route pattern of a request, or a fixed label for URLs that match none (never the raw URL). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? '(no route)';
}

async function plugin(app: FastifyInstance): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, route: routeOf(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
}

/** Logs one privacy-safe line per response (use with Fastify's `disableRequestLogging: true`). */
export const requestLog = fp(plugin, { name: 'pufa-request-log' });

/**
 * pino serializers for anything that still logs a request or response object: method and route only, and
 * the status code; no address, headers, URL or body.
 */
export const privacySerializers = {
  req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};
