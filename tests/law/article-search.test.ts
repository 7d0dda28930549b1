import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { AnswerEngine } from '../../src/engine/engine.js';
import { ArticleSearch } from '../../src/law/article-search.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { fixtureCopy, KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('可能相关的法条', async () => {
  const real = await loadKnowledge(KNOWLEDGE_DIR, '2026-12-01', { outOfForce: 'review' });
  const search = new ArticleSearch(real.laws!.law('eco-code')!, new Analyzer(real.lexicon));

  it('finds the article a question matches strongly, and nothing for a question off the law', () => {
    expect(search.search('使用排放不合格的非道路移动机械怎么处罚').map((a) => a.number)).toContain(1127);
    expect(search.search('今天天气怎么样')).toEqual([]);
    expect(search.search('办社保')).toEqual([]);
  });

  // A fixture tree (no entry on the matter) with the real law text: the reply stays a fallback.
  const t = await fixtureCopy();
  afterAll(() => t.cleanup());
  await cp(path.join(KNOWLEDGE_DIR, 'law-text'), path.join(t.dir, 'law-text'), { recursive: true });
  const engine = new AnswerEngine(await loadKnowledge(t.dir, '2026-12-01', { outOfForce: 'review' }), { today: () => '2026-12-01' });

  it('are listed on a fallback, whose status stays fallback', () => {
    const r = engine.ask('使用排放不合格的非道路移动机械的怎么处罚');
    expect(r.status).toBe('fallback');
    expect(r.relatedArticles?.map((a) => a.number)).toContain(1127);
    expect(r.text).toContain('可能相关的法条（仅供查阅，不是对您问题的答复）');
    expect(r.entry).toBeUndefined();
  });

  it("are not listed for another department's matter or an answered question", () => {
    expect(engine.ask('排污许可证有效期多久').relatedArticles).toBeUndefined();
    expect(engine.ask('天气怎么样').relatedArticles).toBeUndefined();
  });
});
