/**
 * Settings from the environment, parsed and validated once at start-up. Every setting has a working
 * default; a wrong value stops start-up with a message naming the variable.
 */
import path from 'node:path';

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
  /** Office hours (BUREAU_HOURS, default: 工作日 8:30-12:00，14:30-17:30 — shown only with a phone). */
  bureauHours: string;
  /** Requests per minute per IP on POST /api/ask (RATE_LIMIT_PER_MINUTE, default: 60; 0 turns it off). */
  rateLimitPerMinute: number;
  /** Telegram bot token (TELEGRAM_BOT_TOKEN, default: none: the Telegram channel is off). */
  telegramToken?: string;
  /** Public base URL of the service (PUBLIC_URL, default: none). */
  publicUrl?: string;
  /** Days the question log keeps a question (QUESTION_LOG_DAYS, default: 365). */
  questionLogDays: number;
}

/** A setting with a wrong value. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
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
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    knowledgeDir: path.resolve(env.KNOWLEDGE_DIR?.trim() || 'knowledge'),
    dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
    logLevel,
    bureauName: env.BUREAU_NAME?.trim() || '魏都区生态环境局',
    bureauPhone: env.BUREAU_PHONE?.trim() || '',
    bureauHours: env.BUREAU_HOURS?.trim() || '工作日 8:30-12:00，14:30-17:30',
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000),
    telegramToken: env.TELEGRAM_BOT_TOKEN?.trim() || undefined,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    questionLogDays: integer(env, 'QUESTION_LOG_DAYS', 365, 1, 36500),
  };
}
