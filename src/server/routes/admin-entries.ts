/**
 * Editing knowledge: list, read (version in an ETag), create drafts, update with If-Match, approve (four-eyes)
 * and retire. Bodies are checked by the entry schema in src/knowledge (every field error listed), not by AJV.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import { TOPICS } from '../../knowledge/schema.js';
import type { EntryView } from '../../admin/entry-store.js';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 } },
  required: ['id'],
} as const;
const entryBody = { type: 'object' } as const;
const ENTRY_BODY_LIMIT = 256 * 1024;

/** The version in If-Match (quotes and a weak prefix removed), or undefined when the header is absent. */
export function ifMatch(request: FastifyRequest): string | undefined {
  const raw = request.headers['if-match'];
  if (raw === undefined) return undefined;
  return String(raw)
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

function summary(v: EntryView) {
  const e = v.entry;
  return {
    id: e.id,
    kind: e.kind,
    topic: e.topic,
    title: e.title,
    status: v.status,
    pendingRevision: v.pendingRevision,
    version: v.version,
    updated: e.updated,
    reviewed: v.published?.reviewed ?? e.reviewed,
  };
}

/** /api/admin/entries routes. */
export async function adminEntryRoutes(app: FastifyInstance, opts: { admin: Admin }): Promise<void> {
  const { store, audit } = opts.admin;

  app.get<{ Querystring: { status?: 'draft' | 'published' | 'retired' | 'revision'; topic?: string } }>(
    '/api/admin/entries',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { status: { enum: ['draft', 'published', 'retired', 'revision'] }, topic: { enum: Object.keys(TOPICS) } },
          additionalProperties: false,
        },
      },
    },
    async (request) => ({ entries: store.list(request.query).map(summary) }),
  );

  app.get<{ Params: { id: string } }>('/api/admin/entries/:id', { schema: { params: idParams } }, async (request, reply) => {
    const v = store.get(request.params.id);
    if (!v) return reply.code(404).send({ error: `没有条目 ${request.params.id}` });
    reply.header('etag', `"${v.version}"`);
    return { ...v, lastEditor: audit.lastEditor(v.entry.id) ?? null };
  });

  app.post('/api/admin/entries', { schema: { body: entryBody }, bodyLimit: ENTRY_BODY_LIMIT }, async (request, reply) => {
    const created = await store.create(request.staff!, request.body);
    return reply.code(201).header('etag', `"${created.version}"`).send(created);
  });

  app.put<{ Params: { id: string } }>(
    '/api/admin/entries/:id',
    { schema: { params: idParams, body: entryBody }, bodyLimit: ENTRY_BODY_LIMIT },
    async (request, reply) => {
      const saved = await store.update(request.staff!, request.params.id, ifMatch(request), request.body);
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post<{ Params: { id: string } }>('/api/admin/entries/:id/approve', { schema: { params: idParams } }, async (request, reply) => {
    const done = await store.approve(request.staff!, request.params.id, ifMatch(request));
    return reply.header('etag', `"${done.version}"`).send(done);
  });

  app.post<{ Params: { id: string } }>('/api/admin/entries/:id/retire', { schema: { params: idParams } }, async (request, reply) => {
    const done = await store.retire(request.staff!, request.params.id, ifMatch(request));
    return reply.header('etag', `"${done.version}"`).send(done);
  });
}
