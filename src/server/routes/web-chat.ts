/**
 * The web chat: GET / (the page), /assets/* (its CSS and JS from src/web), GET /api/hot (hot questions) and
 * POST /api/feedback (👍/👎 on an answer). Helmet's strict Content-Security-Policy covers every route of
 * this plugin: the page runs only its own script and style files.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { strictCsp } from '../csp.js';
import fastifyStatic from '@fastify/static';
import type { AnswerEngine } from '../../engine/engine.js';
import type { AskService } from '../../service/ask-service.js';
import { TOPICS, type Entry, type Topic } from '../../knowledge/schema.js';
import { MAX_QUESTION_CHARS } from '../../engine/reply.js';

/** Number of hot questions picked when none are configured (default list length). */
export const DEFAULT_HOT_COUNT = 10;

/** Options of {@link webChatRoutes}. */
export interface WebChatOptions {
  engine: AnswerEngine;
  /** Hot questions shown on the page, in order (default: {@link defaultHotQuestions} of the engine). */
  hotQuestions?: string[];
  /** Records feedback in the question log when the page sends the reply's log id (default: none: feedback is only logged). */
  service?: AskService;
  /** Folder of index.html, chat.css and chat.js (default: the project's src/web, see {@link findWebDir}). */
  webDir?: string;
}

/** One 👍/👎 as the page posts it to POST /api/feedback. */
export interface Feedback {
  session: string;
  entryId: string;
  question: string;
  helpful: boolean;
  /** Log id of the reply (the `id` of the /api/ask response). */
  id?: number;
}

/**
 * The folder of the page's files: `<project>/src/web`, found from this module both when it runs from
 * `src/server/routes` (tsx, vitest) and from `dist/server/routes` (the build copies no assets).
 * Throws when neither exists.
 */
export function findWebDir(moduleUrl: string = import.meta.url): string {
  const moduleDir = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.resolve(moduleDir, '../../web'), path.resolve(moduleDir, '../../../src/web')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`web-chat: index.html not found in ${candidates.join(' or ')}; the web chat files belong in src/web`);
  return found;
}

/**
 * Default hot questions: one title per topic in topic order (the FAQ with the most ways of asking, the
 * best proxy for how often it is asked; ties by id), up to `count`, skipping the bureau's own reports.
 */
export function defaultHotQuestions(engine: AnswerEngine, count = DEFAULT_HOT_COUNT): string[] {
  const byTopic = new Map<Topic, Entry[]>();
  for (const e of engine.published()) {
    if (e.kind !== 'faq') continue;
    byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
  }
  const ranked = (Object.keys(TOPICS) as Topic[])
    .filter((t) => t !== 'report')
    .map((t) => (byTopic.get(t) ?? []).sort((a, b) => b.questions.length - a.questions.length || a.id.localeCompare(b.id)));
  const picked: string[] = [];
  // Round-robin over topics so a short knowledge tree still fills the list.
  for (let round = 0; picked.length < count && ranked.some((list) => list.length > round); round++) {
    for (const list of ranked) {
      if (picked.length >= count) break;
      if (list[round]) picked.push(list[round].title);
    }
  }
  return picked;
}

/** JSON schema of POST /api/feedback. */
export const feedbackSchema = {
  body: {
    type: 'object',
    properties: {
      session: { type: 'string', minLength: 1, maxLength: 64 },
      entryId: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 },
      question: { type: 'string', maxLength: MAX_QUESTION_CHARS },
      helpful: { type: 'boolean' },
      id: { type: 'integer', minimum: 1 },
    },
    required: ['session', 'entryId', 'question', 'helpful'],
    additionalProperties: false,
  },
} as const;

const FEEDBACK_ERROR = '反馈格式不正确：请发送 JSON，包含 session、entryId、question 和 helpful（true 或 false）。';

/** The web chat page, its assets, hot questions and feedback; an encapsulated plugin. */
export async function webChatRoutes(app: FastifyInstance, opts: WebChatOptions): Promise<void> {
  const webDir = opts.webDir ?? findWebDir();
  const hot = opts.hotQuestions?.length ? [...opts.hotQuestions] : defaultHotQuestions(opts.engine);

  await strictCsp(app);

  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/assets/',
    index: false,
    maxAge: 10 * 60 * 1000,
  });

  app.get('/', async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });

  // The staff statistics page: public HTML; its data needs the staff token typed into the page.
  app.get('/admin/stats', async (_request, reply) => {
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('admin-stats.html');
  });

  app.get(
    '/api/hot',
    {
      schema: {
        response: {
          200: { type: 'object', properties: { questions: { type: 'array', items: { type: 'string' } } }, required: ['questions'] },
        },
      },
    },
    async () => ({ questions: hot }),
  );

  app.post<{ Body: Feedback }>('/api/feedback', { schema: feedbackSchema, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.code(400).send({ error: FEEDBACK_ERROR });
    const f = request.body;
    // Stored on the reply's row of the question log: only the reply's own entry, and only by the conversation
    // that got the reply (its salted hash is on the row), so nobody can overwrite another person's 👍/👎.
    const log = opts.service?.log;
    const row = f.id !== undefined ? log?.get(f.id) : undefined;
    const own = !!row && row.entry_id === f.entryId && row.user_hash !== null && row.user_hash === log?.hashUser(f.session);
    if (own) opts.service?.feedback(f.id as number, f.helpful);
    // No session id and no question text in the application log (privacy).
    request.log.info({ entry: f.entryId, helpful: f.helpful, recorded: own }, 'feedback');
    return reply.code(204).send();
  });
}
