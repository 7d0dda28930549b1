/**
 * Outreach print material (issue 7): GET /events/:code (A4 poster), GET /events/:code/qr.svg and
 * /qr.png (?target=web|telegram), GET /leaflets/:topic (Q&A sheet) and the shared print stylesheet.
 * Pages are server-rendered, escaped, with no script and no inline style, under a strict CSP.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { strictCsp } from '../csp.js';
import type { AnswerEngine } from '../../engine/engine.js';
import { TOPICS, type Topic } from '../../knowledge/schema.js';
import type { EventRegistry, KnownEvent } from '../../events/registry.js';
import { baseUrl, chatLink, questionLink, telegramLink } from '../../events/links.js';
import { qrPng, qrSvg } from '../../events/qr.js';
import { renderNotFound, renderPoster } from '../../events/poster.js';
import { leafletEntries, renderLeaflet } from '../../events/leaflet.js';
import { cacheable } from '../cacheable.js';
import { PRINT_CSS } from '../../events/print-css.js';
import { PRINT_CSS_URL } from '../../events/html.js';
import { defaultHotQuestions } from './web-chat.js';

/** Options of {@link outreachRoutes}. */
export interface OutreachOptions {
  engine: AnswerEngine;
  events: EventRegistry;
  /** Public base URL for links (PUBLIC_URL, default: the scheme and host of each request). */
  publicUrl?: string;
  /** Telegram bot username for deep links (TELEGRAM_BOT_USERNAME, default: none, the Telegram line is omitted). */
  telegramBotUsername?: string;
  /** Example questions printed on posters (default: the first three hot questions of the web chat). */
  examples?: string[];
}

/** Query of the QR routes. */
interface QrQuery {
  target?: 'web' | 'telegram';
}

const qrSchema = {
  params: { type: 'object', properties: { code: { type: 'string', maxLength: 200 } }, required: ['code'] },
  querystring: { type: 'object', properties: { target: { type: 'string', enum: ['web', 'telegram'] } }, additionalProperties: false },
} as const;

const NO_TELEGRAM = '未配置 Telegram 机器人用户名（TELEGRAM_BOT_USERNAME），没有 Telegram 链接。';

/** Posters, QR codes and leaflets; an encapsulated plugin with its own CSP. */
export async function outreachRoutes(app: FastifyInstance, opts: OutreachOptions): Promise<void> {
  const { engine, events } = opts;
  const examples = opts.examples?.length ? opts.examples.slice(0, 3) : defaultHotQuestions(engine, 3);

  await strictCsp(app, { scripts: false });
  await cacheable(app); // ETag/304 and a per-address limit: these pages are expensive to render

  const notFoundEvent = (reply: FastifyReply) =>
    reply.code(404).type('text/html; charset=utf-8').send(renderNotFound('这个活动', '活动代码不存在或已停用，请核对海报上的链接，或直接进入网页咨询。'));

  /** The link a QR code of `event` encodes for `target`, or undefined when Telegram is not configured. */
  const linkFor = (request: FastifyRequest, event: KnownEvent, target: 'web' | 'telegram' = 'web'): string | undefined => {
    if (target === 'telegram') return opts.telegramBotUsername ? telegramLink(opts.telegramBotUsername, event.code) : undefined;
    return chatLink(baseUrl(opts.publicUrl, request), event.code);
  };

  // The web chat's greeting for ?event=<code>: only what a poster shows anyway. An unknown code is an
  // ordinary answer (known: false), so the page keeps its general greeting without an error.
  app.get<{ Params: { code: string } }>('/api/events/:code', async (request) => {
    const event = events.get(request.params.code);
    return event ? { code: event.code, known: true, name: event.name, greeting: event.greeting } : { code: request.params.code, known: false };
  });

  app.get(PRINT_CSS_URL, async (_request, reply) => reply.header('cache-control', 'public, max-age=600').type('text/css; charset=utf-8').send(PRINT_CSS));

  app.get<{ Params: { code: string } }>('/events/:code', async (request, reply) => {
    const event = events.get(request.params.code);
    if (!event) return notFoundEvent(reply);
    const chatUrl = linkFor(request, event)!;
    const html = renderPoster({
      event,
      bureauName: engine.options.contacts.bureauName,
      chatUrl,
      telegramUrl: linkFor(request, event, 'telegram'),
      qrSvg: await qrSvg(chatUrl),
      examples: event.examples?.length ? event.examples : examples,
    });
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });

  const qr = (kind: 'svg' | 'png') => async (request: FastifyRequest<{ Params: { code: string }; Querystring: QrQuery }>, reply: FastifyReply) => {
    const event = events.get(request.params.code);
    if (!event) return reply.code(404).send({ error: '没有这个活动代码。' });
    const link = linkFor(request, event, request.query.target);
    if (!link) return reply.code(404).send({ error: NO_TELEGRAM });
    reply.header('cache-control', 'public, max-age=300').header('content-disposition', `inline; filename="${event.code}-qr.${kind}"`);
    if (kind === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(await qrSvg(link));
    return reply.type('image/png').send(await qrPng(link));
  };
  app.get('/events/:code/qr.svg', { schema: qrSchema }, qr('svg'));
  app.get('/events/:code/qr.png', { schema: qrSchema }, qr('png'));

  app.get<{ Params: { topic: string } }>('/leaflets/:topic', async (request, reply) => {
    const topic = request.params.topic;
    const entries = Object.hasOwn(TOPICS, topic) ? leafletEntries(engine.published(), topic as Topic) : [];
    if (!entries.length) {
      const known = (Object.keys(TOPICS) as Topic[])
        .filter((t) => leafletEntries(engine.published(), t, 1).length)
        .map((t) => ({ href: `/leaflets/${t}`, label: TOPICS[t] }));
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(renderNotFound('这个主题的问答', '可以打印以下主题的问答单：', known));
    }
    const base = baseUrl(opts.publicUrl, request);
    const items = await Promise.all(
      entries.map(async (entry) => {
        const link = questionLink(base, entry.title);
        return { entry, link, qrSvg: await qrSvg(link, 1, 'L') };
      }),
    );
    const html = renderLeaflet(topic as Topic, items, engine.sourceMap(), engine.options.today(), engine.options.contacts.bureauName);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
