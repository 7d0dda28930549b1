/**
 * What enterprises asked, for staff: GET /api/admin/gaps (unanswered questions grouped), POST
 * /api/admin/gaps/draft (a draft entry prefilled with a gap's questions), GET /api/admin/stats, and the
 * staff stats page GET /admin/stats (its token is typed into the page, never put in a URL).
 * Registered inside the admin API, whose hook authenticates every /api/admin route.
 */
import type { FastifyInstance } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import type { AnswerEngine } from '../../engine/engine.js';
import { TOPICS } from '../../knowledge/schema.js';
import { todayInChina } from '../../knowledge/validity.js';
import { addDays, isCalendarDay } from '../../time/china-day.js';
import { gapsBetween } from '../../insights/gap-query.js';
import { statsBetween } from '../../insights/stats.js';
import type { QuestionLog } from '../../store/question-log.js';

/** What the insight routes read. */
export interface InsightDeps {
  log: QuestionLog;
  engine: AnswerEngine;
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const periodQuery = {
  type: 'object',
  properties: { from: { type: 'string', pattern: DATE }, to: { type: 'string', pattern: DATE } },
  additionalProperties: false,
} as const;

/**
 * The period of a request: `from`..`to` (China days, inclusive), by default the last 90 days; a Chinese
 * message for an impossible date (2026-02-30) or a reversed period.
 */
function period(q: { from?: string; to?: string }): { from: string; to: string; error?: string } {
  for (const d of [q.from, q.to])
    if (d !== undefined && !isCalendarDay(d)) return { from: '', to: '', error: `日期无效：${d}（应为真实存在的日期，例如 2026-03-01）。` };
  const to = q.to ?? todayInChina();
  const from = q.from ?? addDays(to, -89);
  if (from > to) return { from, to, error: '起始日期不能晚于结束日期。' };
  return { from, to };
}

/** Insight routes under /api/admin (auth comes from the enclosing admin API). */
export async function adminInsightRoutes(app: FastifyInstance, opts: { admin: Admin; insights: InsightDeps }): Promise<void> {
  const { log, engine } = opts.insights;
  const gapsOf = (from: string, to: string) => gapsBetween(log.db, engine.analyzer, from, to);

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/admin/stats', { schema: { querystring: periodQuery } }, async (request, reply) => {
    const { from, to, error } = period(request.query);
    if (error) return reply.code(400).send({ error });
    return statsBetween(log.db, from, to);
  });

  app.get<{ Querystring: { from?: string; to?: string } }>('/api/admin/gaps', { schema: { querystring: periodQuery } }, async (request, reply) => {
    const { from, to, error } = period(request.query);
    if (error) return reply.code(400).send({ error });
    return { from, to, gaps: (await gapsOf(from, to)).map((g, i) => ({ index: i + 1, ...g })) };
  });

  app.post<{ Body: { from?: string; to?: string; index: number; id: string; topic?: string } }>(
    '/api/admin/gaps/draft',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            from: { type: 'string', pattern: DATE },
            to: { type: 'string', pattern: DATE },
            index: { type: 'integer', minimum: 1 },
            id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 },
            topic: { type: 'string', enum: Object.keys(TOPICS) },
          },
          required: ['index', 'id'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const { from, to, error } = period(request.body);
      if (error) return reply.code(400).send({ error });
      const gap = (await gapsOf(from, to))[request.body.index - 1];
      if (!gap) return reply.code(404).send({ error: '没有这个序号的待补充问题（请先查看 GET /api/admin/gaps）。' });
      const [title, ...rest] = gap.examples.map((q) => q.trim().slice(0, 80)).filter((q) => q.length >= 2);
      const draft = {
        id: request.body.id,
        kind: 'faq',
        topic: request.body.topic ?? 'general',
        title: title ?? gap.sample.slice(0, 80),
        questions: rest.map((q) => q.slice(0, 120)),
        keywords: [],
        answer: '（待撰写：先写直接答复，再写办理步骤或法律后果；每个事实都要核对法律原文。）',
        basis: [],
        related: [],
        status: 'draft',
        updated: todayInChina(),
      };
      const created = await opts.admin.store.create(request.staff ?? 'staff', draft);
      return reply.code(201).send({ ...created, title: draft.title, questions: draft.questions });
    },
  );
}
