import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { QuestionLog } from '../../src/store/question-log.js';
import { buildAnnualReport } from '../../src/insights/annual-report.js';

function seed(file: string) {
  const db = openDatabase(file);
  const log = new QuestionLog(db);
  const q = (at: string, status: string, extra: Record<string, string> = {}) =>
    log.record({ at, channel: 'web', question: 'q', normalized: 'q', status, latencyMs: 1, ...extra });
  log.feedback(q('2024-06-05T01:00:00Z', 'answered', { topic: 'permit', user: 'a', event: 'day65' }), true);
  q('2024-06-05T02:00:00Z', 'answered', { topic: 'permit', user: 'b', event: 'day65' });
  q('2024-07-01T02:00:00Z', 'fallback', { user: 'c' });
  q('2025-01-02T02:00:00Z', 'answered', { topic: 'waste', user: 'd' });
  db.prepare(
    "INSERT INTO audit (at, actor, action, entry_id) VALUES ('2024-03-01T00:00:00Z','张三','create','x'),('2024-03-02T00:00:00Z','李四','approve','x'),('2024-04-01T00:00:00Z','张三','update','x')",
  ).run();
  db.prepare(
    "INSERT INTO events (code, name, date, place, greeting, created_by, created_at) VALUES ('day65','六五环境日宣传','2024-06-05','区政府广场','欢迎','张三','2024-05-01T00:00:00Z')",
  ).run();
  return db;
}

describe('annual report', () => {
  it('agrees with a seeded question log', () => {
    const db = seed(':memory:');
    const events = [{ code: 'day65', name: '六五环境日宣传', date: '2024-06-05', place: '区政府广场' }];
    const { files, stats } = buildAnnualReport(db, '2024-01-01', '2024-12-31', events, '魏都区生态环境局');
    expect(stats.questions).toBe(3);
    const md = files['report.md'];
    expect(md).toContain('开展普法宣传活动 1 次');
    expect(md).toContain('2024-06-05 六五环境日宣传（区政府广场）：通过二维码触达 2 人，提问 2 个');
    expect(md).toContain('共收到咨询 3 个，解答 2 个（解答率 66.7%），服务 3 人；暂未能解答 1 个');
    expect(md).toContain('满意度（“有帮助”占全部评价的比例）：100.0%（共 1 次评价）');
    expect(md).toContain('新增条目 1 个，修订 1 次，经法制审核发布 1 次');
    expect(files['by-topic.csv']).toBe('主题,提问数,已解答,提问人数\n排污许可,2,2,2\n');
    expect(files['summary.csv']).toContain('咨询总数,3\n');
  });

  it('is written by npm run report from DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pufa-report-'));
    seed(path.join(dir, 'pufa.db')).close();
    const out = path.join(dir, 'out');
    execFileSync('npx', ['tsx', 'src/cli/report.ts', '--from', '2024-01-01', '--to', '2024-12-31', '--out', out], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATA_DIR: dir },
      stdio: 'pipe',
    });
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toContain('共收到咨询 3 个');
    expect(readFileSync(path.join(out, 'events.csv'), 'utf8')).toContain('2024-06-05,六五环境日宣传,区政府广场,day65,2,2');
  });
});
