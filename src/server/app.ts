/**
 * The HTTP application as a Fastify plugin tree, built without listening so tests can `inject`.
 * The engine is a dependency: the server knows nothing of how answers are found.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AnswerEngine } from '../engine/engine.js';
import { AskService } from '../service/ask-service.js';
import { errorHandling } from './error-handling.js';
import { healthRoutes } from './routes/health.js';
import { askRoutes } from './routes/ask.js';
import { entryRoutes } from './routes/entries.js';
import { webChatRoutes, type FeedbackCounts } from './routes/web-chat.js';

/** What the app needs. */
export interface AppDeps {
  engine: AnswerEngine;
  /** Asks and logs questions (default: the engine without a question log). */
  service?: AskService;
  /** pino logger (default: Fastify's own, silent). */
  logger?: Logger;
  /** Requests per minute per IP on POST /api/ask (default: 60; 0 turns the limit off). */
  rateLimitPerMinute?: number;
  /** Hot questions on the web chat (default: 10 published FAQ titles across topics). */
  hotQuestions?: string[];
  /** Where 👍/👎 counts go (default: a new in-memory counter). */
  feedback?: FeedbackCounts;
}

/** Builds the Fastify app with every route registered. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as unknown as FastifyBaseLogger } : { logger: false }),
    bodyLimit: 16 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    // Validate types strictly: a number is not a question.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  await app.register(errorHandling);
  await app.register(healthRoutes, { engine: deps.engine });
  const service = deps.service ?? new AskService(deps.engine);
  await app.register(askRoutes, { service, rateLimitPerMinute: deps.rateLimitPerMinute ?? 60 });
  await app.register(entryRoutes, { engine: deps.engine });
  await app.register(webChatRoutes, { engine: deps.engine, hotQuestions: deps.hotQuestions, feedback: deps.feedback, service });
  return app;
}
