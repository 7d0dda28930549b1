/**
 * Who is staff on the HTTP API: bearer tokens from STAFF_TOKENS, compared in constant time. Tokens are
 * never logged and never leave this module.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaffToken } from '../config/config.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Resolves bearer tokens to staff names. */
export class StaffAuth {
  private readonly staff: { name: string; digest: Buffer }[];

  constructor(tokens: readonly StaffToken[]) {
    this.staff = tokens.map((t) => ({ name: t.name, digest: digest(t.token) }));
  }

  /** True when at least one staff member is configured (otherwise staff features are off). */
  get enabled(): boolean {
    return this.staff.length > 0;
  }

  /** Whether `name` is a configured staff member (a console session of a removed name no longer counts). */
  knows(name: unknown): name is string {
    return typeof name === 'string' && this.staff.some((s) => s.name === name);
  }

  /**
   * The staff name for an `Authorization` header value (`Bearer <token>`), or undefined. Every configured
   * token is compared (fixed-length digests, `timingSafeEqual`), so timing reveals neither which token nor
   * how much of it matched.
   */
  identify(authorization: string | undefined): string | undefined {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const given = digest(m ? m[1] : '');
    let found: string | undefined;
    for (const s of this.staff) if (timingSafeEqual(given, s.digest) && m) found ??= s.name;
    return found;
  }
}
