/**
 * The strict Content-Security-Policy of every page the server renders: only the server's own scripts,
 * styles and images; no inline script, no framing. No upgrade-insecure-requests (a helmet default): the
 * pages are served over plain http on the bureau's intranet.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Options of {@link strictCsp}. */
export interface CspOptions {
  /** Whether the page runs its own scripts (default: true; printable pages run none). */
  scripts?: boolean;
}

/** Registers helmet with the strict policy in the calling (encapsulated) plugin. */
export async function strictCsp(app: FastifyInstance, options: CspOptions = {}): Promise<void> {
  const scripts = options.scripts ?? true;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [scripts ? "'self'" : "'none'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: [scripts ? "'self'" : "'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}
