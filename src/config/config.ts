/**
 * Settings from the environment, parsed and validated once at start-up. Every setting has a working
 * default; a wrong value stops start-up with a message naming the variable.
 */
import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/** The application's settings. */
export interface Config {
  /** HTTP port (PORT, default: 3000). */
  port: number;
  /** Listen address (HOST, default: 0.0.0.0). */
  host: string;
  /** Knowledge folder (KNOWLEDGE_DIR, default: ./knowledge). */
  knowledgeDir: string;
  /** Data folder for logs and state (DATA_DIR, default: ./data). */
  dataDir: string;
  /** pino log level (LOG_LEVEL, default: info). */
  logLevel: string;
  /** Bureau name shown to users (BUREAU_NAME, default: 魏都区生态环境局). */
  bureauName: string;
  /** Bureau phone for questions (BUREAU_PHONE, default: none shown). */
  bureauPhone: string;
  /** Office hours (BUREAU_HOURS, default: 工作日 8:30-12:00，14:30-17:30). */
  bureauHours: string;
  /** The bureau's office address (BUREAU_ADDRESS, default: none shown; warned about in production). */
  bureauAddress: string;
  /** Optional map link of the address (BUREAU_MAP_URL, http(s) URL, default: none). */
  bureauMapUrl?: string;
  /** Days a visitor's message (留言, with its contact) is kept after it is closed (MESSAGE_KEEP_DAYS, default: 30). */
  messageKeepDays: number;
  /** True when NODE_ENV is production (missing contact settings are warned about loudly). */
  production: boolean;
  /** Questions per minute per conversation on POST /api/ask (RATE_LIMIT_PER_MINUTE, default: 20; 0 turns the limits off). */
  rateLimitPerMinute: number;
  /** Questions per minute per client address, all conversations together (RATE_LIMIT_PER_ADDRESS, default: 4000). */
  rateLimitPerAddress: number;
  /** Reverse proxies trusted for X-Forwarded-For (TRUST_PROXY, default: none; see trust-proxy.ts). */
  trustProxy: TrustProxy;
  /** Telegram bot token (TELEGRAM_BOT_TOKEN, default: none: the Telegram channel is off). */
  telegramToken?: string;
  /** Public base URL of the service (PUBLIC_URL, default: none). */
  publicUrl?: string;
  /**
   * Secret Telegram sends with each webhook update in X-Telegram-Bot-Api-Secret-Token (TELEGRAM_WEBHOOK_SECRET,
   * 1-256 of A-Z a-z 0-9 _ -; default: a random secret for each start, registered with setWebhook).
   */
  telegramWebhookSecret?: string;
  /** Bot API server address (TELEGRAM_API_ROOT, default: https://api.telegram.org; a self-hosted server or a test emulator). */
  telegramApiRoot?: string;
  /** Telegram bot username for deep links on posters (TELEGRAM_BOT_USERNAME, default: none: no Telegram link printed). */
  telegramBotUsername?: string;
  /** Days the question log keeps a question (QUESTION_LOG_DAYS, default: 365). */
  questionLogDays: number;
  /** Staff for the admin API, name and bearer token (STAFF_TOKENS="name:token,...", default: none: staff features off). */
  staffTokens: StaffToken[];
  /** Telegram user ids of staff (STAFF_TELEGRAM_IDS="id,id", default: none). */
  staffTelegramIds: number[];
}

/** One staff member of the admin API. */
export interface StaffToken {
  /** Shown in the audit log and as reviewer. */
  name: string;
  /** The bearer token (never logged). */
  token: string;
}

/** Parses STAFF_TOKENS ("name:token,name2:token2"); tokens need 16 characters or more. */
function staffTokens(raw: string | undefined): StaffToken[] {
  const out: StaffToken[] = [];
  for (const part of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    const name = at > 0 ? part.slice(0, at).trim() : '';
    const token = at > 0 ? part.slice(at + 1).trim() : '';
    if (!name || !token) throw new ConfigError('STAFF_TOKENS', '应写成 姓名:令牌,姓名2:令牌2');
    if (token.length < 16 || /\s/.test(token)) throw new ConfigError('STAFF_TOKENS', `${name} 的令牌至少 16 个字符且不含空白`);
    if (out.some((s) => s.name === name)) throw new ConfigError('STAFF_TOKENS', `姓名重复: ${name}`);
    if (out.some((s) => s.token === token)) throw new ConfigError('STAFF_TOKENS', `${name} 的令牌与他人重复`);
    out.push({ name, token });
  }
  return out;
}

/** Parses STAFF_TELEGRAM_IDS ("123,456"). */
function telegramIds(raw: string | undefined): number[] {
  const parts = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of parts) if (!/^\d{1,15}$/.test(p)) throw new ConfigError('STAFF_TELEGRAM_IDS', `应为以逗号分隔的 Telegram 用户 id，实际含 “${p}”`);
  return parts.map(Number);
}

/** A setting with a wrong value. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`配置错误 ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `应为 ${min} 到 ${max} 之间的整数，实际为 “${raw}”`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(name, `应为 ${min} 到 ${max} 之间的整数，实际为 ${n}`);
  return n;
}

/** Parses the settings from an environment (default: process.env). Throws {@link ConfigError}. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `应为 ${LOG_LEVELS.join('/')} 之一`);
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new ConfigError('PUBLIC_URL', '应为 http:// 或 https:// 开头的网址');
  const telegramWebhookSecret = env.TELEGRAM_WEBHOOK_SECRET?.trim() || undefined;
  if (telegramWebhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(telegramWebhookSecret)) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET', '应为 1 到 256 个字母、数字、下划线或连字符');
  }
  const telegramApiRoot = env.TELEGRAM_API_ROOT?.trim() || undefined;
  if (telegramApiRoot && !/^https?:\/\/[^\s/]+/.test(telegramApiRoot)) throw new ConfigError('TELEGRAM_API_ROOT', '应为 http:// 或 https:// 开头的网址');
  const bureauMapUrl = env.BUREAU_MAP_URL?.trim() || undefined;
  if (bureauMapUrl && !/^https?:\/\/[^\s/]+/.test(bureauMapUrl)) throw new ConfigError('BUREAU_MAP_URL', '应为 http:// 或 https:// 开头的网址');
  const telegramBotUsername = env.TELEGRAM_BOT_USERNAME?.trim().replace(/^@/, '') || undefined;
  if (telegramBotUsername && !/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(telegramBotUsername)) {
    throw new ConfigError('TELEGRAM_BOT_USERNAME', '应为机器人的用户名（字母开头，只含字母、数字和下划线，例如 pufa_bot）');
  }
  const trust = parseTrustProxy(env.TRUST_PROXY);
  if ('error' in trust) throw new ConfigError('TRUST_PROXY', trust.error);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    knowledgeDir: path.resolve(env.KNOWLEDGE_DIR?.trim() || 'knowledge'),
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    logLevel,
    bureauName: env.BUREAU_NAME?.trim() || '魏都区生态环境局',
    bureauPhone: env.BUREAU_PHONE?.trim() || '',
    bureauHours: env.BUREAU_HOURS?.trim() || '工作日 8:30-12:00，14:30-17:30',
    bureauAddress: env.BUREAU_ADDRESS?.trim() || '',
    bureauMapUrl,
    messageKeepDays: integer(env, 'MESSAGE_KEEP_DAYS', 30, 1, 3650),
    production: (env.NODE_ENV ?? '').trim() === 'production',
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 20, 0, 1_000_000),
    rateLimitPerAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', 4000, 1, 1_000_000),
    trustProxy: trust.value,
    telegramToken: env.TELEGRAM_BOT_TOKEN?.trim() || undefined,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    telegramWebhookSecret,
    telegramApiRoot: telegramApiRoot?.replace(/\/+$/, ''),
    telegramBotUsername,
    questionLogDays: integer(env, 'QUESTION_LOG_DAYS', 365, 1, 36500),
    staffTokens: staffTokens(env.STAFF_TOKENS),
    staffTelegramIds: telegramIds(env.STAFF_TELEGRAM_IDS),
  };
}
