import { describe, expect, it } from 'vitest';
import { bigramSet, evaluationProbes, jaccard, nearestEvaluationSet, readMined } from '../../bench/eval/near-eval.js';
import { existsSync } from 'node:fs';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { readEvalSet } from '../../bench/dev-set.js';

// Guards of the evaluation's honesty. Failures name ids only, never the text of a test item.
const probes = evaluationProbes();

describe('near-eval', () => {
  it('measures bigram Jaccard on folded text', () => {
    expect(jaccard(bigramSet('排污许可证'), bigramSet('排污許可證'))).toBe(1);
    expect(jaccard(bigramSet('噪声'), bigramSet('油烟'))).toBe(0);
  });

  it('no mined question is a near-copy of a dev, held-out or real-test item', () => {
    const mined = readMined();
    const near = [...mined.inScope, ...mined.outOfScope].filter((i) => nearestEvaluationSet(i.q, probes)).map((i) => i.id);
    expect(near).toEqual([]);
  });

  it('mined ids are unique', () => {
    const mined = readMined();
    const ids = [...mined.inScope, ...mined.outOfScope].map((i) => i.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('no 相似问 of the knowledge copies a real-test or validation question', { timeout: 60_000 }, async () => {
    const k = await loadKnowledge('knowledge', '2026-12-01');
    const test = probes.filter((p) => p.set === 'real-test');
    if (existsSync('bench/eval/validation.yaml')) {
      const v = readEvalSet('bench/eval/validation.yaml');
      for (const i of [...v.inScope, ...v.outOfScope]) test.push({ set: 'validation', id: i.id, grams: bigramSet(i.q) });
    }
    const copies: string[] = [];
    for (const e of k.entries)
      for (const q of e.questions) {
        const g = bigramSet(q);
        for (const p of test) if (jaccard(g, p.grams) >= 0.6) copies.push(`${e.id} ~ ${p.id}`);
      }
    expect(copies).toEqual([]);
  });
});
