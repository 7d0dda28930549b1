import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadLaws } from '../../src/law/load.js';
import { LawLibrary } from '../../src/law/library.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

const BROKEN = fileURLToPath(new URL('../fixtures/law-text-broken', import.meta.url));

describe('the shipped text of the 生态环境法典', async () => {
  const loaded = await loadLaws(KNOWLEDGE_DIR);
  const code = loaded.laws.get('eco-code')!;

  it('loads without problems: 1,242 articles numbered 1..1242, none empty', () => {
    expect(loaded.problems).toEqual([]);
    expect(code.name).toBe('中华人民共和国生态环境法典');
    expect(code.articleCount).toBe(1242);
    expect(code.articles).toHaveLength(1242);
    code.articles.forEach((a, i) => {
      expect(a.number).toBe(i + 1);
      expect(a.text.trim().length).toBeGreaterThan(0);
      expect(a.part).toMatch(/^第[一二三四五]编/);
      expect(a.chapter).toMatch(/^第.+章/);
    });
  });

  it('places articles in their 编, 分编, 章 and 节', () => {
    const lib = new LawLibrary(loaded);
    const a = lib.article('eco-code', 1095)!;
    expect(a.article).toBe('第一千零九十五条');
    expect(a.part).toBe('第五编　法律责任和附则');
    expect(a.chapter).toBe('第二章　法律责任分则');
    expect(a.section).toBe('第二节　违反生态环境影响评价管理规定');
    expect(lib.article('eco-code', 187)?.subpart).toBe('第二分编　大气污染防治');
    expect(lib.article('eco-code', 15)?.text).toBe('每年8月15日为全国生态日。国家通过多种形式开展生态文明宣传教育活动。');
    expect(lib.article('eco-code', 1242)?.text).toMatch(/^本法自2026年8月15日起施行。/);
    expect(lib.article('eco-code', 1243)).toBeUndefined();
    expect(lib.cited('eco-code', '第一千零九十五条第一款')?.number).toBe(1095);
  });

  it("maps the repealed laws' articles to Code articles that exist", () => {
    const lib = new LawLibrary(loaded);
    expect(loaded.oldArticles.length).toBeGreaterThan(100);
    const rows = lib.oldArticle('eia-law', 31);
    expect(rows.flatMap((r) => r.code.map((c) => c.number))).toContain(1095);
    for (const r of loaded.oldArticles) for (const c of r.code) expect(lib.article('eco-code', c.number)).toBeDefined();
    expect(lib.names.find((n) => n.name === '环评法')?.source).toBe('eia-law');
  });
});

describe('a broken law text', () => {
  it('is reported with file, line and field, and not loaded', async () => {
    const loaded = await loadLaws(BROKEN);
    const lines = loaded.problems.map(formatProblem);
    expect(loaded.laws.size).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^law-text\/test-code\/part-1\.yaml:\d+ articles\[1\]\.text: 第二条没有条文内容/));
    expect(lines).toContainEqual(expect.stringMatching(/^law-text\/test-code\/part-1\.yaml:\d+ articles\[2\]\.article: 第 4 条应写作 “第四条”/));
    expect(lines).toContainEqual(expect.stringMatching(/条文序号不连续：第二条缺失/));
    expect(lines).toContainEqual(expect.stringMatching(/条文共 2 条，与 law\.yaml 声明的 4 条不符/));
    expect(loaded.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('makes the knowledge check fail (npm run check-knowledge)', async () => {
    const { loadKnowledge, hasErrors } = await import('../../src/knowledge/load.js');
    const { fixtureCopy } = await import('../helpers/fixture.js');
    const { readFile } = await import('node:fs/promises');
    const part = await readFile(`${BROKEN}/law-text/test-code/part-1.yaml`, 'utf8');
    const law = await readFile(`${BROKEN}/law-text/test-code/law.yaml`, 'utf8');
    const t = await fixtureCopy({ 'law-text/test-code/law.yaml': law, 'law-text/test-code/part-1.yaml': part });
    try {
      const k = await loadKnowledge(t.dir, '2026-06-01');
      expect(hasErrors(k.problems)).toBe(true);
      expect(k.problems.some((p) => p.file.startsWith('law-text/test-code/'))).toBe(true);
    } finally {
      await t.cleanup();
    }
  });
});
