/**
 * The staff area: the console session (cookie, CSRF, form bodies), the admin API and the console's pages,
 * in one encapsulated plugin so the session never touches public routes. app.ts registers this in place of
 * the bare admin API.
 */
import type { FastifyInstance } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import type { AnswerEngine } from '../../engine/engine.js';
import { consoleSession, type ConsoleSessionOptions } from '../../console/session.js';
import { adminApi } from './admin-api.js';
import type { AdminEventDeps } from './admin-events.js';
import type { InsightDeps } from './admin-insights.js';
import type { MessageStore } from '../../messages/message-store.js';
import { consolePages, type ConsolePagesOptions } from './console-pages.js';

/** What the staff area needs. */
export interface StaffAreaOptions {
  engine: AnswerEngine;
  /** The staff side (default: none: the API answers 503 and the console says staff features are off). */
  admin?: Admin;
  insights?: InsightDeps;
  events?: AdminEventDeps;
  /** Visitors' 留言 for the staff routes (default: none). */
  messages?: MessageStore;
  /** Session key and lifetime (defaults: a random key per start, 8 hours). */
  session?: ConsoleSessionOptions;
  /** The public base URL: when it is https, the session cookie is always Secure (default: none, Secure over https). */
  publicUrl?: string;
  /** Sign-in rate limit and assets folder of the console (defaults: see {@link ConsolePagesOptions}). */
  pages?: Omit<ConsolePagesOptions, 'auth' | 'expirySeconds'>;
}

/** The admin API and the staff console, sharing one session. */
export async function staffArea(app: FastifyInstance, opts: StaffAreaOptions): Promise<void> {
  await app.register(consoleSession, { secure: opts.publicUrl?.startsWith('https://'), ...opts.session });
  await app.register(adminApi, { admin: opts.admin, insights: opts.insights, events: opts.events, messages: opts.messages, console: { engine: opts.engine } });
  await app.register(consolePages, { ...opts.pages, auth: opts.admin?.auth, expirySeconds: opts.session?.expirySeconds, messages: !!opts.messages });
}
