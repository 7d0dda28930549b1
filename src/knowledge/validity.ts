/**
 * Validity of cited sources on a given day: 现行有效, 尚未施行 or 已被取代. Answers carry it, and
 * `check-knowledge` flags entries whose basis is superseded.
 */
import type { Source } from './schema.js';

/** Status of a source on a day. */
export type ValidityStatus = 'in_force' | 'pending' | 'superseded';

/** A source's validity on a day, with its Chinese label and any announced change. */
export interface Validity {
  status: ValidityStatus;
  /** 现行有效 / 尚未施行（2027年1月1日起施行） / 已被《…》取代（2027年1月1日起） */
  label: string;
  /** A change announced but not yet in force: one short line for the answer. */
  notice?: string;
}

/** Formats an ISO date as 2027年1月1日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8), the bureau's calendar. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The validity of `source` on `day` (YYYY-MM-DD). `lookup` finds successor sources by id, for their names
 * and dates.
 */
export function validityOn(source: Source, day: string, lookup: (id: string) => Source | undefined): Validity {
  const successor = source.superseded_by ? lookup(source.superseded_by) : undefined;
  const successorName = successor ? `《${successor.name}》` : '新法';
  if (source.effective && source.effective > day) {
    return { status: 'pending', label: `尚未施行（${chineseDate(source.effective)}起施行）` };
  }
  const endsOn = source.superseded_on ?? (successor?.effective && source.superseded_by ? successor.effective : undefined);
  if (endsOn && endsOn <= day) {
    return { status: 'superseded', label: `已被${successorName}取代（${chineseDate(endsOn)}起）` };
  }
  if (endsOn) {
    return {
      status: 'in_force',
      label: '现行有效',
      notice: `《${source.name}》将于${chineseDate(endsOn)}被${successorName}取代，届时条文序号和内容可能变化。`,
    };
  }
  if (successor) {
    const adopted = successor.adopted ? `（${chineseDate(successor.adopted)}通过）` : '';
    return {
      status: 'in_force',
      label: '现行有效',
      notice: `《${source.name}》已编入${successorName}${adopted}，法典施行后本法不再保留，条文序号将变化；施行前仍适用本法。`,
    };
  }
  return { status: 'in_force', label: '现行有效' };
}
