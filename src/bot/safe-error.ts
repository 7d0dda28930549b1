/** Describing errors for the log without ever writing the bot token (grammY's network errors carry URLs). */
import { GrammyError, HttpError } from 'grammy';

/** A loggable description of an error. */
export interface ErrorDescription {
  type: string;
  message: string;
  /** Bot API method that failed. */
  method?: string;
  /** Bot API error code. */
  code?: number;
  /** Inner cause of a network error. */
  cause?: string;
}

/** Replaces every occurrence of the token (and its bot id-less secret part) with `<token>`. */
export function redactToken(text: string, token: string): string {
  if (!token) return text;
  let out = text.split(token).join('<token>');
  const secret = token.split(':')[1];
  if (secret && secret.length >= 8) out = out.split(secret).join('<token>');
  return out;
}

/** Describes an error for pino with the token redacted from every text. */
export function describeError(err: unknown, token: string): ErrorDescription {
  const r = (s: string) => redactToken(s, token);
  if (err instanceof GrammyError) {
    return { type: 'GrammyError', message: r(err.description ?? err.message), method: err.method, code: err.error_code };
  }
  if (err instanceof HttpError) {
    const inner = err.error instanceof Error ? err.error.message : String(err.error);
    return { type: 'HttpError', message: r(err.message), cause: r(inner) };
  }
  if (err instanceof Error) return { type: err.name, message: r(err.message), cause: err.stack ? r(err.stack.split('\n').slice(0, 4).join('\n')) : undefined };
  return { type: typeof err, message: r(String(err)) };
}
