/** Turns the engine's plain-text reply into Telegram HTML: every dynamic text escaped, headings in bold. */
import { LEGAL_NOTICE } from '../engine/compose.js';
import type { Reply } from '../engine/reply.js';
import { escapeHtml } from './html.js';

const BASIS_HEADING = '法律依据：';

/** The HTML of a reply: 「您问的是：<title>」 (answers), 法律依据 in bold, the notice in italics. */
export function formatReply(reply: Reply): string {
  const paragraphs = reply.text.split('\n\n').map((p) => {
    if (p.startsWith(BASIS_HEADING)) return `<b>${BASIS_HEADING}</b>${escapeHtml(p.slice(BASIS_HEADING.length))}`;
    if (p === LEGAL_NOTICE) return `<i>${escapeHtml(p)}</i>`;
    return escapeHtml(p);
  });
  if (reply.status === 'answered' && reply.entry) paragraphs.unshift(`您问的是：<b>${escapeHtml(reply.entry.title)}</b>`);
  return paragraphs.join('\n\n');
}
