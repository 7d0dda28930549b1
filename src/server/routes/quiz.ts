/**
 * The web quiz (普法知识竞答): GET /quiz (the page, ?event=<code> counts it for an event), its files under
 * /quiz/assets/, GET /api/quiz (a round of questions) and POST /api/quiz/result (a finished round, stored in
 * quiz_results). The page runs only its own script and style files under a strict CSP.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { strictCsp } from '../csp.js';
import type { Source } from '../../knowledge/schema.js';
import { TOPICS } from '../../knowledge/schema.js';
import { validityOn } from '../../knowledge/validity.js';
import { formatCitation } from '../../engine/compose.js';
import type { QuizQuestion } from '../../quiz/schema.js';
import { pickQuestions, QUIZ_ROUND_SIZE } from '../../quiz/session.js';
import type { QuizResults } from '../../quiz/results.js';
import type { EventRegistry } from '../../events/registry.js';
import { EVENT_CODE_PATTERN } from '../../events/schema.js';
import { findWebDir } from './web-chat.js';

/** Options of {@link quizRoutes}. */
export interface QuizRouteOptions {
  questions: readonly QuizQuestion[];
  /** Sources of sources.yaml, to print each basis with its name and validity. */
  sources: Map<string, Source>;
  /** Known events: a result naming an unknown event is refused. */
  events: EventRegistry;
  /** Where results go (default: none: results are accepted and only logged). */
  results?: QuizResults;
  /** Day used for validity (default: today in China, via the caller's clock). */
  today: () => string;
  /** Folder of quiz.html, quiz.js and quiz.css (default: the project's src/web). */
  webDir?: string;
}

/** Most questions in one round the API hands out. */
export const MAX_ROUND = 50;

/** Body of POST /api/quiz/result. */
export interface QuizResultBody {
  event?: string;
  score: number;
  total: number;
  session: string;
}

const resultSchema = {
  body: {
    type: 'object',
    properties: {
      event: { type: 'string', pattern: EVENT_CODE_PATTERN },
      score: { type: 'integer', minimum: 0, maximum: MAX_ROUND },
      total: { type: 'integer', minimum: 1, maximum: MAX_ROUND },
      session: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    },
    required: ['score', 'total', 'session'],
    additionalProperties: false,
  },
} as const;

const RESULT_ERROR = '成绩格式不正确：请发送 JSON，包含 score、total（整数，score 不大于 total）和 session，可选 event（活动代码）。';

const questionsSchema = {
  querystring: {
    type: 'object',
    properties: {
      count: { type: 'string', pattern: '^[0-9]{1,3}$' },
      topic: { type: 'string', enum: Object.keys(TOPICS) },
    },
    additionalProperties: false,
  },
} as const;

/** The quiz page, its files and its API; an encapsulated plugin. */
export async function quizRoutes(app: FastifyInstance, opts: QuizRouteOptions): Promise<void> {
  const webDir = opts.webDir ?? findWebDir();
  const files = {
    html: await readFile(path.join(webDir, 'quiz.html'), 'utf8'),
    js: await readFile(path.join(webDir, 'quiz.js'), 'utf8'),
    css: await readFile(path.join(webDir, 'quiz.css'), 'utf8'),
  };

  await strictCsp(app);

  app.get('/quiz', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(files.html));
  app.get('/quiz/assets/quiz.js', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=600').type('text/javascript; charset=utf-8').send(files.js),
  );
  app.get('/quiz/assets/quiz.css', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=600').type('text/css; charset=utf-8').send(files.css),
  );

  app.get<{ Querystring: { count?: string; topic?: string } }>('/api/quiz', { schema: questionsSchema }, async (request) => {
    const count = Math.min(Math.max(Number(request.query.count ?? QUIZ_ROUND_SIZE), 1), MAX_ROUND);
    const pool = request.query.topic ? opts.questions.filter((q) => q.topic === request.query.topic) : opts.questions;
    const day = opts.today();
    return {
      questions: pickQuestions(pool, count).map((q) => {
        const src = opts.sources.get(q.basis.source);
        const validity = src ? validityOn(src, day, (id) => opts.sources.get(id)).label : '未知';
        return {
          id: q.id,
          topic: q.topic,
          topicName: TOPICS[q.topic],
          question: q.question,
          options: q.options,
          answer: q.answer,
          explanation: q.explanation,
          basis: formatCitation({ source: q.basis.source, name: src?.name ?? q.basis.source, article: q.basis.article, validity }),
        };
      }),
    };
  });

  app.post<{ Body: QuizResultBody }>('/api/quiz/result', { schema: resultSchema, attachValidation: true }, async (request, reply) => {
    if (request.validationError) return reply.code(400).send({ error: RESULT_ERROR });
    const { event, score, total, session } = request.body;
    if (score > total) return reply.code(400).send({ error: RESULT_ERROR });
    if (event !== undefined && !opts.events.has(event)) return reply.code(400).send({ error: `没有这个活动代码：${event}。` });
    const id = opts.results?.save({ channel: 'web', event, user: session, score, total });
    request.log.info({ event, score, total, id }, 'quiz result');
    return reply.code(201).send({ ok: true });
  });
}
