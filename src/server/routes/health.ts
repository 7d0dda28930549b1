/** GET /healthz: liveness and the number of entries served. */
import type { FastifyInstance } from 'fastify';
import type { AnswerEngine } from '../../engine/engine.js';

/** Health route. */
export async function healthRoutes(app: FastifyInstance, opts: { engine: AnswerEngine }): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        response: {
          200: { type: 'object', properties: { status: { type: 'string' }, entries: { type: 'integer' } }, required: ['status', 'entries'] },
        },
      },
    },
    async () => ({ status: 'ok', entries: opts.engine.size }),
  );
}
