/** The bot's commands with their Chinese descriptions, registered with setMyCommands. */
import type { Api } from 'grammy';
import type { Logger } from 'pino';
import { describeError } from './safe-error.js';

/** Commands shown in Telegram's menu. */
export const BOT_COMMANDS = [
  { command: 'start', description: '开始使用：欢迎语与主题菜单' },
  { command: 'topics', description: '按主题浏览常见问题' },
  { command: 'contact', description: '联系工作人员、留言（含 12369 举报热线）' },
  { command: 'receipt', description: '凭回执号查看留言的回复' },
  { command: 'quiz', description: '普法知识竞答' },
  { command: 'help', description: '使用帮助' },
  { command: 'about', description: '关于本助手' },
] as const;

/** Registers {@link BOT_COMMANDS}; a rejected call is logged, never fatal. Returns whether it worked. */
export async function registerCommands(api: Api, logger: Logger, token: string): Promise<boolean> {
  try {
    await api.setMyCommands([...BOT_COMMANDS]);
    return true;
  } catch (err) {
    logger.warn({ error: describeError(err, token) }, 'setMyCommands failed: the command menu is not updated');
    return false;
  }
}
