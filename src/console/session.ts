/**
 * The staff console's session: an encrypted cookie (@fastify/secure-session: HttpOnly, SameSite=Strict,
 * Secure under https, with an expiry), CSRF tokens kept in it (@fastify/csrf-protection) and form bodies
 * (@fastify/formbody). Registered with fastify-plugin inside the staff area only, so public routes never
 * read or set the cookie.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import secureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'pufa_staff';

/** How long a sign-in lasts, in seconds (default of {@link ConsoleSessionOptions.expirySeconds}: 8 hours, a working day). */
export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

/** Options of {@link consoleSession}. */
export interface ConsoleSessionOptions {
  /**
   * 32-byte key that encrypts the cookie (default: random at each start, so a restart signs everyone out;
   * nothing secret is ever written to disk).
   */
  key?: Buffer;
  /** Seconds a sign-in lasts (default: {@link DEFAULT_SESSION_SECONDS}). */
  expirySeconds?: number;
  /**
   * Mark the cookie Secure always (default: false, meaning "when the request came over https"; set it when a
   * TLS proxy sits in front, e.g. PUBLIC_URL is https).
   */
  secure?: boolean;
}

/** The staff name of a request's console session, or undefined (no session, or no session plugin in scope). */
export function sessionStaff(request: FastifyRequest): string | undefined {
  const s = (request as { session?: { get(key: 'staff'): unknown } }).session;
  const name = s?.get('staff');
  return typeof name === 'string' ? name : undefined;
}

/** Cookie session, CSRF protection and form bodies for the staff area. */
export const consoleSession = fp(
  async (app: FastifyInstance, opts: ConsoleSessionOptions) => {
    const expiry = opts.expirySeconds ?? DEFAULT_SESSION_SECONDS;
    await app.register(secureSession, {
      key: opts.key ?? randomBytes(32),
      cookieName: SESSION_COOKIE,
      expiry,
      cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure: opts.secure ? true : 'auto', maxAge: expiry },
    });
    await app.register(csrf, { sessionPlugin: '@fastify/secure-session' });
    await app.register(formbody, { bodyLimit: 4096 });
  },
  { name: 'pufa-console-session' },
);
