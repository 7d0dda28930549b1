import { beforeAll, describe, expect, it } from 'vitest';
import { complaintStoryFinder } from '../../src/engine/complaint-story.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load.js';

const words = { nuisance: ['油烟', '噪音', '臭'], request: ['希望', '投诉'] };

describe('complaintStoryFinder', () => {
  const find = complaintStoryFinder(words, 20);
  it('a long message naming a nuisance and asking for action is a complaint story', () =>
    expect(find('我家楼下新开的那家店每天晚上都有很大的油烟飘到家里来，希望有关部门来看看')).toBe(true));
  it('a short one is not', () => expect(find('油烟太大希望管管')).toBe(false));
  it('without a request it is not', () => expect(find('我家楼下新开的那家店每天晚上都有很大的油烟飘到家里来了真的是')).toBe(false));
  it('without a nuisance it is not', () => expect(find('小区物业一直不修电梯，业主们天天爬楼梯很辛苦，希望有关部门来看看')).toBe(false));
  it('no words in the lexicon: nothing is a complaint story', () => expect(complaintStoryFinder(undefined)('油烟希望'.repeat(10))).toBe(false));
});

describe('the engine answers an unmatched complaint story with the general guide', () => {
  let knowledge: Knowledge;
  beforeAll(async () => {
    knowledge = await loadKnowledge('knowledge', '2026-12-01');
  });
  const DAY = () => '2026-12-01';
  it('a story no entry matches gets complaint-general-guide, with 12369 and 12345', () => {
    const e = new AnswerEngine(knowledge, { today: DAY });
    const r = e.ask('我们楼后面那个仓库最近不知道在干什么，整天有轰鸣声还有灰尘，希望有关部门查一查');
    expect(r.status).toBe('answered');
    expect(r.entry?.id).toBe('complaint-general-guide');
    expect(r.text).toMatch(/12369/);
    expect(r.text).toMatch(/12345/);
  });
  it('turned off by an id the knowledge lacks: the same story falls back', () => {
    const e = new AnswerEngine(knowledge, { today: DAY, complaintGuideEntryId: 'no-such-entry' });
    const r = e.ask('我们楼后面那个仓库最近不知道在干什么，整天有轰鸣声还有灰尘，希望有关部门查一查');
    expect(r.entry?.id).not.toBe('complaint-general-guide');
  });
  it('a long message about another matter is not a complaint story', () => {
    const e = new AnswerEngine(knowledge, { today: DAY });
    const r = e.ask('小区物业一直不修电梯，业主们天天爬楼梯很辛苦，希望有关部门来督促一下物业公司');
    expect(r.entry?.id).not.toBe('complaint-general-guide');
  });
  it('a complaint story the entries answer is ours even when it names another department’s word (食品 → 市场监管)', () => {
    const e = new AnswerEngine(knowledge, { today: DAY });
    const r = e.ask('园区里那家食品公司的锅炉天天冒黑烟，一股焦糊味飘到我们小区，希望环保部门查处');
    expect(r.status).toBe('answered');
    expect(r.text).not.toMatch(/市场监督管理部门的职责/);
  });
  it('a matter of that department is still redirected', () => {
    const e = new AnswerEngine(knowledge, { today: DAY });
    expect(e.ask('买到的食品过期了，希望有关部门查处这家超市').text).toMatch(/市场监督管理部门/);
  });
});
