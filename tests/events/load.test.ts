import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEvents } from '../../src/events/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A knowledge folder holding only the given event files. */
async function eventsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pufa-events-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'events'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'events', name), text);
  return dir;
}

const GOOD = 'code: ok-1\nname: 六五环境日宣传\ndate: 2026-06-05\nplace: 局门前广场\ngreeting: 欢迎扫码提问。\n';

describe('loadEvents', () => {
  it('loads the project events without problems', async () => {
    const { events, problems } = await loadEvents(KNOWLEDGE_DIR);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.code)).toContain('wed2026');
    const wed = events.find((e) => e.code === 'wed2026')!;
    expect(wed.date).toBe('2026-06-05');
    expect(wed.name).toContain('六五环境日');
  });

  it('reads a valid file and treats a missing folder as no events', async () => {
    const dir = await eventsDir({ 'ok.yaml': GOOD });
    expect((await loadEvents(dir)).events).toEqual([
      { code: 'ok-1', name: '六五环境日宣传', date: '2026-06-05', place: '局门前广场', greeting: '欢迎扫码提问。' },
    ]);
    expect(await loadEvents(path.join(dir, 'nothing-here'))).toEqual({ events: [], problems: [] });
  });

  it('locates a bad code, a bad date, a missing field and an unknown field by file, line and field', async () => {
    const dir = await eventsDir({
      'bad.yaml': 'code: 活动 2026!\nname: 六五环境日宣传\ndate: 6月5日\nplace: 局门前广场\ngreeting: 欢迎\nposter: big\n',
      'short.yaml': 'code: x\nname: 宣传\ndate: 2026-06-05\nplace: 广场\n',
      'long.yaml': `code: ${'a'.repeat(33)}\nname: 宣传\ndate: 2026-06-05\nplace: 广场\ngreeting: 欢迎\n`,
    });
    const { events, problems } = await loadEvents(dir);
    expect(events).toEqual([]);
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^events\/bad\.yaml:1 code: 活动代码只能用字母、数字、下划线和连字符/));
    expect(lines).toContainEqual(expect.stringMatching(/^events\/bad\.yaml:3 date: 日期应写成 YYYY-MM-DD/));
    expect(lines).toContainEqual(expect.stringMatching(/^events\/bad\.yaml:6 poster: 不认识的字段/));
    expect(lines).toContainEqual(expect.stringMatching(/^events\/short\.yaml:\d+ greeting: 缺少必填字段/));
    expect(lines).toContainEqual(expect.stringMatching(/^events\/long\.yaml:1 code: /));
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('reports YAML syntax errors and duplicate codes with their line', async () => {
    const dir = await eventsDir({ 'a.yaml': GOOD, 'b.yaml': GOOD, 'c.yaml': 'code: [oops\n', 'd.yaml': '- just\n- a list\n' });
    const { events, problems } = await loadEvents(dir);
    expect(events.map((e) => e.code)).toEqual(['ok-1']);
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual('events/b.yaml:1 code: 活动代码重复，已在 events/a.yaml 中使用');
    expect(lines).toContainEqual(expect.stringMatching(/^events\/c\.yaml:\d+ YAML 语法错误/));
    expect(lines).toContainEqual('events/d.yaml:1 文件内容应为一个活动（键值对象）');
  });
});
