/**
 * The bureau's calendar: every day and week of the product (statistics, the Telegram /stats, gaps, the annual
 * report, "today") is a day of China Standard Time (Asia/Shanghai, UTC+8 all year: China has had no daylight
 * saving time since 1991). Timestamps are stored as UTC ISO strings; this module is the one place that turns
 * them into China days and back.
 */

/** China's offset from UTC, in milliseconds (UTC+8, no daylight saving time). */
export const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The China day (YYYY-MM-DD) of an instant (default: now). */
export function chinaDay(at: Date | number | string = new Date()): string {
  const ms = typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`chinaDay: not a time: ${String(at)}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-01 are not). */
export function isCalendarDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** The UTC instant at which a China day begins (00:00 Beijing time = 16:00 UTC the day before). */
export function chinaDayStart(day: string): Date {
  if (!isCalendarDay(day)) throw new RangeError(`chinaDayStart: not a calendar day: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the (ISO) week of a day. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Half-open UTC bounds [start, end) of the China days `from`..`to` (inclusive), as ISO strings. */
export function chinaDayBounds(from: string, to: string): { start: string; end: string } {
  return { start: chinaDayStart(from).toISOString(), end: chinaDayStart(addDays(to, 1)).toISOString() };
}

/** Every day from `from` to `to` (inclusive), in order. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
