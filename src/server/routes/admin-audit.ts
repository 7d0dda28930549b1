/** GET /api/admin/audit (who did what to which entry, when, old and new version) and GET /api/admin/status. */
import type { FastifyInstance } from 'fastify';
import type { Admin } from '../../admin/admin.js';

/** Audit and status routes. */
export async function adminAuditRoutes(app: FastifyInstance, opts: { admin: Admin }): Promise<void> {
  const { audit, store, watcher, revisionProblems } = opts.admin;

  app.get<{ Querystring: { entry?: string; actor?: string; limit?: number; before?: number } }>(
    '/api/admin/audit',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            entry: { type: 'string', maxLength: 64 },
            actor: { type: 'string', maxLength: 64 },
            limit: { type: 'string', pattern: '^[0-9]{1,4}$' },
            before: { type: 'string', pattern: '^[0-9]{1,12}$' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        audit: audit.list({ entryId: q.entry, actor: q.actor, limit: q.limit ? Number(q.limit) : undefined, before: q.before ? Number(q.before) : undefined }),
      };
    },
  );

  app.get('/api/admin/status', async (request) => ({
    staff: request.staff,
    ...store.counts(),
    knowledge: {
      ok: watcher.state.ok,
      lastCheck: watcher.state.lastCheck ?? null,
      lastReload: watcher.state.lastReload ?? null,
      problems: [...watcher.state.problems, ...revisionProblems].map((p) => ({
        file: p.file,
        line: p.line,
        field: p.field,
        message: p.message,
        severity: p.severity,
      })),
      // Laws about to be repealed or superseded (within 60 days): entries citing them must move first.
      upcomingChanges: store.upcomingChanges(),
    },
  }));
}
