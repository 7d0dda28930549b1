import { describe, expect, it } from 'vitest';
import { classify, score, splitOf, type EvalSet } from '../../bench/dev-set.js';
import { scoreFollowups } from '../../bench/followups.js';
import type { Reply } from '../../src/engine/reply.js';

const answered = (text: string, id = 'e1'): Reply => ({ status: 'answered', text, alternatives: [], entry: { id, title: 't', topic: 'x', basis: [] } });
const clarify: Reply = { status: 'clarify', text: '您想问的是下面哪一个问题？', alternatives: [] };
const fallback: Reply = { status: 'fallback', text: '抱歉', alternatives: [] };

describe('classify', () => {
  const item = { id: 'a', q: 'q', must: ['(5|五)年', '延续'] };
  it('a hit is answered with every fact', () => expect(classify(item, answered('有效期 5 年，届满前申请延续'))).toBe('hit'));
  it('an answer missing a fact is wrong, not a miss', () => expect(classify(item, answered('有效期5年'))).toBe('wrong'));
  it('clarify and fallback are misses even when the text happens to match', () => {
    expect(classify(item, { ...clarify, text: '5年 延续' })).toBe('miss');
    expect(classify(item, fallback)).toBe('miss');
  });
});

describe('score', () => {
  const set: EvalSet = {
    inScope: [
      { id: 'h', q: 'hit', must: ['甲'] },
      { id: 'w', q: 'wrong', must: ['甲'] },
      { id: 'm', q: 'miss', must: ['甲'] },
      { id: 'm2', q: 'miss2', must: ['甲'] },
    ],
    outOfScope: [
      { id: 'o1', q: 'oos-answered' },
      { id: 'o2', q: 'oos-fallback' },
    ],
    meta: {},
  };
  const replies: Record<string, Reply> = {
    hit: answered('甲乙'),
    wrong: answered('乙丙'),
    miss: clarify,
    miss2: fallback,
    'oos-answered': answered('丁'),
    'oos-fallback': fallback,
  };
  it('counts hits, misses, wrong answers and false answers separately', () => {
    const s = score(set, (q) => replies[q]);
    expect(s).toMatchObject({ inScope: 4, hits: 1, misses: 2, wrong: 1, outOfScope: 2, falseAnswers: 1 });
    expect(s.factHit).toBe(0.25);
    expect(s.wrongRate).toBe(0.25);
    expect(s.falseAnswer).toBe(0.5);
    expect(s.failures.find((l) => l.startsWith('w '))).toContain('WRONG');
  });
  it('counts the misses that offer an entry carrying the facts, and out-of-scope fallbacks with suggestions', () => {
    const offering: Record<string, Reply> = {
      ...replies,
      miss: { ...clarify, alternatives: [{ id: 'right', title: 't' }] },
      miss2: { ...fallback, alternatives: [{ id: 'other', title: 't' }] },
      'oos-fallback': { ...fallback, alternatives: [{ id: 'other', title: 't' }] },
    };
    const s = score(
      set,
      (q) => offering[q],
      (_item, id) => id === 'right',
    );
    expect(s).toMatchObject({ misses: 2, offered: 1, outOfScopeSuggested: 1 });
    expect(score(set, (q) => offering[q]).offered).toBe(0);
  });
  it('an empty set scores zero, not NaN', () => {
    const s = score({ inScope: [], outOfScope: [] }, () => fallback);
    expect([s.factHit, s.wrongRate, s.falseAnswer]).toEqual([0, 0, 0]);
  });
  it('splitOf keeps one split', () => {
    const real: EvalSet = {
      inScope: [
        { id: 'a', q: 'a', split: 'tune' },
        { id: 'b', q: 'b', split: 'test' },
      ],
      outOfScope: [{ id: 'c', q: 'c', split: 'test' }],
      meta: {},
    };
    expect(splitOf(real, 'test').inScope.map((i) => i.id)).toEqual(['b']);
    expect(splitOf(real, 'test').outOfScope.map((i) => i.id)).toEqual(['c']);
  });
});

describe('scoreFollowups', () => {
  it('asks every turn in one session and judges the last reply', () => {
    const seen: [string, string | undefined][] = [];
    const engine = {
      ask: (q: string, session?: string) => {
        seen.push([q, session]);
        return q === '那报告表呢' ? answered('30日') : clarify;
      },
    };
    const s = scoreFollowups([{ id: 'f', turns: ['报告书审批多久', '那报告表呢'], must: ['30日'] }], engine);
    expect(s.hits).toBe(1);
    expect(seen[0][1]).toBeDefined();
    expect(seen[0][1]).toBe(seen[1][1]);
  });
});

describe('checkSplits', () => {
  it("flags an item whose split is not the rule's, and a header that does not state the rule", async () => {
    const { checkSplits } = await import('../../bench/split-rule.js');
    const { splitFor } = await import('../../bench/eval/split.js');
    const q = '排污许可证有效期多久';
    const good = { id: 'a', q, split: splitFor(q) };
    const bad = { id: 'b', q, split: splitFor(q) === 'test' ? 'tune' : 'test' };
    expect(checkSplits({ inScope: [good], outOfScope: [], meta: {} }, '# split = test when FNV-1a … % 3 == 0')).toEqual([]);
    expect(checkSplits({ inScope: [good, bad], outOfScope: [], meta: {} })).toEqual([expect.stringMatching(/^b: /)]);
    expect(checkSplits({ inScope: [], outOfScope: [], meta: {} }, '# no rule here')).toHaveLength(1);
  });
});
