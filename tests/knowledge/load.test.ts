import { afterEach, describe, expect, it } from 'vitest';
import { hasErrors, loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { fixtureCopy, FIXTURE_DIR } from '../helpers/fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function treeWith(files: Record<string, string>) {
  const t = await fixtureCopy(files);
  cleanups.push(t.cleanup);
  return loadKnowledge(t.dir, '2026-06-01');
}
const lines = (k: Awaited<ReturnType<typeof loadKnowledge>>) => k.problems.map(formatProblem);

describe('loadKnowledge', () => {
  it('loads the fixture tree without problems', async () => {
    const k = await loadKnowledge(FIXTURE_DIR, '2026-06-01');
    expect(k.problems).toEqual([]);
    expect(k.entries.map((e) => e.id).sort()).toEqual(['draft-entry', 'permit-validity', 'waste-manifest-a', 'waste-manifest-b', 'waste-storage']);
    expect(k.sources.get('reg-a')?.name).toBe('测试管理条例');
    expect(k.lexicon.synonyms.排污许可证).toEqual(['排污证']);
  });

  it('reports a YAML syntax error with its line', async () => {
    const k = await treeWith({ 'faq/broken.yaml': 'id: broken\ntitle: [unclosed\n' });
    expect(hasErrors(k.problems)).toBe(true);
    expect(lines(k).some((l) => /^faq\/broken\.yaml:\d+ YAML 语法错误/.test(l))).toBe(true);
  });

  it('reports missing and wrong fields with file, line and field', async () => {
    const text = [
      'id: bad-entry',
      'kind: faq',
      'topic: weather',
      'title: 测试',
      'questions: [问法一]',
      'keywords: []',
      'answer: 这是一个足够长的答案文本。',
      'basis:',
      '  - {source: reg-a, article: 14条}',
      'related: []',
      'status: published',
    ].join('\n');
    const k = await treeWith({ 'faq/bad-entry.yaml': text });
    const l = lines(k);
    expect(l).toContain(
      'faq/bad-entry.yaml:3 topic: 主题不存在，可选: permit, emission, eia, inspection, penalty, complaint, waste, noise, tax, disclosure, damages, report, general',
    );
    expect(l).toContain('faq/bad-entry.yaml:9 basis[0].article: 条款须写成“第…条”（中文数字），标准写成“表1”等');
    expect(l.some((x) => x.startsWith('faq/bad-entry.yaml:') && x.includes('updated: 缺少必填字段'))).toBe(true);
  });

  it('reports duplicate ids, unknown sources, dangling related ids and duplicate questions', async () => {
    const base = (id: string, extra: Partial<Record<string, string>> = {}) =>
      [
        `id: ${id}`,
        'kind: faq',
        'topic: permit',
        `title: ${extra.title ?? '标题' + id}`,
        `questions: [${extra.q ?? '问法' + id}]`,
        'keywords: [词]',
        'answer: 这是一个足够长的答案文本。',
        'basis:',
        `  - {source: ${extra.source ?? 'reg-a'}, article: 第一条}`,
        `related: [${extra.related ?? ''}]`,
        'status: published',
        'updated: 2026-01-01',
      ].join('\n');
    const k = await treeWith({
      'faq/a-one.yaml': base('a-one', { source: 'nope', related: 'ghost' }),
      'guides/a-one.yaml': base('a-one'),
      'faq/a-two.yaml': base('a-two', { q: '排污许可证管几年' }),
    });
    const l = lines(k);
    expect(l).toContain('faq/a-one.yaml:9 basis[0].source: 未知来源 “nope”（先在 sources.yaml 中登记）');
    expect(l).toContain('faq/a-one.yaml:10 related[0]: 关联条目 “ghost” 不存在');
    expect(l.some((x) => x.startsWith('guides/a-one.yaml:1 id: id 重复'))).toBe(true);
    expect(l.some((x) => x.includes('与条目 permit-validity 重复') || x.includes('与条目 a-two 重复'))).toBe(true);
  });

  it('reports an id that differs from the file name', async () => {
    const k = await treeWith({ 'faq/other-name.yaml': (await import('node:fs')).readFileSync(`${FIXTURE_DIR}/faq/waste-storage.yaml`, 'utf8') });
    expect(lines(k).some((l) => l.startsWith('faq/other-name.yaml:1 id:'))).toBe(true);
  });

  it('refuses published entries citing a superseded source on and after the date, not before (review on request)', async () => {
    const before = await loadKnowledge(FIXTURE_DIR, '2029-12-31');
    expect(before.problems).toEqual([]);
    const after = await loadKnowledge(FIXTURE_DIR, '2030-01-01');
    expect(after.problems.map((p) => [p.file, p.severity])).toEqual([['faq/waste-storage.yaml', 'error']]);
    expect(hasErrors(after.problems)).toBe(true);
    const listed = await loadKnowledge(FIXTURE_DIR, '2030-01-01', { outOfForce: 'review' });
    expect(listed.problems.map((p) => [p.file, p.severity])).toEqual([['faq/waste-storage.yaml', 'review']]);
    expect(hasErrors(listed.problems)).toBe(false);
  });

  it('reports a missing sources.yaml', async () => {
    const t = await fixtureCopy();
    cleanups.push(t.cleanup);
    await (await import('node:fs/promises')).rm(`${t.dir}/sources.yaml`);
    const k = await loadKnowledge(t.dir, '2026-06-01');
    expect(lines(k)).toContain('sources.yaml:1 文件不存在或无法读取');
  });
});
