/**
 * POST /api/admin/events: staff create an outreach event (code, name, date, place, greeting); it is live
 * at once for posters, QR codes, the web chat greeting and Telegram deep links. GET /api/admin/events lists
 * every event. Registered inside the admin API, whose hook authenticates every route.
 */
import type { FastifyInstance } from 'fastify';
import { createEvent, EventInputError, type EventRegistry } from '../../events/registry.js';
import type { Db } from '../../store/database.js';

/** What the event routes need. */
export interface AdminEventDeps {
  db: Db;
  registry: EventRegistry;
}

/** Staff event routes. */
export async function adminEventRoutes(app: FastifyInstance, opts: { events: AdminEventDeps }): Promise<void> {
  const { db, registry } = opts.events;
  app.get('/api/admin/events', async () => ({ events: registry.list() }));
  app.post('/api/admin/events', { schema: { body: { type: 'object' } } }, async (request, reply) => {
    try {
      const event = createEvent(db, request.body, { createdBy: request.staff, taken: (c) => registry.has(c) });
      return reply.code(201).send(event);
    } catch (err) {
      if (err instanceof EventInputError) return reply.code(err.reason === 'duplicate' ? 409 : 400).send({ error: err.message, field: err.field });
      throw err;
    }
  });
}
