import { describe, expect, it } from 'vitest';
import { asks, clausesOf, questionClauses } from '../../src/engine/clauses.js';
import { asksAspectOnly, followUpCore, followUpKind, withContext } from '../../src/engine/follow-up.js';
import { withAlsoNote } from '../../src/engine/understand.js';

describe('questionClauses', () => {
  it('drops the story and keeps the question', () => {
    expect(questionClauses('我们是做家具喷漆的小作坊，开了两年了，一直没人来查过，到底要不要办环评').map((c) => c.text)).toEqual(['到底要不要办环评']);
  });
  it('finds both parts of a two-part question', () => {
    expect(questionClauses('危废仓库要怎么建，危废能不能自己拉去处理').map((c) => c.ask)).toEqual(['危废仓库要怎么建', '危废能不能自己拉去处理']);
  });
  it('a part too short to stand alone joins the question before it', () => {
    const c = questionClauses('不服环保处罚能去法院告吗，期限多长');
    expect(c).toHaveLength(1);
    expect(c[0].text).toBe('不服环保处罚能去法院告吗期限多长');
  });
  it('a short question borrows its subject from the story', () => {
    expect(questionClauses('隔壁工地天天晚上施工，找谁')[0].text).toBe('隔壁工地天天晚上施工找谁');
  });
  it('cuts long unpunctuated runs before words that open a new thought and after conditions', () => {
    expect(clausesOf('我们厂去年被罚了五万块钱到底要不要交罚款')).toEqual(['我们厂去年被罚了五万块钱', '到底要不要交罚款']);
    expect(clausesOf('家具厂要不要办环评办的话大概多少钱')).toEqual(['家具厂要不要办环评办的话', '大概多少钱']);
  });
  it('a message with no question word has no question clause', () => {
    expect(questionClauses('我们厂在工业园区，做塑料件的')).toEqual([]);
    expect(asks('排污许可证要办吗')).toBe(true);
  });
  it('returns at most three questions', () => {
    expect(questionClauses('排污许可证要办吗，环评要不要做，危废怎么处理，噪声标准是多少')).toHaveLength(3);
  });
});

describe('follow-up detection', () => {
  const noTerm = () => false;
  it('marked by 那 / 还有 / 呢', () => {
    expect(followUpKind('那报告表呢', noTerm)).toBe('marked');
    expect(followUpKind('还有罚款吗', noTerm)).toBe('marked');
    expect(followUpKind('报告表呢?', noTerm)).toBe('marked');
  });
  it('bare when short and naming no domain term', () => {
    expect(followUpKind('要多久', noTerm)).toBe('bare');
    expect(followUpKind('排污许可证呢', () => true)).toBe('marked');
    expect(followUpKind('排污许可证', () => true)).toBeUndefined();
  });
  it('a long question is never a follow-up', () => {
    expect(followUpKind('那我们厂在工业园区里面新上了一条喷漆生产线要不要重新做环评呢', noTerm)).toBeUndefined();
  });
  it('the core drops the opening and closing words', () => {
    expect(followUpCore('那报告表呢？')).toBe('报告表');
    expect(followUpCore('那么罚多少钱')).toBe('罚多少钱');
  });
  it('tells aspect-only follow-ups from ones naming a matter', () => {
    expect(asksAspectOnly('罚款')).toBe(true);
    expect(asksAspectOnly('要多久')).toBe(true);
    expect(asksAspectOnly('去哪里办')).toBe(true);
    expect(asksAspectOnly('环境影响报告表')).toBe(false);
  });
  it('joins the previous search text and marks where the follow-up starts', () => {
    expect(withContext('排污许可证', '罚款')).toEqual({ text: '排污许可证 罚款', focusFrom: 6 });
    expect([...withContext('甲'.repeat(100), '乙').text].length).toBe(62);
  });
});

describe('withAlsoNote', () => {
  it('names the second question before the legal notice', () => {
    expect(withAlsoNote('答\n\n注意', ['危废能自己处理吗？'], '注意')).toBe('答\n\n您的留言里还问到：“危废能自己处理吗？”，请点下方相关问题查看。\n\n注意');
    expect(withAlsoNote('答', [], '注意')).toBe('答');
  });
});
