import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DECISION } from '../../src/engine/decide.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { clashWeigher, entryFacets, facetReader, facetsClash } from '../../src/engine/facets.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';
import { parseLexicon } from '../../src/knowledge/lexicon-file.js';
import { parseYaml } from '../../src/knowledge/yaml-file.js';

const facets = {
  source: { construction: ['施工', '工地'], dining: ['饭店', '烧烤'], market: ['菜贩', '摊贩'] },
  nuisance: { noise: ['噪音', '吵'], fume: ['油烟'], odour: ['臭'], dust: ['扬尘'] },
};
const read = facetReader(facets);
const names = (text: string) => Object.fromEntries([...read(text)].map(([f, v]) => [f, [...v].sort()]));

describe('facetReader', () => {
  it('reads each family’s values from the words a text contains', () =>
    expect(names('菜贩凌晨三四点就来吆喝，吵得睡不着')).toEqual({ source: ['market'], nuisance: ['noise'] }));
  it('a text naming nothing has no facets', () => expect(read('排污许可证多久换一次').size).toBe(0));
  it('no facets in the lexicon: nothing is read', () => expect(facetReader(undefined)('工地噪音').size).toBe(0));
});

describe('facetsClash', () => {
  const entry = entryFacets(read, { title: '工地半夜还在施工吵得睡不着，打哪个电话？', keywords: [] });
  it('an entry about another source of the same nuisance clashes', () => expect(facetsClash(entry, read('菜贩半夜吆喝吵得睡不着'))).toBe(true));
  it('the same source does not', () => expect(facetsClash(entry, read('工地夜里还在干活，吵死了'))).toBe(false));
  it('a question naming no source does not', () => expect(facetsClash(entry, read('半夜太吵了怎么办'))).toBe(false));
  it('an entry naming three or more values of a family is general there and never clashes in it', () => {
    const general = entryFacets(read, { title: '油烟、噪音、扬尘、臭味扰民分别找哪个部门？', keywords: [] });
    expect(facetsClash(general, read('附近有人烧垃圾，臭得不行'))).toBe(false);
  });
  it('keywords count as what the entry is about', () =>
    expect(facetsClash(entryFacets(read, { title: '半夜吵得睡不着怎么办', keywords: ['施工'] }), read('饭店半夜太吵'))).toBe(true));
});

describe('clashWeigher', () => {
  const entries: Record<string, { title: string; keywords: string[] }> = {
    site: { title: '工地夜间施工噪音', keywords: [] },
    bbq: { title: '烧烤店半夜太吵', keywords: [] },
  };
  const weigh = clashWeigher(read, (id) => entries[id]);
  it('gives a clashing entry the factor and the others 1', () => {
    const w = weigh('楼下饭店半夜吵得睡不着', 0.7);
    expect(w('site')).toBe(0.7);
    expect(w('bbq')).toBe(1);
    expect(w('unknown')).toBe(1);
  });
  it('factor 1 turns it off', () => expect(weigh('楼下饭店半夜吵得睡不着', 1)('site')).toBe(1));
});

describe('the lexicon file’s facets', () => {
  const parse = (text: string) => parseLexicon(parseYaml('synonyms.yaml', text).yaml!);
  it('are read by family and value', () => {
    const { lexicon, problems } = parse('facets:\n  source:\n    dining: [饭店, 烧烤]\n');
    expect(problems).toEqual([]);
    expect(lexicon.facets).toEqual({ source: { dining: ['饭店', '烧烤'] } });
  });
  it('a wrong shape is a located problem, not a crash', () => {
    const { problems } = parse('facets:\n  source: [饭店]\n');
    expect(problems.map((p) => p.field)).toEqual(['facets.source']);
  });
});

describe('the engine weighs entries whose facets clash with the question', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge('knowledge', '2026-12-01');
  });
  it('a story about a restaurant fan’s noise ranks the cooking-fumes entries lower than with the clash off', () => {
    const ask = (clashFactor: number) =>
      new AnswerEngine(knowledge, { today: () => '2026-12-01', decision: { ...DEFAULT_DECISION, clashFactor } }).ask(
        '楼下饭店的排风机嗡嗡响了一整天，噪音太大，窗户都不敢开，希望有关部门处理',
      );
    const off = ask(1);
    const on = ask(DEFAULT_DECISION.clashFactor);
    expect(DEFAULT_DECISION.clashFactor).toBeLessThan(1);
    expect(off.score).toBeDefined();
    expect(off.entry?.id).toMatch(/fume|restaurant|bbq/);
    expect(on.entry?.id !== off.entry?.id || on.score! < off.score!).toBe(true);
  });
});
