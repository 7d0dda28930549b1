/** /help, /about and /topics. */
import { Composer } from 'grammy';
import { LEGAL_NOTICE } from '../../engine/compose.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { replyHtml } from '../send-reply.js';
import { sendTopicMenu, WELCOME_EXAMPLES } from './welcome.js';

/** The help text in HTML. */
export function helpHtml(): string {
  return [
    '<b>使用帮助</b>',
    `直接输入您的问题即可，例如：\n${WELCOME_EXAMPLES.map((q) => `· ${escapeHtml(q)}`).join('\n')}`,
    '答复下方可以点“相关问题”继续了解，点 👍 / 👎 告诉我们答复是否有帮助。',
    '命令：\n/topics 按主题浏览常见问题\n/contact 联系工作人员\n/about 关于本助手\n/start 重新开始',
    '在群组中，请 @我 提问，或回复我的消息。',
  ].join('\n\n');
}

/** The about text in HTML. */
export function aboutHtml(bureauName: string, entries: number): string {
  const name = escapeHtml(bureauName);
  return [
    '<b>关于本助手</b>',
    `本助手是${name}按照“谁执法谁普法”的要求提供的环保普法服务，答复只来自经过审核的知识库（现有 ${entries} 条），每条都注明法律依据及其效力状态；不知道的问题会如实说明并告诉您找谁。`,
    `<i>${escapeHtml(LEGAL_NOTICE)}</i>`,
  ].join('\n\n');
}

/** The help feature. */
export const help = new Composer<BotContext>();

help.command('help', (ctx) => replyHtml(ctx, helpHtml()));
help.command('about', (ctx) => {
  const engine = ctx.deps.service.engine;
  return replyHtml(ctx, aboutHtml(engine.options.contacts.bureauName, engine.size));
});
help.command('topics', (ctx) => sendTopicMenu(ctx));
