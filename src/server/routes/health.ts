/**
 * GET /healthz: liveness, the number of entries served, and the data folder's state (`degraded` while the
 * question log cannot be written; still HTTP 200, since the public Q&A is up).
 */
import type { FastifyInstance } from 'fastify';
import type { AnswerEngine } from '../../engine/engine.js';
import type { DataStatus } from '../../store/data-health.js';

/** Health route; `data` tells the data folder's state (default: always ok). */
export async function healthRoutes(app: FastifyInstance, opts: { engine: AnswerEngine; data?: () => DataStatus }): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, entries: { type: 'integer' }, database: { type: 'string' }, log: { type: 'boolean' } },
            required: ['status', 'entries'],
          },
        },
      },
    },
    async () => {
      const data = opts.data?.();
      return data ? { entries: opts.engine.size, ...data } : { status: 'ok', entries: opts.engine.size };
    },
  );
}
