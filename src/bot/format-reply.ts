/** Turns the engine's plain-text reply into Telegram HTML: every dynamic text escaped, headings in bold. */
import { LEGAL_NOTICE } from '../engine/compose.js';
import type { Reply } from '../engine/reply.js';
import { reviewLabel } from '../engine/labels.js';
import { escapeHtml } from './html.js';

const BASIS_HEADING = '法律依据：';

/** Options of {@link formatReply}. */
export interface FormatOptions {
  /** Public base URL (PUBLIC_URL): articles of shipped law texts link to the law page (default: none, no links). */
  publicUrl?: string;
}

/** The law page's URL of an article: <publicUrl>/law/eco-code#a1095. */
function lawUrl(publicUrl: string, source: string, number: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/law/${encodeURIComponent(source)}#a${number}`;
}

/** The escaped 法律依据 lines, each article of a shipped law text a link (the lines are 《name》art、art). */
function linkedBasis(text: string, reply: Reply, publicUrl?: string): string {
  let html = escapeHtml(text);
  if (!publicUrl) return html;
  for (const b of reply.entry?.basis ?? []) {
    if (!b.number) continue;
    const label = escapeHtml(b.article);
    const at = new RegExp(
      `(${escapeHtml(`《${b.name}》`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^\n]*?、)?)${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=、|（|\n|$)`,
    );
    html = html.replace(at, (_m, before: string) => `${before}<a href="${escapeHtml(lawUrl(publicUrl, b.source, b.number!))}">${label}</a>`);
  }
  return html;
}

/** The HTML of a reply: 「您问的是：<title>」 (answers), 法律依据 in bold (articles linked with PUBLIC_URL), the notice in italics. */
export function formatReply(reply: Reply, options: FormatOptions = {}): string {
  const paragraphs = reply.text.split('\n\n').map((p) => {
    if (p.startsWith(BASIS_HEADING)) return `<b>${BASIS_HEADING}</b>${linkedBasis(p.slice(BASIS_HEADING.length), reply, options.publicUrl)}`;
    if (p === LEGAL_NOTICE) return `<i>${escapeHtml(p)}</i>`;
    return escapeHtml(p);
  });
  if (reply.status === 'answered' && reply.entry) paragraphs.unshift(`您问的是：<b>${escapeHtml(reply.entry.title)}</b>`);
  // Who vouches for the answer: a recorded 法制审核, or only the team's check against the law text.
  const review = reviewLabel(reply.entry);
  if (review) {
    const at = paragraphs.findIndex((p) => p.startsWith('<i>'));
    paragraphs.splice(at < 0 ? paragraphs.length : at, 0, `<i>${escapeHtml(review)}</i>`);
  }
  if (reply.article && options.publicUrl) {
    const url = lawUrl(options.publicUrl, reply.article.source, reply.article.number);
    const at = paragraphs.findIndex((p) => p.startsWith('<i>'));
    paragraphs.splice(at < 0 ? paragraphs.length : at, 0, `<a href="${escapeHtml(url)}">在法典全文中查看${escapeHtml(reply.article.article)}</a>`);
  }
  return paragraphs.join('\n\n');
}
