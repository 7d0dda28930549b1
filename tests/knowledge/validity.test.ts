import { describe, expect, it } from 'vitest';
import { todayInChina, validityOn } from '../../src/knowledge/validity.js';
import type { Source } from '../../src/knowledge/schema.js';

const code: Source = { id: 'code', name: '测试法典', kind: 'law', adopted: '2026-03-12', effective: '2026-08-15' };
const old: Source = { id: 'old', name: '测试旧法', kind: 'law', effective: '2015-01-01', superseded_by: 'code', superseded_on: '2026-08-15' };
const lookup = (id: string) => ({ code, old })[id as 'code' | 'old'];

describe('validityOn', () => {
  it('announces the change the day before it takes effect', () => {
    const v = validityOn(old, '2026-08-14', lookup);
    expect(v.status).toBe('in_force');
    expect(v.label).toBe('现行有效');
    expect(v.notice).toBe('《测试旧法》将于2026年8月15日被《测试法典》取代，届时条文序号和内容可能变化。');
  });
  it('is superseded on the day itself and after', () => {
    for (const day of ['2026-08-15', '2027-01-01']) {
      const v = validityOn(old, day, lookup);
      expect(v.status).toBe('superseded');
      expect(v.label).toBe('已被《测试法典》取代（2026年8月15日起）');
    }
  });
  it('is pending before its own effective date', () => {
    expect(validityOn(code, '2026-05-01', lookup)).toEqual({ status: 'pending', label: '尚未施行（2026年8月15日起施行）' });
    expect(validityOn(code, '2026-08-15', lookup).status).toBe('in_force');
  });
  it('says a successor is adopted when its effective date is unknown', () => {
    const undated = { ...code, effective: undefined };
    const v = validityOn({ ...old, superseded_on: undefined }, '2026-05-01', (id) => (id === 'code' ? undated : undefined));
    expect(v.status).toBe('in_force');
    expect(v.notice).toContain('已编入《测试法典》（2026年3月12日通过）');
  });
});

describe('todayInChina', () => {
  it('uses China Standard Time', () => {
    expect(todayInChina(new Date('2026-08-14T16:00:00Z'))).toBe('2026-08-15');
    expect(todayInChina(new Date('2026-08-14T15:59:59Z'))).toBe('2026-08-14');
  });
});
