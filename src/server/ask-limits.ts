/**
 * Rate limits of the question route, so a crowd behind one address (venue Wi-Fi, a reverse proxy, a company
 * NAT) is served while a flood is still stopped:
 * - per conversation: the `session` of the body (the web chat's conversation id) together with the address,
 *   `perConversation` questions a minute (a person types a few a minute at most);
 * - per address: `perAddress` questions a minute in all, a ceiling that a venue of 200 people asking three
 *   questions a minute (600) does not reach, and that stops one machine rotating session ids.
 * A request without a session counts as its address's own conversation. The address is `request.ip`, which is
 * the client's address behind a trusted proxy only when TRUST_PROXY is set. Both answer 429 with
 * `Retry-After` (seconds) and a Chinese message that says how long to wait.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';

/** Options of {@link askLimits}. */
export interface AskLimitOptions {
  /** Questions per minute per conversation (default: 20; 0 turns both limits off). */
  perConversation?: number;
  /** Questions per minute per address, all conversations together (default: 4000: 200 people at the per-conversation maximum of 20). */
  perAddress?: number;
}

/** Default questions per minute per conversation. */
export const DEFAULT_PER_CONVERSATION = 20;
/** Default questions per minute per address. */
export const DEFAULT_PER_ADDRESS = 4000;

const sessionOf = (request: FastifyRequest): string | undefined => {
  const s = (request.body as { session?: unknown } | undefined)?.session;
  return typeof s === 'string' && s !== '' ? s : undefined;
};

/** A short key for a session (the raw id is never kept in the limiter's memory). */
const sessionKey = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 16);

/** The message of a 429, with the wait in seconds. */
export function tooManyMessage(seconds: number): string {
  return `提问太频繁了，请 ${Math.max(1, Math.ceil(seconds))} 秒后再试。您输入的问题已保留。`;
}

/**
 * Registers @fastify/rate-limit (not global) in `app` and returns the preHandler hooks of the question route,
 * or none when `perConversation` is 0. Call inside the route's plugin.
 */
export async function askLimits(app: FastifyInstance, o: AskLimitOptions = {}): Promise<preHandlerHookHandler[]> {
  const perConversation = o.perConversation ?? DEFAULT_PER_CONVERSATION;
  const perAddress = o.perAddress ?? DEFAULT_PER_ADDRESS;
  if (perConversation <= 0) return [];
  const { default: rateLimit } = await import('@fastify/rate-limit');
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });
  const check = {
    address: app.createRateLimit({ max: perAddress, timeWindow: 60_000, keyGenerator: (r) => `a:${r.ip}` }),
    conversation: app.createRateLimit({
      max: perConversation,
      timeWindow: 60_000,
      keyGenerator: (r) => {
        const s = sessionOf(r);
        return s ? `c:${r.ip}:${sessionKey(s)}` : `c:${r.ip}`;
      },
    }),
  };
  const hook = (which: keyof typeof check): preHandlerHookHandler =>
    async function limit(request, reply) {
      const r = await check[which](request);
      if (r.isAllowed || !r.isExceeded) return;
      request.log.info({ limit: which }, 'question rate limit reached');
      await reply
        .code(429)
        .header('retry-after', String(r.ttlInSeconds))
        .header('x-ratelimit-limit', String(r.max))
        .header('x-ratelimit-remaining', '0')
        .send({ error: tooManyMessage(r.ttlInSeconds), retryAfter: r.ttlInSeconds });
      return reply;
    };
  return [hook('address'), hook('conversation')];
}
