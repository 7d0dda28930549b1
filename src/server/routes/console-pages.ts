/**
 * The staff console's pages and sign-in: GET /admin (one page, its views chosen by the address's #hash),
 * /admin/assets/* (its CSS and JS from src/web/console), GET /admin/session (who is signed in, and the CSRF
 * token of the session), POST /admin/login with the staff token (JSON or a form body) and POST /admin/logout.
 * Login and logout carry the CSRF token too. The strict CSP of every page applies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { StaffAuth } from '../../admin/staff-auth.js';
import { sessionStaff, DEFAULT_SESSION_SECONDS } from '../../console/session.js';
import { strictCsp } from '../csp.js';
import { CSRF_MESSAGE, STAFF_OFF_MESSAGE } from './admin-api.js';

/** Options of {@link consolePages}. */
export interface ConsolePagesOptions {
  /** Token auth of the staff (default: none, the console says staff features are off). */
  auth?: StaffAuth;
  /** Sign-in attempts per minute per IP (default: 10; 0 turns the limit off). */
  loginsPerMinute?: number;
  /** Folder of the console's files (default: src/web/console, see {@link findConsoleDir}). */
  dir?: string;
  /** Seconds a sign-in lasts, as told to the page (default: the session's {@link DEFAULT_SESSION_SECONDS}). */
  expirySeconds?: number;
  /** Whether visitors' 留言 are served (default: false: the 留言 view says the feature is off). */
  messages?: boolean;
}

/** The console's folder `<project>/src/web/console`, from src or dist; throws when it is missing. */
export function findConsoleDir(moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.resolve(here, '../../web/console'), path.resolve(here, '../../../src/web/console')];
  const found = candidates.find((d) => existsSync(path.join(d, 'index.html')));
  if (!found) throw new Error(`console-pages: index.html not found in ${candidates.join(' or ')}`);
  return found;
}

const LOGIN_FAILED = '工作人员令牌不正确。请核对后重新输入；令牌请向本局系统管理员索取。';

/** The console's page, assets, sign-in and sign-out (needs the console session plugin in scope). */
export async function consolePages(app: FastifyInstance, opts: ConsolePagesOptions): Promise<void> {
  const dir = opts.dir ?? findConsoleDir();
  const auth = opts.auth?.enabled ? opts.auth : undefined;
  await strictCsp(app);
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: dir, prefix: '/admin/assets/', index: false, maxAge: 10 * 60 * 1000 });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err.code?.startsWith('FST_CSRF')) return reply.code(403).send({ error: CSRF_MESSAGE });
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send({ error: '尝试次数太多，请一分钟后再试。' });
    if (status < 500) return reply.code(400).send({ error: '请求格式不正确，请刷新页面后再试。' });
    request.log.error({ err }, 'console request failed');
    return reply.code(500).send({ error: '服务暂时出现问题，请稍后再试。' });
  });

  app.get('/admin', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html'));

  app.get('/admin/', async (_request, reply) => reply.redirect('/admin'));

  app.get('/admin/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const name = sessionStaff(request);
    const staff = auth?.knows(name) ? name : null;
    return {
      enabled: !!auth,
      staff,
      csrf: reply.generateCsrf(),
      expiresInSeconds: opts.expirySeconds ?? DEFAULT_SESSION_SECONDS,
      features: { messages: !!opts.messages },
      ...(auth ? {} : { message: STAFF_OFF_MESSAGE }),
    };
  });

  const limit = opts.loginsPerMinute ?? 10;
  app.post<{ Body: { token: string } }>(
    '/admin/login',
    {
      schema: { body: { type: 'object', properties: { token: { type: 'string', maxLength: 512 }, _csrf: { type: 'string' } }, required: ['token'] } },
      preHandler: app.csrfProtection,
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: 60_000 } } } : {}),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!auth) return reply.code(503).send({ error: STAFF_OFF_MESSAGE });
      const name = auth.identify(`Bearer ${request.body.token.trim()}`);
      if (!name) return reply.code(401).send({ error: LOGIN_FAILED });
      // A fresh session (and CSRF secret) at sign-in: nothing from before it carries over.
      request.session.regenerate();
      (request.session as unknown as { set(k: string, v: string): void }).set('staff', name);
      request.log.info({ staff: name }, 'console sign-in');
      return { staff: name, csrf: reply.generateCsrf() };
    },
  );

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    request.session.delete();
    return reply.header('cache-control', 'no-store').code(204).send();
  });
}
