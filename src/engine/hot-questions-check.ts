/**
 * Checks the hot questions of the welcome screen against the law in force: each is asked as the public would
 * ask it, and one answered by an entry citing a repealed or superseded source is a problem (the welcome screen
 * must not lead people to outdated law).
 */
import { HOT_QUESTIONS_FILE } from '../knowledge/hot-questions.js';
import type { Problem } from '../knowledge/problem.js';
import type { AnswerEngine } from './engine.js';

/**
 * Problems of the hot questions; `severity` as for entries; `lineOf` gives the file line of question `i`
 * (default: i + 1).
 */
export function checkHotQuestions(
  engine: Pick<AnswerEngine, 'ask'>,
  questions: readonly string[],
  severity: Problem['severity'],
  lineOf: (i: number) => number = (i) => i + 1,
): Problem[] {
  const problems: Problem[] = [];
  questions.forEach((q, i) => {
    const reply = engine.ask(q);
    const ended = reply.entry?.basis.filter((b) => /^已(废止|被)/.test(b.validity)) ?? [];
    if (reply.entry && ended.length) {
      problems.push({
        file: HOT_QUESTIONS_FILE,
        line: lineOf(i),
        field: `[${i}]`,
        message: `热门问题 “${q}” 由条目 ${reply.entry.id} 回答，它引用的《${ended[0].name}》${ended[0].validity}`,
        severity,
      });
    }
  });
  return problems;
}
