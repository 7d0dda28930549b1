import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';

const row = (at: string, extra: Partial<Parameters<QuestionLog['record']>[0]> = {}) => ({
  at,
  channel: 'web' as const,
  question: '排污证多久',
  normalized: '排污许可证多久',
  status: 'answered',
  entryId: 'permit-validity',
  latencyMs: 1.5,
  user: 'session-1',
  ...extra,
});

describe('QuestionLog', () => {
  it('records questions with hashed users and feedback', () => {
    const log = new QuestionLog(openDatabase(':memory:'));
    const id = log.record(row('2026-11-01T10:00:00Z'));
    expect(log.feedback(id, false)).toBe(true);
    expect(log.feedback(9999, true)).toBe(false);
    const r = log.get(id)!;
    expect(r).toMatchObject({ question: '排污证多久', status: 'answered', entry_id: 'permit-validity', feedback: -1, channel: 'web' });
    expect(r.user_hash).toMatch(/^[0-9a-f]{24}$/);
    expect(r.user_hash).not.toContain('session');
    expect(log.hashUser('session-1')).toBe(r.user_hash);
  });

  it('prunes rows older than the retention period', () => {
    const log = new QuestionLog(openDatabase(':memory:'));
    log.record(row('2025-01-01T00:00:00Z'));
    log.record(row('2026-11-20T00:00:00Z'));
    expect(log.prune(365, new Date('2026-11-28T00:00:00Z'))).toBe(1);
    expect(log.between('2000-01-01', '2100-01-01')).toHaveLength(1);
  });

  it('keeps rows, the salt and the schema across a restart', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pufa-db-')), 'pufa.db');
    const first = openDatabase(file);
    const log1 = new QuestionLog(first);
    log1.record(row('2026-11-01T10:00:00Z'));
    const hash = log1.hashUser('u');
    first.close();
    const second = openDatabase(file);
    const log2 = new QuestionLog(second);
    expect(log2.between('2000-01-01', '2100-01-01')).toHaveLength(1);
    expect(log2.hashUser('u')).toBe(hash);
    expect(second.pragma('user_version', { simple: true })).toBe(2);
    second.close();
  });
});
