/**
 * Sources about to stop being in force: a law repealed or superseded within the next days. Warned about in the
 * log at start and shown in the staff status (GET /api/admin/status), so entries are moved before the day.
 */
import type { Source } from './schema.js';
import { chineseDate } from './validity.js';

/** How far ahead a coming repeal is warned about, in days (default: 60). */
export const UPCOMING_DAYS = 60;

/** A source that stops being in force soon. */
export interface UpcomingChange {
  source: string;
  name: string;
  /** repealed (废止) or superseded (被取代). */
  change: 'repealed' | 'superseded';
  /** The day it stops, YYYY-MM-DD. */
  on: string;
  /** Days from `today` until then (0: today is the last day before it). */
  daysLeft: number;
  /** One Chinese line for the staff. */
  message: string;
}

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Sources repealed or superseded after `today` and within `days` days (YYYY-MM-DD), soonest first. */
export function upcomingChanges(sources: Map<string, Source>, today: string, days = UPCOMING_DAYS): UpcomingChange[] {
  const out: UpcomingChange[] = [];
  for (const s of sources.values()) {
    const successor = s.superseded_by ? sources.get(s.superseded_by) : undefined;
    const superseded = s.superseded_on ?? (s.superseded_by ? successor?.effective : undefined);
    const [change, on] = s.repealed_on ? (['repealed', s.repealed_on] as const) : superseded ? (['superseded', superseded] as const) : [undefined, undefined];
    if (!change || !on || on <= today) continue;
    const daysLeft = dayNumber(on) - dayNumber(today);
    if (daysLeft > days) continue;
    const verb = change === 'repealed' ? '废止' : '被取代';
    out.push({
      source: s.id,
      name: s.name,
      change,
      on,
      daysLeft,
      message: `《${s.name}》将于${chineseDate(on)}${verb}（还有${daysLeft}天），引用它的条目须在此前改引现行规定。`,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}
