/**
 * Validity of cited sources on a given day: 现行有效, 尚未施行, 已被取代 or 已废止. Answers carry it, and
 * `check-knowledge` flags entries whose basis is no longer in force.
 */
import type { Source } from './schema.js';
import { chinaDay } from '../time/china-day.js';

/** Status of a source on a day. */
export type ValidityStatus = 'in_force' | 'pending' | 'superseded' | 'repealed';

/** A source's validity on a day, with its Chinese label and any announced change. */
export interface Validity {
  status: ValidityStatus;
  /** 现行有效 / 尚未施行（2027年1月1日起施行） / 已被《…》取代（2027年1月1日起） / 已废止（2026年8月15日起由《…》废止） */
  label: string;
  /** A change announced but not yet in force: one short line for the answer. */
  notice?: string;
  /** The day the source stops being in force (superseded or repealed), when known. */
  endsOn?: string;
}

/** Whether a validity means the source no longer applies (superseded or repealed). */
export function outOfForce(v: Pick<Validity, 'status'>): boolean {
  return v.status === 'superseded' || v.status === 'repealed';
}

/** A law's name as people say it: 中华人民共和国生态环境法典 → 生态环境法典. */
export function shortName(name: string): string {
  return name.replace(/^中华人民共和国/, '');
}

/** Formats an ISO date as 2027年1月1日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today's date as YYYY-MM-DD in China Standard Time (UTC+8), the bureau's calendar. */
export function todayInChina(now: Date = new Date()): string {
  return chinaDay(now);
}

/**
 * The validity of `source` on `day` (YYYY-MM-DD). `lookup` finds successor sources by id, for their names
 * and dates.
 */
export function validityOn(source: Source, day: string, lookup: (id: string) => Source | undefined): Validity {
  if (source.repealed_on) {
    const by = source.repealed_by ? lookup(source.repealed_by) : undefined;
    const byName = by ? `由《${shortName(by.name)}》` : '';
    if (source.repealed_on <= day) {
      return { status: 'repealed', label: `已废止（${chineseDate(source.repealed_on)}起${byName}废止）`, endsOn: source.repealed_on };
    }
    if (!(source.effective && source.effective > day)) {
      return {
        status: 'in_force',
        label: '现行有效',
        endsOn: source.repealed_on,
        notice: `《${source.name}》将于${chineseDate(source.repealed_on)}废止${by ? `（由《${shortName(by.name)}》取代）` : ''}，届时请以新的规定为准。`,
      };
    }
  }
  const successor = source.superseded_by ? lookup(source.superseded_by) : undefined;
  const successorName = successor ? `《${successor.name}》` : '新法';
  if (source.effective && source.effective > day) {
    return { status: 'pending', label: `尚未施行（${chineseDate(source.effective)}起施行）` };
  }
  const endsOn = source.superseded_on ?? (successor?.effective && source.superseded_by ? successor.effective : undefined);
  if (endsOn && endsOn <= day) {
    return { status: 'superseded', label: `已被${successorName}取代（${chineseDate(endsOn)}起）`, endsOn };
  }
  if (endsOn) {
    return {
      status: 'in_force',
      label: '现行有效',
      endsOn,
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
