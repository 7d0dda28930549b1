/** HTML for Telegram's HTML parse mode: escaping dynamic text and splitting long messages. */

/** Longest message text Telegram accepts, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;

/** The one HTML escaper of the project (src/html/escape.ts). */
export { escapeHtml } from '../html/escape.js';

/**
 * Splits an HTML message into parts of at most `max` characters (default: 4096), at paragraph boundaries
 * (blank lines) where possible, then at line ends, and only as a last resort inside a line (never inside an
 * HTML entity). Tags must not span paragraphs, which holds for every message this bot composes.
 */
export function splitMessage(html: string, max = MAX_MESSAGE_LENGTH): string[] {
  if (html.length <= max) return [html];
  const parts: string[] = [];
  let current = '';
  const push = (piece: string, sep: string) => {
    if (!current) current = piece;
    else if (current.length + sep.length + piece.length <= max) current += sep + piece;
    else {
      parts.push(current);
      current = piece;
    }
  };
  for (const para of html.split('\n\n')) {
    if (para.length <= max) {
      push(para, '\n\n');
      continue;
    }
    for (const line of para.split('\n')) {
      if (line.length <= max) {
        push(line, current ? '\n' : '');
        continue;
      }
      for (const chunk of hardChunks(line, max)) push(chunk, '');
    }
  }
  if (current) parts.push(current);
  return parts;
}

function hardChunks(line: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    const entity = rest.slice(Math.max(0, cut - 10), cut).match(/&[a-z#0-9]*$/);
    if (entity) cut -= entity[0].length;
    // Do not cut a surrogate pair in two.
    if (/[\uD800-\uDBFF]/.test(rest[cut - 1])) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) chunks.push(rest);
  return chunks;
}
