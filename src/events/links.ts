/** The links that posters, leaflets and QR codes point to. */

/** Pattern of a Telegram bot username (without the @). */
export const TELEGRAM_USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

/** The web chat opened for an event: `<base>/?event=<code>`. */
export function chatLink(base: string, code: string): string {
  return `${trimBase(base)}/?event=${encodeURIComponent(code)}`;
}

/** The Telegram deep link of an event: `https://t.me/<username>?start=<code>`. */
export function telegramLink(username: string, code: string): string {
  return `https://t.me/${encodeURIComponent(username.replace(/^@/, ''))}?start=${encodeURIComponent(code)}`;
}

/** The web chat asking one question on load: `<base>/?q=<url-encoded question>`. */
export function questionLink(base: string, question: string): string {
  return `${trimBase(base)}/?q=${encodeURIComponent(question)}`;
}

/**
 * The public base URL: PUBLIC_URL when set, else the scheme and host the request came to (good enough on
 * an intranet; set PUBLIC_URL behind a proxy).
 */
export function baseUrl(publicUrl: string | undefined, request: { protocol: string; host: string }): string {
  return trimBase(publicUrl || `${request.protocol}://${request.host}`);
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}
