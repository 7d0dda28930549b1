/**
 * The staff console's own reads and checks, under /api/admin/console (registered inside the admin API, so
 * the same token or console session authenticates them): the entry form derived from the schema, live
 * validation with the store's checks, the entry list with public replies, the 待审核 queue with diffs, and
 * 「退回修改」 (POST /api/admin/entries/:id/return), and 「确认法制审核」 of a published entry's text as it stands
 * (POST /api/admin/entries/:id/confirm-review). Other writes go through the existing entry routes.
 */
import type { FastifyInstance } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import type { AnswerEngine } from '../../engine/engine.js';
import { KINDS, TOPICS } from '../../knowledge/schema.js';
import { articlePattern, entryFormFields, sourceOptions } from '../../console/form-spec.js';
import { entryRow, listEntries, STATUS_LABELS, type EntryFilter } from '../../console/entry-list.js';
import { latestSendBack, MAX_COMMENT_CHARS, reviewQueue, sendBack } from '../../console/review-queue.js';
import { ifMatch } from './admin-entries.js';

/** What the console API needs beyond the staff side. */
export interface ConsoleApiDeps {
  engine: AnswerEngine;
}

const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
const idParams = { type: 'object', properties: { id: { type: 'string', pattern: ID, maxLength: 64 } }, required: ['id'] } as const;

/** /api/admin/console/* and the 退回修改 route. */
export async function consoleApiRoutes(app: FastifyInstance, opts: { admin: Admin; console: ConsoleApiDeps }): Promise<void> {
  const { store, audit } = opts.admin;
  const { engine } = opts.console;

  app.get('/api/admin/console/form', async () => {
    const day = engine.options.today();
    return {
      fields: entryFormFields(),
      articlePattern: articlePattern(),
      sources: sourceOptions(engine.sourceMap(), day, (id) => !!engine.lawLibrary().law(id)),
      entries: store.list().map((v) => ({ id: v.entry.id, title: v.entry.title, status: v.status })),
      topics: Object.entries(TOPICS).map(([value, label]) => ({ value, label })),
      kinds: [...KINDS],
      statuses: STATUS_LABELS,
      today: day,
    };
  });

  app.post<{ Body: { entry: Record<string, unknown>; create?: boolean } }>(
    '/api/admin/console/validate',
    {
      schema: {
        body: { type: 'object', properties: { entry: { type: 'object' }, create: { type: 'boolean' } }, required: ['entry'], additionalProperties: false },
      },
      bodyLimit: 256 * 1024,
    },
    async (request) => {
      const { entry, create } = request.body;
      const id = typeof entry.id === 'string' ? entry.id : '';
      const errors = store.check(entry, id);
      if (create && id && store.get(id)) errors.unshift({ field: 'id', message: `编号 ${id} 已被条目「${store.get(id)!.entry.title}」使用，请换一个` });
      if (!id && !errors.some((e) => e.field === 'id')) errors.unshift({ field: 'id', message: '缺少必填字段' });
      // Warnings do not stop saving a draft: they are what 批准发布 would refuse (e.g. a law no longer in force).
      const warnings = errors.length ? [] : store.publishCheck(entry, id).map((e) => ({ field: e.field, message: `批准发布时将被拒绝：${e.message}` }));
      return { ok: errors.length === 0, errors, warnings };
    },
  );

  app.get<{ Querystring: EntryFilter }>(
    '/api/admin/console/entries',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 100 },
            topic: { enum: Object.keys(TOPICS) },
            kind: { enum: [...KINDS] },
            status: { enum: ['draft', 'published', 'retired', 'revision', 'pending'] },
            flag: { enum: ['unreviewed', 'not-in-force'] },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => ({
      // Drafts and revisions sent back carry the comment, so their author sees it in the list.
      entries: listEntries(store, engine, request.query).map((row) =>
        row.status === 'draft' || row.pendingRevision ? { ...row, sentBack: latestSendBack(audit, row.id) } : row,
      ),
    }),
  );

  app.get<{ Params: { id: string } }>('/api/admin/console/entries/:id', { schema: { params: idParams } }, async (request, reply) => {
    const v = store.get(request.params.id);
    if (!v) return reply.code(404).send({ error: `没有条目 ${request.params.id}` });
    return {
      ...entryRow(v, engine),
      entry: v.entry,
      version: v.version,
      lastEditor: audit.lastEditor(v.entry.id) ?? null,
      sentBack: latestSendBack(audit, v.entry.id),
      // What the public sees now (published text), and what the working text will read like.
      publicReply: v.status === 'published' && engine.entry(v.entry.id) ? engine.replyFor(v.published ?? v.entry).text : null,
      draftReply: v.pendingRevision || v.status === 'draft' ? engine.replyFor(v.entry).text : null,
    };
  });

  app.get('/api/admin/console/review', async () => ({ items: reviewQueue(store, audit, engine) }));

  app.post<{ Params: { id: string } }>('/api/admin/entries/:id/confirm-review', { schema: { params: idParams } }, async (request, reply) => {
    const done = await store.confirmReview(request.staff!, request.params.id, ifMatch(request));
    return reply.header('etag', `"${done.version}"`).send(done);
  });

  app.post<{ Params: { id: string }; Body: { comment: string } }>(
    '/api/admin/entries/:id/return',
    {
      schema: {
        params: idParams,
        body: { type: 'object', properties: { comment: { type: 'string', maxLength: MAX_COMMENT_CHARS } }, required: ['comment'], additionalProperties: false },
      },
    },
    async (request) => sendBack(store, audit, request.staff!, request.params.id, request.body.comment),
  );
}
