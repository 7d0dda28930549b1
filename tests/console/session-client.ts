/** Test helper: a console session over fastify.inject (cookie jar of one cookie, and the CSRF token). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SESSION_COOKIE } from '../../src/console/session.js';

/** A browser-like client of the console: keeps the session cookie and the CSRF token. */
export class ConsoleClient {
  cookie = '';
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
    if (c) this.cookie = c.value;
    return res;
  }

  /** Sends a request with the cookie; `csrf: false` leaves the token out. */
  async send(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    o: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      cookies: this.cookie ? { [SESSION_COOKIE]: this.cookie } : {},
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.keep(res);
  }

  /** GET /admin/session: the CSRF token of the session (and the session cookie). */
  async session(): Promise<{ staff: string | null; enabled: boolean }> {
    const res = await this.send('GET', '/admin/session');
    const body = res.json();
    this.csrf = body.csrf;
    return body;
  }

  /** Signs in with a token; returns the response. */
  async login(token: string): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.session();
    const res = await this.send('POST', '/admin/login', { token });
    if (res.statusCode === 200) this.csrf = res.json().csrf;
    return res;
  }
}
