/** POST /api/ask: a question in, the engine's reply out. */
import type { FastifyInstance } from 'fastify';
import type { AskService } from '../../service/ask-service.js';
import { askLimits } from '../ask-limits.js';

import { MAX_QUESTION_CHARS } from '../../engine/reply.js';

const basisSchema = {
  type: 'object',
  properties: { source: { type: 'string' }, name: { type: 'string' }, article: { type: 'string' }, validity: { type: 'string' }, number: { type: 'integer' } },
  required: ['source', 'name', 'article', 'validity'],
};
const reviewSchema = { type: 'object', properties: { by: { type: 'string' }, at: { type: 'string' } } };
/** A law article in a reply (the article lookup, 可能相关的法条). */
const articleSchema = {
  type: 'object',
  properties: {
    source: { type: 'string' },
    name: { type: 'string' },
    number: { type: 'integer' },
    article: { type: 'string' },
    text: { type: 'string' },
    part: { type: 'string' },
    subpart: { type: 'string' },
    chapter: { type: 'string' },
    section: { type: 'string' },
    validity: { type: 'string' },
  },
  required: ['source', 'name', 'number', 'article', 'text', 'part', 'chapter', 'validity'],
};
const refSchema = { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' } }, required: ['id', 'title'] };

/** JSON schemas of the route. */
export const askSchema = {
  body: {
    type: 'object',
    properties: {
      question: { type: 'string' },
      session: { type: 'string', maxLength: 64 },
      event: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
      channel: { type: 'string', enum: ['web', 'api'] },
    },
    required: ['question'],
    additionalProperties: false,
  },
  response: {
    200: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['answered', 'clarify', 'fallback', 'smalltalk', 'contact'] },
        text: { type: 'string' },
        entry: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            topic: { type: 'string' },
            basis: { type: 'array', items: basisSchema },
            reviewed: reviewSchema,
            checked: reviewSchema,
            needsReview: { type: 'boolean' },
          },
          required: ['id', 'title', 'topic', 'basis'],
        },
        alternatives: { type: 'array', items: refSchema },
        article: articleSchema,
        repealed: {
          type: 'object',
          properties: {
            source: { type: 'string' },
            name: { type: 'string' },
            article: { type: 'string' },
            repealedOn: { type: 'string' },
            now: { type: 'array', items: { type: 'string' } },
          },
        },
        relatedArticles: { type: 'array', items: articleSchema },
        candidates: { type: 'array', items: refSchema },
        contact: {
          type: 'object',
          properties: {
            bureauName: { type: 'string' },
            phone: { type: 'string' },
            address: { type: 'string' },
            hours: { type: 'string' },
            mapUrl: { type: 'string' },
          },
        },
        score: { type: 'number' },
        id: { type: 'integer' },
      },
      required: ['status', 'text', 'alternatives'],
    },
  },
} as const;

interface AskBody {
  question: string;
  session?: string;
  event?: string;
  channel?: 'web' | 'api';
}

/** Options of {@link askRoutes}. */
export interface AskRouteOptions {
  service: AskService;
  /** Questions per minute per conversation (0 turns the limits off; see ask-limits.ts). */
  rateLimitPerMinute: number;
  /** Questions per minute per address, all conversations together (default: 4000: 200 people at the per-conversation maximum of 20). */
  rateLimitPerAddress?: number;
  /** Whether an event code is known; unknown codes are dropped, not counted (default: every code is kept). */
  knownEvent?: (code: string) => boolean;
}

/** Ask route, rate-limited per conversation and per address when `rateLimitPerMinute` > 0. */
export async function askRoutes(app: FastifyInstance, opts: AskRouteOptions): Promise<void> {
  const limits = await askLimits(app, { perConversation: opts.rateLimitPerMinute, perAddress: opts.rateLimitPerAddress });
  app.post<{ Body: AskBody }>(
    '/api/ask',
    {
      schema: askSchema,
      ...(limits.length ? { preHandler: limits } : {}),
    },
    async (request, reply) => {
      const question = request.body.question;
      if (question.trim() === '') return reply.code(400).send({ error: '问题不能为空，请输入您想咨询的问题。' });
      if ([...question].length > MAX_QUESTION_CHARS) {
        return reply.code(400).send({ error: `问题太长了（最多 ${MAX_QUESTION_CHARS} 个字），请精简后再问。` });
      }
      const { session, channel } = request.body;
      const event = request.body.event !== undefined && opts.knownEvent && !opts.knownEvent(request.body.event) ? undefined : request.body.event;
      const answer = opts.service.ask({ question, session, event, channel: channel ?? 'api' });
      request.log.info({ status: answer.status, entry: answer.entry?.id, score: answer.score, event }, 'answered question');
      return answer;
    },
  );
}
