/**
 * The HTTP application as a Fastify plugin tree, built without listening so tests can `inject`.
 * The engine is a dependency: the server knows nothing of how answers are found.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../engine/engine.js';
import { AskService } from '../service/ask-service.js';
import { errorHandling } from './error-handling.js';
import { healthRoutes } from './routes/health.js';
import { askRoutes } from './routes/ask.js';
import { entryRoutes } from './routes/entries.js';
import { webChatRoutes } from './routes/web-chat.js';
import { outreachRoutes } from './routes/outreach.js';
import { quizRoutes } from './routes/quiz.js';
import type { OutreachDeps } from '../events/setup.js';
import type { Bot } from 'grammy';
import type { BotContext } from '../bot/context.js';
import { telegramWebhookRoutes } from './routes/telegram-webhook.js';
import { staffArea } from './routes/console.js';
import type { Admin } from '../admin/admin.js';
import type { TrustProxy } from '../config/trust-proxy.js';
import { requestLog } from './request-log.js';
import { operations, type MetricsSources } from './operations.js';
import type { DataStatus } from '../store/data-health.js';
import type { MessageStore } from '../messages/message-store.js';
import { messageRoutes } from './routes/messages.js';
import { contactRoutes } from './routes/contact.js';
import { lawRoutes } from './routes/laws.js';

/** What the app needs. */
export interface AppDeps {
  engine: AnswerEngine;
  /** Asks and logs questions (default: the engine without a question log). */
  service?: AskService;
  /** pino logger (default: Fastify's own, silent). */
  logger?: Logger;
  /** Questions per minute per conversation on POST /api/ask (default: 20; 0 turns the limits off; see ask-limits.ts). */
  rateLimitPerMinute?: number;
  /** Questions per minute per client address on POST /api/ask, all conversations together (default: 4000: 200 people at the per-conversation maximum of 20). */
  rateLimitPerAddress?: number;
  /** Reverse proxies trusted for X-Forwarded-For (Fastify's trustProxy; default: false). */
  trustProxy?: TrustProxy;
  /** The data folder's state for /healthz (default: always ok). */
  dataStatus?: () => DataStatus;
  /** Compress text responses (default: true). */
  compress?: boolean;
  /** More sources of /metrics, e.g. question-log write failures (default: none). */
  metricsSources?: MetricsSources;
  /** Hot questions on the web chat (default: 10 published FAQ titles across topics). */
  hotQuestions?: string[];
  /** Events, posters, leaflets and the quiz (issue 7; default: none, those routes are not served). */
  outreach?: OutreachDeps;
  /** Telegram bot in webhook mode and its secret: serves POST /telegram/webhook (default: none, not served). */
  telegram?: { bot: Bot<BotContext>; secret: string };
  /** Staff side (issue 6): entry store, audit, watcher, token auth (default: none, /api/admin answers 503). */
  admin?: Admin;
  /** Visitors' 留言 (issue 12): POST /api/messages, GET /api/messages/:code and the staff routes (default: none, not served). */
  messages?: MessageStore;
  /** Key of the console's session cookie (default: random per start; main.ts keeps one in DATA_DIR). */
  sessionKey?: Buffer;
}

/** Builds the Fastify app with every route registered. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as unknown as FastifyBaseLogger } : { logger: false }),
    trustProxy: (deps.trustProxy ?? false) as boolean,
    // Fastify's request lines carry the client's address and the full URL; requestLog writes safe ones.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 16 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    // Validate types strictly: a number is not a question.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  await app.register(errorHandling);
  await app.register(requestLog);
  await app.register(operations, {
    compress: deps.compress,
    sources: { auth: deps.admin?.auth, knowledgeReloads: deps.admin ? () => deps.admin!.watcher.reloads : undefined, ...deps.metricsSources },
  });
  await app.register(healthRoutes, { engine: deps.engine, data: deps.dataStatus });
  const service = deps.service ?? new AskService(deps.engine);
  await app.register(askRoutes, {
    service,
    rateLimitPerMinute: deps.rateLimitPerMinute ?? 20,
    rateLimitPerAddress: deps.rateLimitPerAddress,
    knownEvent: deps.outreach ? (code) => deps.outreach!.events.has(code) : undefined,
  });
  await app.register(entryRoutes, { engine: deps.engine });
  await app.register(webChatRoutes, { engine: deps.engine, hotQuestions: deps.hotQuestions, service });
  await app.register(lawRoutes, { engine: deps.engine });
  if (deps.outreach) {
    const o = deps.outreach;
    await app.register(outreachRoutes, { engine: deps.engine, events: o.events, publicUrl: o.publicUrl, telegramBotUsername: o.telegramBotUsername });
    await app.register(quizRoutes, { questions: o.questions, sources: o.sources, events: o.events, results: o.results, today: deps.engine.options.today });
  }
  if (deps.telegram) await app.register(telegramWebhookRoutes, { bot: deps.telegram.bot, secret: deps.telegram.secret });
  // Gaps and stats read the question log, when the service keeps one.
  const insights = service.log ? { log: service.log, engine: deps.engine } : undefined;
  const events = service.log && deps.outreach ? { db: service.log.db, registry: deps.outreach.events } : undefined;
  await app.register(contactRoutes, { contacts: () => deps.engine.options.contacts, messages: !!deps.messages });
  if (deps.messages) await app.register(messageRoutes, { messages: deps.messages });
  // The admin API and the staff console (/admin) share one cookie session (src/console).
  await app.register(staffArea, {
    engine: deps.engine,
    admin: deps.admin,
    insights,
    events,
    messages: deps.messages,
    publicUrl: deps.outreach?.publicUrl,
    ...(deps.sessionKey ? { session: { key: deps.sessionKey } } : {}),
  });
  return app;
}
