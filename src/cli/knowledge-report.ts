/**
 * `npm run knowledge-report [-- --dir knowledge --date YYYY-MM-DD]`: lists, per source, the entries that cite
 * it, with the source's validity on the day: what staff must re-review when a law changes.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../knowledge/load.js';
import { outOfForce, todayInChina, validityOn } from '../knowledge/validity.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, date: { type: 'string' } } });
const day = values.date ?? todayInChina();
const k = await loadKnowledge(path.resolve(values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge'), day);
const citing = new Map<string, Set<string>>();
for (const e of k.entries)
  for (const b of e.basis) citing.set(b.source, (citing.get(b.source) ?? new Set()).add(`${e.id}${e.status === 'published' ? '' : ` (${e.status})`}`));
console.log(`# 法律依据引用报告（${day}）\n`);
for (const s of [...k.sources.values()].sort((a, b) => (citing.get(b.id)?.size ?? 0) - (citing.get(a.id)?.size ?? 0))) {
  const v = validityOn(s, day, (id) => k.sources.get(id));
  const ids = [...(citing.get(s.id) ?? [])].sort();
  console.log(`## 《${s.name}》 [${s.id}] — ${v.label}${v.notice ? `；${v.notice}` : ''}`);
  console.log(ids.length ? `${ids.length} 个条目: ${ids.join(', ')}\n` : '无条目引用\n');
}
// What must be zero once the entries are on the law in force: published entries citing a source not in force.
const onEnded = k.entries.filter(
  (e) =>
    e.status === 'published' &&
    e.basis.some((b) => {
      const s = k.sources.get(b.source);
      return s && outOfForce(validityOn(s, day, (id) => k.sources.get(id)));
    }),
);
console.log(`引用已废止或已被取代的法律的已发布条目: ${onEnded.length} 个${onEnded.length ? `（${onEnded.map((e) => e.id).join(', ')}）` : ''}`);
