/**
 * `npm run check-knowledge [-- --dir knowledge --date YYYY-MM-DD]`: validates the whole knowledge tree (entries,
 * sources, lexicon, events, quiz) in one
 * run and lists every problem with file, line and field. Exits 1 when there is an error; entries that only
 * need re-review (superseded citations) are listed but do not fail the check.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, loadKnowledge } from '../knowledge/load.js';
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
const quiz = await loadQuiz(dir, k.sources, today);
const hot = await loadHotQuestions(dir);
const problems = [...k.problems, ...events.problems, ...quiz.problems, ...hot.problems];
const errors = problems.filter((p) => p.severity === 'error');
const reviews = problems.filter((p) => p.severity === 'review');
for (const p of errors) console.log(formatProblem(p));
if (reviews.length) {
  const entries = new Set(reviews.map((p) => p.file));
  console.log(`\n需复核（引用的法律在 ${today} 已被取代）: ${entries.size} 个条目`);
  for (const p of reviews) console.log('  ' + formatProblem(p));
}
const published = k.entries.filter((e) => e.status === 'published').length;
console.log(
  `\n${dir}: ${k.entries.length} 个条目（已发布 ${published}），${k.sources.size} 个来源，${events.events.length} 个活动，${quiz.questions.length} 道竞答题；错误 ${errors.length} 个，需复核 ${reviews.length} 处。`,
);
process.exitCode = hasErrors(problems) ? 1 : 0;
