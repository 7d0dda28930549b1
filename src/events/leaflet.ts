/**
 * The printable Q&A leaflet of a topic: its top published entries (FAQ first), each with its short answer,
 * its legal basis with validity, and a small QR code opening the live answer in the web chat.
 */
import type { Entry, Source } from '../knowledge/schema.js';
import { TOPICS, type Topic } from '../knowledge/schema.js';
import { citeBasis, formatCitation, LEGAL_NOTICE } from '../engine/compose.js';
import { escapeHtml, htmlPage } from './html.js';
import { BOT_NAME } from './poster.js';

/** Entries printed on one leaflet (default count). */
export const LEAFLET_SIZE = 8;

/** Characters of an answer printed before it is cut with “……” (default length). */
export const LEAFLET_ANSWER_CHARS = 120;

const KIND_ORDER: Record<Entry['kind'], number> = { faq: 0, guide: 1, law: 2, case: 3, report: 4 };

/**
 * The entries of a topic for its leaflet: FAQ first, then guides, laws and cases; within a kind, those with
 * more ways of asking (the best proxy for how often they are asked) first, ties by id. Up to `size`.
 */
export function leafletEntries(published: readonly Entry[], topic: Topic, size = LEAFLET_SIZE): Entry[] {
  return published
    .filter((e) => e.topic === topic && e.kind !== 'report')
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.questions.length - a.questions.length || a.id.localeCompare(b.id))
    .slice(0, size);
}

/** An answer shortened for print at a sentence end when possible. */
export function shortAnswer(answer: string, max = LEAFLET_ANSWER_CHARS): string {
  const text = answer.trim().replace(/\n{2,}/g, '\n');
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return (end > max / 2 ? cut.slice(0, end + 1) : cut) + '……';
}

/** One printed item: the entry plus its QR code (trusted SVG) and link. */
export interface LeafletItem {
  entry: Entry;
  qrSvg: string;
  link: string;
}

/** The leaflet page's HTML; every text is escaped. `day` (YYYY-MM-DD) decides the validity printed. */
export function renderLeaflet(topic: Topic, items: readonly LeafletItem[], sources: Map<string, Source>, day: string, bureauName: string): string {
  const notices = new Set<string>();
  const list = items
    .map(({ entry, qrSvg, link }) => {
      const cited = citeBasis(entry, sources, day);
      for (const n of cited.notices) notices.add(n);
      // One citation per source: 《条例》第十四条、第三十三条.
      const bySource = new Map<string, typeof cited.basis>();
      for (const b of cited.basis) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b]);
      const basis = [...bySource.values()]
        .map((g) =>
          formatCitation({
            ...g[0],
            article:
              g
                .map((b) => b.article)
                .filter((a) => a !== '全文')
                .join('、') || '全文',
          }),
        )
        .join('；');
      return `<li>
  <div class="text">
    <h3>${escapeHtml(entry.title)}</h3>
    <p class="answer">${escapeHtml(shortAnswer(entry.answer))}</p>
    ${basis ? `<p class="basis">法律依据：${escapeHtml(basis)}</p>` : ''}
  </div>
  <div><a class="qr" href="${escapeHtml(link)}" aria-label="扫码查看完整答复">${qrSvg}</a><p class="scan">扫码看完整答复</p></div>
</li>`;
    })
    .join('\n');
  const body = `<p class="toolbar">打印本页（A4 纵向）即可发放。</p>
<main class="sheet leaflet">
  <p class="brand">${escapeHtml(bureauName)} · ${escapeHtml(BOT_NAME)}</p>
  <h1>${escapeHtml(TOPICS[topic])} 常见问答</h1>
  <ol class="qa">${list}</ol>
  ${[...notices].map((n) => `<p class="notice">${escapeHtml(n)}</p>`).join('')}
  <p class="foot">${escapeHtml(LEGAL_NOTICE)} 答复依据打印当日（${escapeHtml(day)}）的规定；扫码可查看最新答复。举报环境污染请拨打 12369。</p>
</main>`;
  return htmlPage(`${TOPICS[topic]} 常见问答 - ${BOT_NAME}`, body, 'leaflet-page');
}
