/** /start (with or without a deep-link event code) and the topic menu with each topic's most asked questions. */
import { Composer } from 'grammy';
import { decodeCallback } from '../callback-data.js';
import { EVENT_CODE } from '../chat-events.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { topicMenu, topicQuestions } from '../keyboards.js';
import { MENU_TOPICS, topQuestions } from '../popular.js';
import { replyHtml } from '../send-reply.js';

/** Example questions in the welcome. */
export const WELCOME_EXAMPLES = ['排污许可证有效期多久？', '未批先建会怎么处罚？', '环保投诉电话是多少？'];

/** The welcome in HTML. */
export function welcomeHtml(bureauName: string, greeting?: string): string {
  return [
    ...(greeting ? [`<b>${escapeHtml(greeting)}</b>`] : []),
    `您好！我是<b>${escapeHtml(bureauName)}</b>的环保普法助手，由${escapeHtml(bureauName)}提供。`,
    '我可以解答企业常遇到的生态环境法律问题：排污许可、排放标准、环评与验收、执法检查与处罚、投诉举报与信访、危险废物、噪声、环保税等，每个答复都注明法律依据。',
    `您可以直接输入问题，例如：\n${WELCOME_EXAMPLES.map((q) => `· ${escapeHtml(q)}`).join('\n')}`,
    '也可以点下面的主题，查看大家最常问的问题：',
  ].join('\n\n');
}

/** Sends the topic menu. */
export async function sendTopicMenu(ctx: BotContext): Promise<void> {
  await replyHtml(ctx, '请选择主题：', topicMenu());
}

/** The welcome feature. */
export const welcome = new Composer<BotContext>();

welcome.command('start', async (ctx) => {
  const payload = typeof ctx.match === 'string' ? ctx.match.trim() : '';
  let greeting: string | undefined;
  if (payload && EVENT_CODE.test(payload)) {
    greeting = ctx.deps.events?.greeting(payload);
    if (greeting !== undefined) ctx.chatEvents.set(String(ctx.chat.id), payload);
    ctx.log.info({ event: payload, known: greeting !== undefined }, 'deep-link start');
  }
  const bureau = ctx.deps.service.engine.options.contacts.bureauName;
  await replyHtml(ctx, welcomeHtml(bureau, greeting), topicMenu());
});

welcome.callbackQuery(/^[tm]/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (action?.kind === 'menu') return sendTopicMenu(ctx);
  const topic = action?.kind === 'topic' ? MENU_TOPICS.find((t) => t.key === action.key) : undefined;
  if (!topic) return replyHtml(ctx, '这个按钮已过期，请发送 /topics 重新打开主题菜单。');
  const counts = ctx.deps.popularity?.() ?? new Map<string, number>();
  const entries = topQuestions(ctx.deps.service.engine, topic, counts);
  if (!entries.length) return replyHtml(ctx, `“${escapeHtml(topic.label)}”下暂时还没有问题，您可以直接输入问题。`, topicMenu());
  await replyHtml(
    ctx,
    `<b>${escapeHtml(topic.label)}</b>：大家最常问的问题（点击查看答复）`,
    topicQuestions(entries.map((e) => ({ id: e.id, title: e.title }))),
  );
});
