/**
 * `npm run check-knowledge [-- --dir knowledge --date YYYY-MM-DD]`: validates the whole knowledge tree (entries,
 * sources, lexicon, events, quiz) in one
 * run and lists every problem with file, line and field, including the shipped law texts (knowledge/law-text) and
 * the hot questions (asked through the engine). Exits 1 when there is an error: a published entry, quiz question or
 * hot question resting on a repealed or superseded law is one once DEFAULT_OUT_OF_FORCE is `error`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { DEFAULT_OUT_OF_FORCE, hasErrors, loadKnowledge } from '../knowledge/load.js';
import { AnswerEngine } from '../engine/engine.js';
import { checkHotQuestions } from '../engine/hot-questions-check.js';
import { HOT_QUESTIONS_FILE } from '../knowledge/hot-questions.js';
import { formatProblem } from '../knowledge/problem.js';
import { todayInChina } from '../knowledge/validity.js';
import { loadEvents } from '../events/load.js';
import { loadQuiz } from '../quiz/load.js';
import { loadHotQuestions } from '../knowledge/hot-questions.js';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, date: { type: 'string' } },
});
const dir = path.resolve(values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const today = values.date ?? todayInChina();
const k = await loadKnowledge(dir, today);
// Events and quiz questions live in the same tree and are checked with it.
const events = await loadEvents(dir);
const quiz = await loadQuiz(dir, k.sources, today, { laws: k.laws });
const hot = await loadHotQuestions(dir);
// Hot questions are asked as the public asks them: one answered by an entry on repealed law is a problem.
const hotText = hot.questions ? await readFile(path.join(dir, HOT_QUESTIONS_FILE), 'utf8') : '';
const hotLine = (i: number) => 1 + hotText.slice(0, hotText.indexOf(hot.questions![i])).split('\n').length - 1;
const hotChecked =
  hot.questions && !hasErrors(k.problems) ? checkHotQuestions(new AnswerEngine(k, { today: () => today }), hot.questions, DEFAULT_OUT_OF_FORCE, hotLine) : [];
const problems = [...k.problems, ...events.problems, ...quiz.problems, ...hot.problems, ...hotChecked];
const errors = problems.filter((p) => p.severity === 'error');
const reviews = problems.filter((p) => p.severity === 'review');
for (const p of errors) console.log(formatProblem(p));
if (reviews.length) {
  const entries = new Set(reviews.map((p) => p.file));
  console.log(`\n需复核（引用的法律在 ${today} 已废止或被取代）: ${entries.size} 个文件`);
  for (const p of reviews) console.log('  ' + formatProblem(p));
}
const published = k.entries.filter((e) => e.status === 'published').length;
console.log(
  `\n${dir}: ${k.entries.length} 个条目（已发布 ${published}），${k.sources.size} 个来源，${events.events.length} 个活动，${quiz.questions.length} 道竞答题；错误 ${errors.length} 个，需复核 ${reviews.length} 处。`,
);
process.exitCode = hasErrors(problems) ? 1 : 0;
