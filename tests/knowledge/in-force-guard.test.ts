/**
 * Validity that guards itself (issue 10, item 5), on fixture trees: a published entry, quiz question or hot
 * question resting on a law no longer in force is an error; approval refuses such an entry; a coming repeal is
 * warned about; the reply's warning comes first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasErrors, loadKnowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { outOfForce, validityOn } from '../../src/knowledge/validity.js';
import { upcomingChanges } from '../../src/knowledge/upcoming-changes.js';
import { loadQuiz } from '../../src/quiz/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { checkHotQuestions } from '../../src/engine/hot-questions-check.js';
import type { Source } from '../../src/knowledge/schema.js';
import { fixtureCopy, FIXTURE_DIR } from '../helpers/fixture.js';
import { AS_LI, AS_ZHANG, newEntry, startAdmin, type AdminHarness } from '../admin/admin-app.js';

const DAY = '2026-06-01';
const GONE = `
- id: law-gone
  name: 测试废止法
  kind: law
  effective: 2015-01-01
  repealed_by: code-new
  repealed_on: 2026-05-01
- id: law-soon
  name: 测试将废止法
  kind: law
  effective: 2015-01-01
  repealed_by: code-new
  repealed_on: 2026-07-15
`;
const entryOn = (id: string, source: string, status = 'published') =>
  [
    `id: ${id}`,
    'kind: faq',
    'topic: general',
    `title: 测试问题${id}`,
    'questions: []',
    'keywords: []',
    'answer: 这是一个足够长的测试答案文本。',
    'basis:',
    `  - {source: ${source}, article: 第三条}`,
    'related: []',
    `status: ${status}`,
    'updated: 2026-01-01',
    '',
  ].join('\n');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function tree(files: Record<string, string>) {
  const sources = (await readFile(path.join(FIXTURE_DIR, 'sources.yaml'), 'utf8')) + GONE;
  const t = await fixtureCopy({ 'sources.yaml': sources, ...files });
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('validity of a repealed source', () => {
  const sources = new Map<string, Source>([
    ['code-new', { id: 'code-new', name: '中华人民共和国测试法典', kind: 'law', effective: '2026-08-15' }],
    ['old', { id: 'old', name: '测试旧法', kind: 'law', repealed_by: 'code-new', repealed_on: '2026-08-15' }],
  ]);
  const v = (day: string) => validityOn(sources.get('old')!, day, (id) => sources.get(id));

  it('reads 已废止（…起由《…》废止） on and after the day, with a notice before it', () => {
    expect(v('2026-08-15')).toMatchObject({ status: 'repealed', label: '已废止（2026年8月15日起由《测试法典》废止）', endsOn: '2026-08-15' });
    expect(outOfForce(v('2026-12-01'))).toBe(true);
    expect(v('2026-08-14').status).toBe('in_force');
    expect(v('2026-08-14').notice).toBe('《测试旧法》将于2026年8月15日废止（由《测试法典》取代），届时请以新的规定为准。');
  });

  it('lists a repeal due within 60 days, not one further away or past', () => {
    expect(upcomingChanges(sources, '2026-06-16').map((c) => [c.source, c.daysLeft])).toEqual([['old', 60]]);
    expect(upcomingChanges(sources, '2026-06-15')).toEqual([]);
    expect(upcomingChanges(sources, '2026-08-15')).toEqual([]);
    expect(upcomingChanges(sources, '2026-08-01')[0].message).toContain('将于2026年8月15日废止（还有14天）');
  });
});

describe('check-knowledge on law not in force', () => {
  it('is an error for a published entry citing a repealed law, not for a draft', async () => {
    const dir = await tree({ 'faq/on-gone.yaml': entryOn('on-gone', 'law-gone'), 'faq/draft-gone.yaml': entryOn('draft-gone', 'law-gone', 'draft') });
    const k = await loadKnowledge(dir, DAY, { outOfForce: 'error' });
    expect(hasErrors(k.problems)).toBe(true);
    const lines = k.problems.map(formatProblem);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^faq\/on-gone\.yaml:9 basis\[0\]\.source: 引用的《测试废止法》已废止（2026年5月1日起由《测试法典》废止），已发布的条目不能以它为依据/,
      ),
    );
    expect(lines.some((l) => l.startsWith('faq/draft-gone.yaml'))).toBe(false);
    // The transition setting (review) lists it without failing.
    const review = await loadKnowledge(dir, DAY, { outOfForce: 'review' });
    expect(hasErrors(review.problems)).toBe(false);
    expect(review.problems.some((p) => p.file === 'faq/on-gone.yaml' && p.severity === 'review')).toBe(true);
  });

  it('is not an error the day before the repeal', async () => {
    const dir = await tree({ 'faq/on-gone.yaml': entryOn('on-gone', 'law-gone') });
    expect(hasErrors((await loadKnowledge(dir, '2026-04-30', { outOfForce: 'error' })).problems)).toBe(false);
  });

  it('is an error for a quiz question on a repealed law', async () => {
    const quiz = [
      'topic: general',
      'questions:',
      '  - id: q-gone',
      '    question: 测试题目是什么？',
      '    options: [甲, 乙]',
      '    answer: 0',
      '    explanation: 这是测试题目的解释说明。',
      '    basis: {source: law-gone, article: 第三条}',
      '',
    ].join('\n');
    const dir = await tree({ 'quiz/general.yaml': quiz });
    const k = await loadKnowledge(dir, DAY);
    const q = await loadQuiz(dir, k.sources, DAY, { outOfForce: 'error' });
    expect(q.questions).toEqual([]);
    expect(q.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^quiz\/general\.yaml:\d+ questions\[0\]\.basis\.source: 引用的《测试废止法》已废止.*竞答题不能以它为依据/),
    );
  });

  it('is an error for a hot question answered by an entry on a repealed law', async () => {
    const dir = await tree({ 'faq/on-gone.yaml': entryOn('on-gone', 'law-gone') });
    const k = await loadKnowledge(dir, DAY, { outOfForce: 'review' });
    const engine = new AnswerEngine(k, { today: () => DAY });
    const problems = checkHotQuestions(engine, ['测试问题on-gone', '排污许可证有效期多久'], 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'hot-questions.yaml', field: '[0]', severity: 'error' });
    expect(problems[0].message).toContain('由条目 on-gone 回答');
  });

  it('is an error for a basis naming an article the shipped law text does not have', async () => {
    const law = 'source: code-new\nname: 测试法典\narticles: 2\norigin: 测试。\nofficial: 以官方文本为准。\n';
    const part = [
      'source: code-new',
      'articles:',
      ...[1, 2].flatMap((n) => [
        `  - number: ${n}`,
        `    article: 第${'一二'[n - 1]}条`,
        '    part: 第一编　总则',
        '    chapter: 第一章　一般规定',
        `    text: 第${n}条的内容。`,
      ]),
      '',
    ].join('\n');
    const dir = await tree({ 'law-text/code-new/law.yaml': law, 'law-text/code-new/part-1.yaml': part, 'faq/on-code.yaml': entryOn('on-code', 'code-new') });
    const k = await loadKnowledge(dir, '2030-06-01', { outOfForce: 'error' });
    expect(k.problems.map(formatProblem)).toContainEqual('faq/on-code.yaml:9 basis[0].article: 《测试法典》没有第三条（共2条）');
  });
});

describe('the reply on law not in force', () => {
  it('opens with the warning, in plain words, before the answer', async () => {
    const dir = await tree({ 'faq/on-gone.yaml': entryOn('on-gone', 'law-gone') });
    const engine = new AnswerEngine(await loadKnowledge(dir, DAY, { outOfForce: 'review' }), { today: () => DAY });
    const r = engine.ask('测试问题on-gone');
    expect(r.entry?.id).toBe('on-gone');
    expect(r.text.startsWith('⚠️ 请注意：这条答复引用的《测试废止法》已于2026年5月1日废止，现在不再适用。')).toBe(true);
    expect(r.text.indexOf('这是一个足够长的测试答案文本')).toBeGreaterThan(r.text.indexOf('⚠️'));
    expect(r.entry?.basis[0].validity).toBe('已废止（2026年5月1日起由《测试法典》废止）');
    expect(r.entry?.needsReview).toBe(true);
  });
});

describe('approval of an entry on law not in force', () => {
  let h: AdminHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('is refused with a Chinese reason (400), and nothing is published', async () => {
    const dir = await tree({});
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-data-'));
    h = await startAdmin({ reuse: { dir, dataDir } });
    const inject = (method: 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
      h!.app.inject({
        method,
        url,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        payload: payload === undefined ? undefined : JSON.stringify(payload),
      });
    const created = await inject('POST', '/api/admin/entries', AS_ZHANG, newEntry('noise-gone', { basis: [{ source: 'law-gone', article: '第三条' }] }));
    expect(created.statusCode).toBe(201);
    const r = await inject('POST', '/api/admin/entries/noise-gone/approve', AS_LI);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('条目未通过校验，不能发布');
    expect(JSON.stringify(r.json().errors)).toContain('已废止');
    expect(h.engine.entry('noise-gone')).toBeUndefined();
  });

  it('shows a repeal due within 60 days in GET /api/admin/status', async () => {
    const dir = await tree({});
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pufa-data-'));
    h = await startAdmin({ reuse: { dir, dataDir } });
    const status = (await h.app.inject({ method: 'GET', url: '/api/admin/status', headers: AS_ZHANG })).json();
    expect(status.knowledge.upcomingChanges).toEqual([expect.objectContaining({ source: 'law-soon', on: '2026-07-15', daysLeft: 44 })]);
  });
});
