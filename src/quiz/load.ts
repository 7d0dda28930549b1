/**
 * Loads knowledge/quiz/*.yaml and checks every question: schema, answer index within the options, distinct
 * options, unique ids, and a basis citing a source of sources.yaml (a superseded source marks the question
 * for review). Problems are located by file, line and field like the knowledge loader's.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { Problem } from '../knowledge/problem.js';
import type { Source } from '../knowledge/schema.js';
import { TOPICS } from '../knowledge/schema.js';
import { outOfForce, validityOn } from '../knowledge/validity.js';
import { DEFAULT_OUT_OF_FORCE } from '../knowledge/load.js';
import type { LawLibrary } from '../law/library.js';
import { leadingArticleNumber } from '../law/old-articles.js';
import { fieldName, type YamlFile } from '../knowledge/yaml-file.js';
import { readYamlFolder } from '../knowledge/yaml-folder.js';
import { schemaErrors } from '../knowledge/schema-errors.js';
import { QuizFileSchema, type QuizQuestion } from './schema.js';

/** Folder of quiz files inside the knowledge folder. */
export const QUIZ_DIR = 'quiz';

const check = TypeCompiler.Compile(QuizFileSchema);

/** Messages special to quiz fields (the rest are the common ones). */
function message(type: ValueErrorType, field: string): string | undefined {
  switch (type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return '不认识的字段（题目字段：id、question、options、answer、explanation、basis）';
    case ValueErrorType.ArrayMinItems:
      return field.endsWith('options') ? '至少要有 2 个选项' : '至少要有 1 道题';
    case ValueErrorType.ArrayMaxItems:
      return '最多 4 个选项';
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
      return '答案应为正确选项的序号（整数，第一个选项为 0）';
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return '答案序号不能小于 0';
    case ValueErrorType.StringPattern:
      return 'id 只能用小写字母、数字和连字符';
    case ValueErrorType.StringMaxLength:
      return '内容太长（解释请控制在一行）';
    case ValueErrorType.Union:
      return `主题不存在，可选: ${Object.keys(TOPICS).join(', ')}`;
    default:
      return undefined;
  }
}

/** Validates one parsed quiz file (without cross-file checks). */
export function validateQuizFile(yaml: YamlFile): { questions: QuizQuestion[]; problems: Problem[] } {
  const at = (segs: (string | number)[], msg: string): Problem => ({
    file: yaml.file,
    line: yaml.lineOf(segs),
    field: fieldName(segs),
    message: msg,
    severity: 'error',
  });
  if (!check.Check(yaml.data)) {
    if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) {
      return { questions: [], problems: [{ file: yaml.file, line: 1, field: '', message: '文件内容应为 topic 和 questions 两个字段', severity: 'error' }] };
    }
    return { questions: [], problems: schemaErrors(check, yaml.data, message).map((e) => at(e.segments, e.message)) };
  }
  const file = yaml.data as { topic: QuizQuestion['topic']; questions: Omit<QuizQuestion, 'topic'>[] };
  const problems: Problem[] = [];
  const questions: QuizQuestion[] = [];
  file.questions.forEach((q, i) => {
    const before = problems.length;
    if (q.answer >= q.options.length)
      problems.push(at(['questions', i, 'answer'], `答案序号 ${q.answer} 超出选项范围（共 ${q.options.length} 个选项，序号从 0 到 ${q.options.length - 1}）`));
    const opts = q.options.map((o) => o.trim());
    opts.forEach((o, j) => {
      if (opts.indexOf(o) !== j) problems.push(at(['questions', i, 'options', j], `选项 “${o}” 重复`));
    });
    if (problems.length === before) questions.push({ ...q, topic: file.topic });
  });
  return { questions, problems };
}

/**
 * Loads every quiz file under `<knowledgeDir>/quiz`. `sources` are the sources of sources.yaml; `today`
 * (YYYY-MM-DD) decides which cited sources are no longer in force (severity `options.outOfForce`, default
 * {@link DEFAULT_OUT_OF_FORCE}); `options.laws` checks that a cited article of a shipped law exists. Never throws
 * for bad content.
 */
export async function loadQuiz(
  knowledgeDir: string,
  sources: Map<string, Source>,
  today: string,
  options: { outOfForce?: Problem['severity']; laws?: LawLibrary } = {},
): Promise<{ questions: QuizQuestion[]; problems: Problem[] }> {
  const severity = options.outOfForce ?? DEFAULT_OUT_OF_FORCE;
  const questions: QuizQuestion[] = [];
  const { files, problems } = await readYamlFolder(knowledgeDir, QUIZ_DIR);
  const idFile = new Map<string, string>();
  const textFile = new Map<string, string>();
  for (const yaml of files) {
    const rel = yaml.file;
    const v = validateQuizFile(yaml);
    problems.push(...v.problems);
    const indexOf = new Map((yaml.data as { questions?: { id?: string }[] }).questions?.map((q, i) => [q?.id, i]) ?? []);
    for (const q of v.questions) {
      const i = indexOf.get(q.id) ?? 0;
      const at = (segs: (string | number)[], msg: string, severity: Problem['severity'] = 'error') =>
        problems.push({ file: rel, line: yaml.lineOf(['questions', i, ...segs]), field: fieldName(['questions', i, ...segs]), message: msg, severity });
      if (idFile.has(q.id)) {
        at(['id'], `题目 id 重复，已在 ${idFile.get(q.id)} 中使用`);
        continue;
      }
      idFile.set(q.id, rel);
      const text = q.question.replace(/\s+/g, '');
      if (textFile.has(text)) at(['question'], `题目与 ${textFile.get(text)} 中的一道题重复`);
      textFile.set(text, rel);
      const src = sources.get(q.basis.source);
      if (!src) {
        at(['basis', 'source'], `未知来源 “${q.basis.source}”（先在 sources.yaml 中登记）`);
        continue;
      }
      const validity = validityOn(src, today, (id) => sources.get(id));
      if (outOfForce(validity)) {
        at(
          ['basis', 'source'],
          severity === 'error' ? `引用的《${src.name}》${validity.label}，竞答题不能以它为依据` : `引用的《${src.name}》${validity.label}，题目需复核`,
          severity,
        );
        if (severity === 'error') continue;
      }
      const law = options.laws?.law(q.basis.source);
      if (law && leadingArticleNumber(q.basis.article) && !options.laws!.cited(q.basis.source, q.basis.article)) {
        at(['basis', 'article'], `《${law.name}》没有${q.basis.article}（共${law.articleCount}条）`);
        continue;
      }
      questions.push(q);
    }
  }
  return { questions, problems };
}
