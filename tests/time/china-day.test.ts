import { describe, expect, it } from 'vitest';
import { addDays, chinaDay, chinaDayBounds, chinaDayStart, daysBetween, isCalendarDay, mondayOf } from '../../src/time/china-day.js';

describe('China days', () => {
  it('puts an instant on both sides of Beijing midnight on the right day', () => {
    expect(chinaDay(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
    expect(chinaDay(new Date('2026-12-01T16:00:01Z'))).toBe('2026-12-02');
    expect(chinaDay('2026-06-04T18:00:00.000Z')).toBe('2026-06-05'); // 02:00 Beijing time
  });
  it('begins a day at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-12-02').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(chinaDayBounds('2026-12-01', '2026-12-01')).toEqual({ start: '2026-11-30T16:00:00.000Z', end: '2026-12-01T16:00:00.000Z' });
  });
  it('knows real calendar days', () => {
    for (const d of ['2026-02-28', '2024-02-29', '2026-12-31']) expect(isCalendarDay(d)).toBe(true);
    for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', 'x']) expect(isCalendarDay(d)).toBe(false);
    expect(() => chinaDayStart('2026-02-30')).toThrow(RangeError);
  });
  it('counts days and weeks', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
