import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, EventInputError, EventRegistry } from '../../src/events/registry.js';
import { openDatabase, type Db } from '../../src/store/database.js';

const FILE_EVENT = { code: 'wed2026', name: '六五环境日宣传', date: '2026-06-05', place: '广场', greeting: '欢迎' };
const INPUT = { code: 'train_01', name: '排污许可培训', date: '2026-12-01', place: '局会议室', greeting: '欢迎参加培训' };

describe('EventRegistry and createEvent', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('finds file events and staff events created later, file events first', () => {
    const registry = new EventRegistry([FILE_EVENT], db);
    expect(registry.get('train_01')).toBeUndefined();
    const created = createEvent(db, INPUT, { createdBy: '张三', taken: (c) => registry.has(c) });
    expect(created).toEqual(INPUT);
    expect(registry.get('train_01')).toEqual({ ...INPUT, origin: 'staff' });
    expect(registry.get('wed2026')?.origin).toBe('file');
    expect(registry.list().map((e) => e.code)).toEqual(['wed2026', 'train_01']);
    const row = db.prepare('SELECT created_by, created_at FROM events WHERE code = ?').get('train_01') as { created_by: string; created_at: string };
    expect(row.created_by).toBe('张三');
    expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('is exact about codes and ignores malformed ones', () => {
    const registry = new EventRegistry([FILE_EVENT], db);
    expect(registry.get('WED2026')).toBeUndefined();
    expect(registry.get("x' OR 1=1 --")).toBeUndefined();
    expect(registry.get('')).toBeUndefined();
    expect(new EventRegistry([FILE_EVENT]).get('wed2026')?.name).toBe('六五环境日宣传');
  });

  it('refuses bad input with the field named, in Chinese', () => {
    const cases: [unknown, string][] = [
      [{ ...INPUT, code: 'bad code' }, 'code'],
      [{ ...INPUT, code: 'x'.repeat(33) }, 'code'],
      [{ ...INPUT, date: '2026/12/01' }, 'date'],
      [{ ...INPUT, name: '' }, 'name'],
      [{ ...INPUT, extra: 1 }, 'extra'],
      [{ code: 'a1', name: '培训班' }, 'date'],
      [null, ''],
      ['text', ''],
    ];
    for (const [input, field] of cases) {
      let error: unknown;
      try {
        createEvent(db, input);
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(input)).toBeInstanceOf(EventInputError);
      expect((error as EventInputError).reason).toBe('invalid');
      expect((error as EventInputError).field).toBe(field);
      expect((error as EventInputError).message).toMatch(/^活动信息不正确/);
    }
    expect((db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(0);
  });

  it('refuses a code already in the table or taken by a file event', () => {
    createEvent(db, INPUT);
    expect(() => createEvent(db, INPUT)).toThrow(/已被使用/);
    const registry = new EventRegistry([FILE_EVENT], db);
    try {
      createEvent(db, { ...INPUT, code: 'wed2026' }, { taken: (c) => registry.has(c) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EventInputError);
      expect((err as EventInputError).reason).toBe('duplicate');
    }
  });
});
