import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { DEFAULT_BOOSTS, KnowledgeIndex } from '../../src/search/knowledge-index.js';
import { decide, DEFAULT_DECISION, type DecisionOptions } from '../../src/engine/decide.js';
import { FIXTURE_DIR } from '../helpers/fixture.js';

let index: KnowledgeIndex;
const LONG = '我们厂去年在开发区办下来了排污许可证，老板一直记不清楚当时领证的日子，现在想提前准备材料，请问排污许可证的有效期是多久，到期前多久要申请延续';
const withFloor = (minRelative: number): DecisionOptions => ({ ...DEFAULT_DECISION, long: { ...DEFAULT_DECISION.long, minRelative } });
const run = (options: DecisionOptions) => {
  const normalized = index.analyzer.normalize(LONG);
  return decide(index, normalized, index.analyzer.tokensOf(normalized), options);
};

beforeAll(async () => {
  const knowledge = await loadKnowledge(FIXTURE_DIR, '2026-06-01');
  index = new KnowledgeIndex(new Analyzer(knowledge.lexicon), DEFAULT_BOOSTS);
  index.addAll(knowledge.entries.filter((e) => e.status === 'published'));
});

describe('decide on a long message: the BM25 agreement floor', () => {
  it('answers when the best entry is also what the search ranks high', () => {
    const d = run(DEFAULT_DECISION);
    expect(d.kind).toBe('answer');
    expect(d.kind === 'answer' && d.best.id).toBe('permit-validity');
    expect(DEFAULT_DECISION.long.minRelative).toBe(0.2);
  });

  it('does not answer when the best entry scores under the floor relative to the top search result', () => {
    const d = run(withFloor(1.01));
    expect(d.kind).not.toBe('answer');
  });
});

describe('decide: words no entry contains (unknownWeight)', () => {
  const ask = (q: string, unknownWeight: number) => {
    const normalized = index.analyzer.normalize(q);
    return decide(index, normalized, index.analyzer.tokensOf(normalized), { ...DEFAULT_DECISION, unknownWeight });
  };
  it('a place name around the question weighs less than the question itself', () => {
    const q = '锦绣花园旁边兴旺五金厂请问排污许可证有效期多久';
    const full = ask(q, 1).ranked[0];
    const light = ask(q, 0.2).ranked[0];
    expect(light.id).toBe(full.id);
    expect(light.coverage).toBeGreaterThan(full.coverage);
    expect(light.closeness).toBeGreaterThan(full.closeness);
  });
  it('unknown words still count: a question made only of them covers nothing', () => {
    const d = ask('今天天气怎么样', 0.2);
    expect(d.kind).toBe('none');
  });
  it('defaults to 0.2', () => expect(DEFAULT_DECISION.unknownWeight).toBe(0.2));
});

describe('decide on a long message: its own coverage floor', () => {
  it('long.minCoverage, not minCoverage, is the floor of a long message', () => {
    const strict: DecisionOptions = { ...DEFAULT_DECISION, minCoverage: 0.99, long: { ...DEFAULT_DECISION.long, minCoverage: 0.1 } };
    expect(run(strict).kind).toBe('answer');
    const strictLong: DecisionOptions = { ...DEFAULT_DECISION, long: { ...DEFAULT_DECISION.long, minCoverage: 0.99 } };
    expect(run(strictLong).kind).toBe('none');
  });
});

describe('decide: what an entry is about (about)', () => {
  it('is the share of the question found in the titles and 相似问, in [0, 1], and 1 for an entry asked the same way', () => {
    const d = run(DEFAULT_DECISION);
    for (const r of d.ranked) {
      expect(r.about).toBeGreaterThanOrEqual(0);
      expect(r.about).toBeLessThanOrEqual(1.000001);
    }
    // The fixture entry's own title: every word of the question is in what it is about.
    const title = index.analyzer.normalize('排污许可证有效期多久');
    const exact = decide(index, title, index.analyzer.tokensOf(title), DEFAULT_DECISION);
    expect(exact.ranked.find((r) => r.id === 'permit-validity')?.about).toBeCloseTo(1, 6);
  });

  it('weighs in the long confidence only as its weight says', () => {
    const without = run({ ...DEFAULT_DECISION, long: { ...DEFAULT_DECISION.long, weights: { ...DEFAULT_DECISION.long.weights, about: 0 } } });
    const only = run({
      ...DEFAULT_DECISION,
      long: { ...DEFAULT_DECISION.long, weights: { relative: 0, coverage: 0, closeness: 0, containment: 0, about: 1 } },
    });
    const best = only.ranked[0];
    expect(best.confidence).toBeCloseTo(best.about, 6);
    expect(without.ranked.find((r) => r.id === best.id)!.confidence).not.toBeCloseTo(best.confidence, 6);
  });
});
