/** Composes the text of replies: answer, 法律依据 with validity, notices, and the contacts. */
import type { Entry, Source } from '../knowledge/schema.js';
import { validityOn } from '../knowledge/validity.js';
import type { CitedBasis } from './reply.js';

/** The bureau's contacts shown in fallbacks and /contact. */
export interface Contacts {
  /** Bureau name (default: 魏都区生态环境局 — set BUREAU_NAME). */
  bureauName: string;
  /** Bureau phone for questions (empty: not shown). */
  phone: string;
  /** Office hours. */
  hours: string;
}

/** The one-line notice closing every answer. */
export const LEGAL_NOTICE = '以上为普法宣传信息，不构成法律意见；具体事项以主管部门的正式答复和现行规定为准。';

/** Cites an entry's basis with validity on `day`; also returns the notices of announced changes. */
export function citeBasis(entry: Entry, sources: Map<string, Source>, day: string): { basis: CitedBasis[]; notices: string[]; superseded: boolean } {
  const notices = new Set<string>();
  let superseded = false;
  const basis = entry.basis.map((b): CitedBasis => {
    const src = sources.get(b.source);
    if (!src) return { source: b.source, name: b.source, article: b.article, validity: '未知' };
    const v = validityOn(src, day, (id) => sources.get(id));
    if (v.notice) notices.add(v.notice);
    if (v.status === 'superseded') superseded = true;
    return { source: b.source, name: src.name, article: b.article, validity: v.label };
  });
  if (superseded) {
    notices.add('注意：本条答复所依据的部分法律已被新法取代，本条目正在复核，条文序号可能已变化；请以现行规定为准，或联系工作人员确认。');
  }
  return { basis, notices: [...notices], superseded };
}

/** Formats one citation: 《排污许可管理条例》第十四条, plus the validity when not simply in force. */
export function formatCitation(b: CitedBasis): string {
  const shown = /^[^（(]*（GB/.test(b.name) ? b.name : `《${b.name}》`;
  return `${shown}${b.article === '全文' ? '' : b.article}${b.validity === '现行有效' ? '' : `（${b.validity}）`}`;
}

/** The full text of an answered reply. */
export function answerText(entry: Entry, cited: { basis: CitedBasis[]; notices: string[] }, extra?: string): string {
  const parts = [entry.answer.trim()];
  if (extra) parts.push(extra.trim());
  if (cited.basis.length) {
    // Merge citations of the same source: 《条例》第十四条、第三十三条.
    const bySource = new Map<string, CitedBasis[]>();
    for (const b of cited.basis) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b]);
    const lines = [...bySource.values()].map((group) =>
      formatCitation({ ...group[0], article: group.map((g) => g.article).filter((a) => a !== '全文').join('、') || '全文' }),
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
  else lines.push(`· 咨询${c.bureauName}：请到局办事窗口咨询`);
  lines.push('· 不属于生态环境的政务问题：拨打 12345 政务服务便民热线');
  return lines;
}
