/**
 * 留言 for visitors: POST /api/messages leaves a message for a person (question, contact, consent) and returns a
 * receipt code; GET /api/messages/:code shows its status and the staff reply. The contact is never logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { MessageStore } from '../../messages/message-store.js';
import { normalizeReceiptCode } from '../../messages/receipt-code.js';

/** Options of the route plugin. */
export interface MessageRouteOptions {
  messages: MessageStore;
  /** Messages one visitor (conversation, else address) may leave per 10 minutes (default: 5). */
  perVisitor?: number;
  /** Messages one address may leave per hour, whatever the conversation (default: 30: a venue's Wi-Fi is one address). */
  perAddressHour?: number;
}

const MAX_QUESTION = 1000;

interface MessageBody {
  question: string;
  contact: string;
  name?: string;
  consent?: boolean;
  session?: string;
  channel?: 'web' | 'api';
}

const bodySchema = {
  type: 'object',
  properties: {
    question: { type: 'string', maxLength: MAX_QUESTION * 2 },
    contact: { type: 'string', maxLength: 200 },
    name: { type: 'string', maxLength: 100 },
    consent: { type: 'boolean' },
    session: { type: 'string', maxLength: 64 },
    channel: { type: 'string', enum: ['web', 'api'] },
  },
  required: ['question', 'contact'],
  additionalProperties: false,
} as const;

/** What is wrong with a message, in Chinese, or undefined when it can be stored. */
export function messageProblem(b: MessageBody): string | undefined {
  const question = b.question.trim();
  if ([...question].length < 2) return '请写下您的问题（至少 2 个字）。';
  if ([...question].length > MAX_QUESTION) return `问题太长了（最多 ${MAX_QUESTION} 个字），请精简后再提交。`;
  const contact = b.contact.trim();
  if (!contact) return '请留下联系电话或其他联系方式，工作人员才能回复您。';
  if ([...contact].length < 3 || [...contact].length > 60) return '联系方式的长度不对（3 到 60 个字符），请检查后再提交。';
  if (/^[\d\s+()-]+$/.test(contact) && contact.replace(/\D/g, '').length < 7) return '电话号码位数不够，请检查后再提交。';
  if (b.name && [...b.name.trim()].length > 30) return '称呼最多 30 个字。';
  if (b.consent !== true) return '请先勾选同意：我们仅为回复您的留言使用您的联系方式。';
  return undefined;
}

/** A fixed-window counter per key, bounded in size (old windows are dropped). */
class WindowCounter {
  private readonly counts = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly max: number,
  ) {}
  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    if (this.counts.size > 50_000) for (const [k, v] of this.counts) if (now - v.start >= this.windowMs) this.counts.delete(k);
    const c = this.counts.get(key);
    if (!c || now - c.start >= this.windowMs) {
      this.counts.set(key, { start: now, n: 1 });
      return 0;
    }
    c.n++;
    return c.n > this.max ? Math.ceil((c.start + this.windowMs - now) / 1000) : 0;
  }
}

/** The visitors' 留言 routes. */
export async function messageRoutes(app: FastifyInstance, opts: MessageRouteOptions): Promise<void> {
  const perAddress = new WindowCounter(3_600_000, opts.perAddressHour ?? 30);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, error: `留言太频繁了，请 ${Math.ceil(ctx.ttl / 60_000)} 分钟后再提交；急事请拨打 12369。` }),
  });
  app.post<{ Body: MessageBody }>(
    '/api/messages',
    {
      schema: { body: bodySchema },
      config: {
        rateLimit: {
          max: opts.perVisitor ?? 5,
          timeWindow: 600_000,
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => `msg:${(req.body as MessageBody | undefined)?.session || req.ip}`,
        },
      },
    },
    async (request, reply) => {
      const problem = messageProblem(request.body);
      if (problem) return reply.code(400).send({ error: problem });
      const wait = perAddress.hit(request.ip);
      if (wait) {
        reply.header('retry-after', String(wait));
        return reply.code(429).send({ error: `留言太频繁了，请 ${Math.ceil(wait / 60)} 分钟后再提交；急事请拨打 12369。` });
      }
      const { question, contact, name, channel } = request.body;
      const msg = opts.messages.create({ question: question.trim(), contact: contact.trim(), name: name?.trim() || undefined, channel: channel ?? 'api' });
      request.log.info({ channel: channel ?? 'api' }, 'message left for staff');
      return reply.code(201).send({ code: msg.code, status: msg.status, statusLabel: msg.statusLabel, createdAt: msg.createdAt });
    },
  );
  app.get<{ Params: { code: string } }>(
    '/api/messages/:code',
    {
      schema: { params: { type: 'object', properties: { code: { type: 'string', maxLength: 20 } }, required: ['code'] } },
      config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const code = normalizeReceiptCode(request.params.code);
      if (!code) return reply.code(400).send({ error: '回执号的格式不对：应为 8 位字母和数字，例如 K7Q3-M9XP。' });
      const msg = opts.messages.byCode(code);
      if (!msg) return reply.code(404).send({ error: '没有找到这个回执号的留言：请核对回执号；已关闭超过保存期限的留言会被删除。' });
      return msg;
    },
  );
}
