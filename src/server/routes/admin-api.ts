/**
 * /api/admin: the staff API. Every route needs `Authorization: Bearer <token>` of a staff member from
 * STAFF_TOKENS, or the staff console's session cookie plus, on state-changing requests, its CSRF token
 * (401 / 403 otherwise); without staff configured the routes answer 503 and say staff features are off.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import { EditError } from '../../admin/edit-error.js';
import { sessionStaff } from '../../console/session.js';
import { adminEntryRoutes } from './admin-entries.js';
import { adminAuditRoutes } from './admin-audit.js';
import { adminTransferRoutes } from './admin-transfer.js';
import { adminInsightRoutes, type InsightDeps } from './admin-insights.js';
import { adminEventRoutes, type AdminEventDeps } from './admin-events.js';
import { consoleApiRoutes, type ConsoleApiDeps } from './console-api.js';
import { adminMessageRoutes } from './admin-messages.js';
import { validationMessage } from '../validation-message.js';
import type { MessageStore } from '../../messages/message-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the authenticated staff member (admin routes only). */
    staff?: string;
  }
}

/** Message of the 503 answered when no staff is configured. */
export const STAFF_OFF_MESSAGE = '工作人员功能未开启：服务器未配置 STAFF_TOKENS。';

/** Message of the 401 answered without a valid token or console session (plain words for a clerk). */
export const STAFF_AUTH_MESSAGE =
  '需要工作人员登录：未登录、登录已过期，或工作人员令牌不正确。请打开工作人员后台（/admin）重新登录；令牌请向本局系统管理员索取。';

/** Message of the 403 answered when a console request lacks its CSRF token (e.g. an old page, or another site). */
export const CSRF_MESSAGE = '页面已过期或请求来源不明，操作没有执行。请刷新页面后再试。';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sends an {@link EditError} as its status with `{error, errors?}`. */
export function sendEditError(reply: FastifyReply, err: EditError): FastifyReply {
  return reply.code(err.status).send(err.errors ? { error: err.message, errors: err.errors } : { error: err.message });
}

/** The admin API (encapsulated: its auth hook and error handler apply to admin routes only). */
export async function adminApi(
  app: FastifyInstance,
  opts: { admin?: Admin; insights?: InsightDeps; events?: AdminEventDeps; messages?: MessageStore; console?: ConsoleApiDeps },
): Promise<void> {
  const { admin } = opts;
  if (!admin?.auth.enabled) {
    app.all('/api/admin', async (_req, reply) => reply.code(503).send({ error: STAFF_OFF_MESSAGE }));
    app.all('/api/admin/*', async (_req, reply) => reply.code(503).send({ error: STAFF_OFF_MESSAGE }));
    return;
  }
  app.decorateRequest('staff', undefined);
  // API clients send their token; the staff console (src/console) signs in once and sends its session
  // cookie, plus a CSRF token on every state-changing request (checked before the handler runs).
  const viaSession = new WeakSet<object>();
  app.addHook('onRequest', async (request, reply) => {
    let name = admin.auth.identify(request.headers.authorization);
    if (!name && request.headers.authorization === undefined) {
      const s = sessionStaff(request);
      if (admin.auth.knows(s)) (name = s), viaSession.add(request);
    }
    if (!name) {
      reply.header('www-authenticate', 'Bearer realm="pufa-admin"');
      return reply.code(401).send({ error: STAFF_AUTH_MESSAGE });
    }
    request.staff = name;
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!viaSession.has(request) || SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof EditError) return sendEditError(reply, err);
    if (err.code?.startsWith('FST_CSRF')) return reply.code(403).send({ error: CSRF_MESSAGE });
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: '请求内容太大。' });
    if (status < 500) {
      return reply
        .code(400)
        .send({ error: err.validation ? validationMessage(err.validation, err.validationContext) : '请求格式不正确，请检查请求体和参数。' });
    }
    request.log.error({ err }, 'admin request failed');
    return reply.code(500).send({ error: '服务暂时出现问题，请稍后再试。' });
  });
  await app.register(adminEntryRoutes, { admin });
  await app.register(adminAuditRoutes, { admin });
  await app.register(adminTransferRoutes, { admin });
  if (opts.insights) await app.register(adminInsightRoutes, { admin, insights: opts.insights });
  if (opts.events) await app.register(adminEventRoutes, { events: opts.events });
  if (opts.console) await app.register(consoleApiRoutes, { admin, console: opts.console });
  if (opts.messages) await app.register(adminMessageRoutes, { messages: opts.messages });
}
