/** The context every feature of the Telegram bot receives, and the dependencies the bot is built from. */
import type { Composer, Context } from 'grammy';
import type { Logger } from 'pino';
import type { AskService } from '../service/ask-service.js';
import type { ChatEvents } from './chat-events.js';
import type { Popularity } from './popular.js';
import type { QuizDeps } from './features/quiz.js';
import type { MessageStore } from '../messages/message-store.js';

/** Outreach events known to the bot (deep-link payloads). */
export interface EventDirectory {
  /** The event's own greeting, or undefined when the code is not a known event. */
  greeting(code: string): string | undefined;
}

/** What the bot is built from. */
export interface BotDeps {
  /** Asks and logs questions; its engine also provides entries, topics and the bureau's contacts. */
  service: AskService;
  /** pino logger (default: silent). */
  logger?: Logger;
  /** Known outreach events (default: none known: every deep-link code gets the normal welcome). */
  events?: EventDirectory;
  /**
   * Staff commands (/gaps, /stats, /draft), installed before the question handler when given
   * (default: none). Not part of this channel: another feature provides the composer.
   */
  staff?: Composer<BotContext>;
  /** How often each entry was asked, for the topic menus (default: from the question log, else none). */
  popularity?: Popularity;
  /** Quiz questions for /quiz and where results go (default: none: /quiz says the quiz is not open). */
  quiz?: QuizDeps;
  /** Visitors' 留言 (default: none: 联系工作人员 shows the contacts only). */
  messages?: MessageStore;
  /** Public base URL (PUBLIC_URL): 法律依据 lines link to the law page there (default: none, no links). */
  publicUrl?: string;
  /** Per-user rate limit (default: 20 messages or button presses per 30 seconds). */
  rateLimit?: { timeFrameMs: number; limit: number };
}

/** What every handler needs besides grammY's own context. */
export interface BotContextFlavor {
  /** Logger for this update (carries update_id). */
  log: Logger;
  /** The bot's dependencies. */
  deps: Required<Pick<BotDeps, 'service'>> & BotDeps;
  /** Event codes remembered per chat (from /start payloads). */
  chatEvents: ChatEvents;
}

/** The bot's context type. */
export type BotContext = Context & BotContextFlavor;
