/** Quiz validation: every problem located by file, line and field. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQuiz } from '../../src/quiz/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import type { Source } from '../../src/knowledge/schema.js';

const SOURCES = new Map<string, Source>([
  ['permit-regulation', { id: 'permit-regulation', name: '排污许可管理条例', kind: 'regulation', version: '2021年', effective: '2021-03-01' } as Source],
  ['eco-code', { id: 'eco-code', name: '中华人民共和国生态环境法典', kind: 'law', version: '2026年', effective: '2026-08-15' } as Source],
  [
    'old-law',
    { id: 'old-law', name: '旧法', kind: 'law', version: '2014年', effective: '2015-01-01', superseded_by: 'eco-code', superseded_on: '2026-08-15' } as Source,
  ],
]);

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function quizDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pufa-quiz-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'quiz'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'quiz', name), text);
  return dir;
}

/** One question in YAML, with overrides of whole lines. */
function question(id: string, over: Partial<Record<'question' | 'options' | 'answer' | 'explanation' | 'basis', string>> = {}): string {
  return [
    `  - id: ${id}`,
    `    question: ${over.question ?? `排污许可证有效期多久（${id}）？`}`,
    `    options: ${over.options ?? '[3年, 5年, 10年]'}`,
    `    answer: ${over.answer ?? '1'}`,
    `    explanation: ${over.explanation ?? '有效期为5年。'}`,
    `    basis: ${over.basis ?? '{ source: permit-regulation, article: 第十四条 }'}`,
  ].join('\n');
}

describe('loadQuiz', () => {
  it('loads valid questions with their file topic', async () => {
    const dir = await quizDir({ 'permit.yaml': `topic: permit\nquestions:\n${question('a')}\n${question('b')}\n` });
    const { questions, problems } = await loadQuiz(dir, SOURCES, '2026-11-28');
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.id, q.topic, q.answer])).toEqual([
      ['a', 'permit', 1],
      ['b', 'permit', 1],
    ]);
  });

  it('locates an answer out of range, too few or too many options, a bad answer type and a missing field', async () => {
    const text = [
      'topic: permit',
      'questions:',
      question('range', { answer: '3' }), // lines 3-8, answer on line 6
      question('few', { options: '[只有一个]' }), // lines 9-14, options on line 11
      question('many', { options: '[A, B, C, D, E]' }), // lines 15-20
      question('type', { answer: '"B"' }), // lines 21-26, answer on line 24
      '  - id: missing', // line 27
      '    question: 缺少选项的题目？',
      '    answer: 0',
      '    explanation: 说明。',
      '    basis: { source: permit-regulation, article: 第十四条 }',
      '',
    ].join('\n');
    const dir = await quizDir({ 'permit.yaml': text });
    const { problems } = await loadQuiz(dir, SOURCES, '2026-11-28');
    const lines = problems.map(formatProblem);
    // The schema reports every structural problem first; answer range is checked once the file is well-formed.
    expect(lines).toContainEqual('quiz/permit.yaml:11 questions[1].options: 至少要有 2 个选项');
    expect(lines).toContainEqual('quiz/permit.yaml:17 questions[2].options: 最多 4 个选项');
    expect(lines).toContainEqual('quiz/permit.yaml:24 questions[3].answer: 答案应为正确选项的序号（整数，第一个选项为 0）');
    expect(lines).toContainEqual('quiz/permit.yaml:27 questions[4].options: 缺少必填字段');

    const rangeOnly = await quizDir({ 'permit.yaml': `topic: permit\nquestions:\n${question('range', { answer: '3' })}\n` });
    const r = await loadQuiz(rangeOnly, SOURCES, '2026-11-28');
    expect(r.questions).toEqual([]);
    expect(r.problems.map(formatProblem)).toEqual(['quiz/permit.yaml:6 questions[0].answer: 答案序号 3 超出选项范围（共 3 个选项，序号从 0 到 2）']);
  });

  it('locates unknown sources, duplicate options, ids and texts, an unknown topic and superseded sources', async () => {
    const dir = await quizDir({
      'a.yaml': `topic: permit\nquestions:\n${question('dup')}\n${question('src', { basis: '{ source: no-such-law, article: 第一条 }' })}\n${question('opts', { options: '[5年, 5年, 10年]' })}\n${question('old', { basis: '{ source: old-law, article: 第一条 }' })}\n`,
      'b.yaml': `topic: permit\nquestions:\n${question('dup')}\n${question('same', { question: '排污许可证有效期多久（dup）？' })}\n`,
      'c.yaml': `topic: weather\nquestions:\n${question('c')}\n`,
    });
    const { questions, problems } = await loadQuiz(dir, SOURCES, '2026-11-28', { outOfForce: 'review' });
    const lines = problems.map(formatProblem);
    expect(lines).toContainEqual('quiz/a.yaml:14 questions[1].basis.source: 未知来源 “no-such-law”（先在 sources.yaml 中登记）');
    expect(lines).toContainEqual('quiz/a.yaml:17 questions[2].options[1]: 选项 “5年” 重复');
    expect(lines).toContainEqual(expect.stringMatching(/^quiz\/a\.yaml:26 questions\[3\]\.basis\.source: 引用的《旧法》已被.*取代.*题目需复核 \[需复核\]$/));
    expect(lines).toContainEqual('quiz/b.yaml:3 questions[0].id: 题目 id 重复，已在 quiz/a.yaml 中使用');
    expect(lines).toContainEqual('quiz/b.yaml:10 questions[1].question: 题目与 quiz/a.yaml 中的一道题重复');
    expect(lines).toContainEqual(expect.stringMatching(/^quiz\/c\.yaml:1 topic: 主题不存在/));
    expect(problems.find((p) => p.field === 'questions[3].basis.source')?.severity).toBe('review');
    expect(questions.map((q) => q.id)).toContain('old');
  });

  it('reports YAML errors and a file that is not a quiz', async () => {
    const dir = await quizDir({ 'x.yaml': 'topic: [permit\n', 'y.yaml': '- a\n- b\n', 'notes.md': 'ignored' });
    const lines = (await loadQuiz(dir, SOURCES, '2026-11-28')).problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^quiz\/x\.yaml:\d+ YAML 语法错误/));
    expect(lines).toContainEqual('quiz/y.yaml:1 文件内容应为 topic 和 questions 两个字段');
    expect(lines).toHaveLength(2);
  });
});
