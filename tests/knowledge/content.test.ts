/** Rules every real knowledge entry must follow (the content is the product). */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { formatProblem } from '../../src/knowledge/problem.js';
import { TOPICS, type Topic } from '../../src/knowledge/schema.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

let k: Knowledge;
beforeAll(async () => {
  k = await loadKnowledge(KNOWLEDGE_DIR, '2026-11-28');
});
const published = () => k.entries.filter((e) => e.status === 'published');

describe('the knowledge base', () => {
  it('loads without errors', () => {
    expect(k.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('has at least 150 published entries', () => {
    expect(published().length).toBeGreaterThanOrEqual(150);
  });

  it('gives every entry but reports a basis, with sources from sources.yaml', () => {
    for (const e of published()) {
      if (e.kind !== 'report') expect(e.basis.length, e.id).toBeGreaterThan(0);
      for (const b of e.basis) expect(k.sources.has(b.source), `${e.id} cites ${b.source}`).toBe(true);
    }
  });

  it('writes articles as 第…条 (or a standard table or clause)', () => {
    const form = /^(第[一二三四五六七八九十百千零〇]+条|表[0-9]|附表|附录|全文|第[一二三四五六七八九十]+(章|部分|节)|[0-9]+(\.[0-9]+)+)/;
    for (const e of published()) for (const b of e.basis) expect(b.article, e.id).toMatch(form);
  });

  it('never lets two entries share a question', () => {
    const seen = new Map<string, string>();
    for (const e of published()) {
      for (const q of [e.title, ...e.questions]) {
        const key = q.replace(/[\s?？!！。，,]/g, '');
        expect(seen.get(key) ?? e.id, `“${q}”`).toBe(e.id);
        seen.set(key, e.id);
      }
    }
  });

  it('has at least 5 entries in every topic', () => {
    const counts = new Map<string, number>();
    for (const e of published()) counts.set(e.topic, (counts.get(e.topic) ?? 0) + 1);
    for (const t of Object.keys(TOPICS) as Topic[]) expect(counts.get(t) ?? 0, t).toBeGreaterThanOrEqual(5);
  });

  it('links only to entries that exist', () => {
    const ids = new Set(k.entries.map((e) => e.id));
    for (const e of k.entries) for (const r of e.related) expect(ids.has(r), `${e.id} → ${r}`).toBe(true);
  });

  it('keeps the direct answer short enough for a phone screen', () => {
    const long = published()
      .filter((e) => [...e.answer.trim().split(/\n\s*\n/)[0]].length > 260)
      .map((e) => e.id);
    expect(long).toEqual([]);
  });

  it('marks every case as an illustrative example', () => {
    for (const e of published().filter((x) => x.kind === 'case')) expect(e.answer, e.id).toMatch(/^【示例】/);
  });

  it('has at least 20 cases', () => {
    expect(published().filter((e) => e.kind === 'case').length).toBeGreaterThanOrEqual(20);
  });
});
