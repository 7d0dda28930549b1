/**
 * `npm run check-knowledge [-- --dir knowledge --date YYYY-MM-DD]`: validates the whole knowledge tree in one
 * run and lists every problem with file, line and field. Exits 1 when there is an error; entries that only
 * need re-review (superseded citations) are listed but do not fail the check.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, loadKnowledge } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { todayInChina } from '../knowledge/validity.js';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, date: { type: 'string' } },
});
const dir = path.resolve(values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const today = values.date ?? todayInChina();
const k = await loadKnowledge(dir, today);
const errors = k.problems.filter((p) => p.severity === 'error');
const reviews = k.problems.filter((p) => p.severity === 'review');
for (const p of errors) console.log(formatProblem(p));
if (reviews.length) {
  const entries = new Set(reviews.map((p) => p.file));
  console.log(`\n需复核（引用的法律在 ${today} 已被取代）: ${entries.size} 个条目`);
  for (const p of reviews) console.log('  ' + formatProblem(p));
}
const published = k.entries.filter((e) => e.status === 'published').length;
console.log(
  `\n${dir}: ${k.entries.length} 个条目（已发布 ${published}），${k.sources.size} 个来源；错误 ${errors.length} 个，需复核 ${reviews.length} 处。`,
);
process.exitCode = hasErrors(k.problems) ? 1 : 0;
