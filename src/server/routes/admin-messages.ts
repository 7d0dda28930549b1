/** /api/admin/messages: staff read visitors' 留言, reply, close and annotate them (every change audited). */
import type { FastifyInstance } from 'fastify';
import { MessageError, type MessageStatus, type MessageStore } from '../../messages/message-store.js';

const ID_PARAMS = { type: 'object', properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' } }, required: ['id'] } as const;
const STATUS = { type: 'string', enum: ['pending', 'replied', 'closed'] } as const;

/** Staff routes of the messages (registered inside the admin API, behind its staff authentication). */
export async function adminMessageRoutes(app: FastifyInstance, opts: { messages: MessageStore }): Promise<void> {
  const { messages } = opts;
  app.get<{ Querystring: { status?: MessageStatus } }>(
    '/api/admin/messages',
    { schema: { querystring: { type: 'object', properties: { status: STATUS }, additionalProperties: false } } },
    async (request) => ({ messages: messages.list(request.query.status), pending: messages.pendingCount() }),
  );
  app.get<{ Params: { id: string } }>('/api/admin/messages/:id', { schema: { params: ID_PARAMS } }, async (request, reply) => {
    const msg = messages.get(Number(request.params.id));
    if (!msg) return reply.code(404).send({ error: '没有这条留言（可能已过保存期限被删除）。' });
    return { ...msg, history: messages.history(msg.id) };
  });
  app.post<{ Params: { id: string }; Body: { status?: MessageStatus; reply?: string; note?: string } }>(
    '/api/admin/messages/:id',
    {
      schema: {
        params: ID_PARAMS,
        body: {
          type: 'object',
          properties: { status: STATUS, reply: { type: 'string', maxLength: 2000 }, note: { type: 'string', maxLength: 2000 } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      try {
        return messages.update(Number(request.params.id), request.staff ?? 'staff', request.body ?? {});
      } catch (err) {
        if (err instanceof MessageError) return reply.code(err.status).send({ error: err.message });
        throw err;
      }
    },
  );
}
