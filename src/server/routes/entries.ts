/** GET /api/entries/:id, GET /api/topics and GET /api/suggest: read-only access to published knowledge. */
import type { FastifyInstance } from 'fastify';
import type { AnswerEngine } from '../../engine/engine.js';
import { TOPICS, type Topic } from '../../knowledge/schema.js';
import { citeBasis } from '../../engine/compose.js';

/** Entry, topic and suggestion routes. */
export async function entryRoutes(app: FastifyInstance, opts: { engine: AnswerEngine }): Promise<void> {
  const { engine } = opts;
  app.get<{ Params: { id: string } }>(
    '/api/entries/:id',
    { schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } } },
    async (request, reply) => {
      const e = engine.entry(request.params.id);
      if (!e) return reply.code(404).send({ error: '没有找到这个条目。' });
      const cited = citeBasis(e, engine.sourceMap(), engine.options.today(), engine.lawLibrary());
      return {
        id: e.id,
        kind: e.kind,
        topic: e.topic,
        title: e.title,
        answer: e.answer,
        basis: cited.basis,
        notices: cited.notices,
        related: e.related.filter((id) => engine.entry(id)).map((id) => ({ id, title: engine.entry(id)!.title })),
        reviewed: engine.options.recordedReview(e),
        // A check against the law text, not a legal review (the public label: 已对照法典原文核对，待局法制审核).
        checked: e.checked,
        updated: e.updated,
      };
    },
  );

  app.get('/api/topics', async () => {
    const counts = new Map<string, number>();
    for (const e of engine.published()) counts.set(e.topic, (counts.get(e.topic) ?? 0) + 1);
    return {
      topics: (Object.keys(TOPICS) as Topic[]).map((id) => ({ id, name: TOPICS[id], entries: counts.get(id) ?? 0 })),
    };
  });

  app.get<{ Querystring: { q?: string } }>(
    '/api/suggest',
    { schema: { querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 } } } } },
    async (request) => ({ suggestions: engine.suggest(request.query.q ?? '', 8) }),
  );
}
