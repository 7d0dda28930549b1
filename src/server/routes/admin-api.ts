/**
 * /api/admin: the staff API. Every route needs `Authorization: Bearer <token>` of a staff member from
 * STAFF_TOKENS (401 otherwise); without staff configured the routes answer 503 and say staff features are off.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import { EditError } from '../../admin/edit-error.js';
import { adminEntryRoutes } from './admin-entries.js';
import { adminAuditRoutes } from './admin-audit.js';
import { adminTransferRoutes } from './admin-transfer.js';
import { adminInsightRoutes, type InsightDeps } from './admin-insights.js';
import { adminEventRoutes, type AdminEventDeps } from './admin-events.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the authenticated staff member (admin routes only). */
    staff?: string;
  }
}

/** Message of the 503 answered when no staff is configured. */
export const STAFF_OFF_MESSAGE = '工作人员功能未开启：服务器未配置 STAFF_TOKENS。';

/** Sends an {@link EditError} as its status with `{error, errors?}`. */
export function sendEditError(reply: FastifyReply, err: EditError): FastifyReply {
  return reply.code(err.status).send(err.errors ? { error: err.message, errors: err.errors } : { error: err.message });
}

/** The admin API (encapsulated: its auth hook and error handler apply to admin routes only). */
export async function adminApi(app: FastifyInstance, opts: { admin?: Admin; insights?: InsightDeps; events?: AdminEventDeps }): Promise<void> {
  const { admin } = opts;
  if (!admin || !admin.auth.enabled) {
    app.all('/api/admin', async (_req, reply) => reply.code(503).send({ error: STAFF_OFF_MESSAGE }));
    app.all('/api/admin/*', async (_req, reply) => reply.code(503).send({ error: STAFF_OFF_MESSAGE }));
    return;
  }
  app.decorateRequest('staff', undefined);
  app.addHook('onRequest', async (request, reply) => {
    const name = admin.auth.identify(request.headers.authorization);
    if (!name) {
      reply.header('www-authenticate', 'Bearer realm="pufa-admin"');
      return reply.code(401).send({ error: '需要工作人员身份：请在 Authorization 请求头中提供 Bearer 令牌。' });
    }
    request.staff = name;
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof EditError) return sendEditError(reply, err);
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: '请求内容太大。' });
    if (status < 500) {
      const where = err.validation?.[0]?.instancePath?.replace(/^\//, '');
      return reply.code(400).send({ error: `请求格式不正确${where ? `（${where}）` : ''}：${err.validation ? err.message : '请检查请求体和参数'}` });
    }
    request.log.error({ err }, 'admin request failed');
    return reply.code(500).send({ error: '服务暂时出现问题，请稍后再试。' });
  });
  await app.register(adminEntryRoutes, { admin });
  await app.register(adminAuditRoutes, { admin });
  await app.register(adminTransferRoutes, { admin });
  if (opts.insights) await app.register(adminInsightRoutes, { admin, insights: opts.insights });
  if (opts.events) await app.register(adminEventRoutes, { events: opts.events });
}
