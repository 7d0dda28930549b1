/** Composes the text of replies: answer, 法律依据 with validity, notices, and the contacts. */
import type { Entry, Source } from '../knowledge/schema.js';
import { chineseDate, outOfForce, validityOn } from '../knowledge/validity.js';
import type { CitedBasis } from './reply.js';
import type { LawLibrary } from '../law/library.js';

/** The bureau's contacts shown in fallbacks and /contact. */
export interface Contacts {
  /** Bureau name (default: 魏都区生态环境局 — set BUREAU_NAME). */
  bureauName: string;
  /** Bureau phone for questions (empty: not shown). */
  phone: string;
  /** Office hours. */
  hours: string;
  /** Office address (empty: not shown). */
  address?: string;
  /** Map link of the address (optional). */
  mapUrl?: string;
  /** Whether visitors can leave a 留言 for staff (default: false: not mentioned). */
  leaveMessage?: boolean;
}

/** The one-line notice closing every answer. */
export const LEGAL_NOTICE = '以上为普法宣传信息，不构成法律意见；具体事项以主管部门的正式答复和现行规定为准。';

/** An entry's citations on a day, with what the reply must say about them. */
export interface CitedEntry {
  basis: CitedBasis[];
  /** Announced changes (a law to be repealed or replaced): closing lines of the answer. */
  notices: string[];
  /** Set when a citation is repealed or superseded: the entry awaits re-review. */
  superseded: boolean;
  /** Set when anything cited is not in force today: plain words that open the reply. */
  warning?: string;
}

/**
 * Cites an entry's basis with validity on `day`; also returns the notices of announced changes. With `laws`, a
 * citation of a shipped law text carries the article's number (for links to the law page).
 */
export function citeBasis(entry: Entry, sources: Map<string, Source>, day: string, laws?: Pick<LawLibrary, 'cited'>): CitedEntry {
  const notices = new Set<string>();
  const ended: string[] = [];
  const pending: string[] = [];
  const basis = entry.basis.map((b): CitedBasis => {
    const src = sources.get(b.source);
    if (!src) return { source: b.source, name: b.source, article: b.article, validity: '未知' };
    const v = validityOn(src, day, (id) => sources.get(id));
    if (v.notice) notices.add(v.notice);
    if (outOfForce(v)) ended.push(`《${src.name}》${v.endsOn ? `已于${chineseDate(v.endsOn)}${v.status === 'repealed' ? '废止' : '被新法取代'}` : v.label}`);
    if (v.status === 'pending') pending.push(`《${src.name}》${v.label}`);
    const shipped = laws?.cited(b.source, b.article);
    return { source: b.source, name: src.name, article: b.article, validity: v.label, ...(shipped ? { number: shipped.number } : {}) };
  });
  const warnings: string[] = [];
  if (ended.length) {
    warnings.push(
      `⚠️ 请注意：这条答复引用的${[...new Set(ended)].join('、')}，现在不再适用。下面的内容（包括罚款数额、期限）可能已经过时，本条目正在复核；请以现行法律为准，或联系工作人员确认。`,
    );
  }
  if (pending.length) warnings.push(`⚠️ 请注意：这条答复引用的${[...new Set(pending)].join('、')}，施行前仍按现行规定办理。`);
  return { basis, notices: [...notices], superseded: ended.length > 0, ...(warnings.length ? { warning: warnings.join('\n') } : {}) };
}

/** Formats one citation: 《排污许可管理条例》第十四条, plus the validity when not simply in force. */
export function formatCitation(b: CitedBasis): string {
  const shown = /^[^（(]*（GB/.test(b.name) ? b.name : `《${b.name}》`;
  return `${shown}${b.article === '全文' ? '' : b.article}${b.validity === '现行有效' ? '' : `（${b.validity}）`}`;
}

/** The full text of an answered reply. */
export function answerText(entry: Entry, cited: { basis: CitedBasis[]; notices: string[]; warning?: string }, extra?: string): string {
  // Anything cited that is not in force is said first, before any figure the answer states.
  const parts = cited.warning ? [cited.warning, entry.answer.trim()] : [entry.answer.trim()];
  if (extra) parts.push(extra.trim());
  if (cited.basis.length) {
    // Merge citations of the same source: 《条例》第十四条、第三十三条.
    const bySource = new Map<string, CitedBasis[]>();
    for (const b of cited.basis) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b]);
    const lines = [...bySource.values()].map((group) =>
      formatCitation({
        ...group[0],
        article:
          group
            .map((g) => g.article)
            .filter((a) => a !== '全文')
            .join('、') || '全文',
      }),
    );
    parts.push('法律依据：\n' + lines.map((l) => `· ${l}`).join('\n'));
  }
  if (cited.notices.length) parts.push(cited.notices.join('\n'));
  parts.push(LEGAL_NOTICE);
  return parts.join('\n\n');
}

/** The human routes offered when the bot cannot answer. */
export function contactLines(c: Contacts): string[] {
  const lines = ['· 举报环境污染：拨打 12369 环保举报热线'];
  if (c.phone) lines.push(`· 咨询${c.bureauName}：${c.phone}${c.hours ? `（${c.hours}）` : ''}`);
  if (c.address) lines.push(`· 办公地址：${c.address}${!c.phone && c.hours ? `（${c.hours}）` : ''}`);
  if (c.leaveMessage) lines.push(`· 给工作人员留言：写下问题和联系电话，工作人员会回复您`);
  if (!c.phone && !c.address && !c.leaveMessage) lines.push(`· 咨询${c.bureauName}：可在工作时间前往局办事窗口`);
  lines.push('· 不属于生态环境的政务问题：拨打 12345 政务服务便民热线');
  return lines;
}
