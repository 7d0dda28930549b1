import { describe, expect, it } from 'vitest';
import { loadLaws } from '../../src/law/load.js';
import { LawLibrary } from '../../src/law/library.js';
import { findArticleReference } from '../../src/law/references.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';

describe('findArticleReference', async () => {
  const lib = new LawLibrary(await loadLaws(KNOWLEDGE_DIR));
  const ref = (q: string) => findArticleReference(q, lib);

  it('finds Code articles in Chinese and Arabic numerals, with or without the law named', () => {
    expect(ref('法典第一千零九十五条')).toEqual({ source: 'eco-code', number: 1095, citation: '第一千零九十五条', named: true, direct: true });
    expect(ref('生态环境法典第1095条说了什么')).toMatchObject({ source: 'eco-code', number: 1095, direct: true });
    expect(ref('《中华人民共和国生态环境法典》第十五条')).toMatchObject({ source: 'eco-code', number: 15, named: true });
    expect(ref('第1242条')).toMatchObject({ source: 'eco-code', number: 1242, named: false, direct: true });
    expect(ref('第１２４２条')).toMatchObject({ number: 1242 });
    expect(ref('法典第1095条第二款')).toMatchObject({ citation: '第一千零九十五条第二款' });
    expect(ref('法典1095条')).toMatchObject({ number: 1095 });
  });

  it('finds articles of repealed laws by their short names', () => {
    expect(ref('环评法第三十一条')).toMatchObject({ source: 'eia-law', number: 31, direct: true });
    expect(ref('环保法第六十三条')).toMatchObject({ source: 'epl', number: 63 });
    expect(ref('环评法31条')).toMatchObject({ source: 'eia-law', number: 31 });
    expect(ref('中华人民共和国固体废物污染环境防治法第一百一十二条')).toMatchObject({ source: 'solid-waste-law', number: 112 });
  });

  it('tells a bare lookup from a question that asks more', () => {
    expect(ref('法典第一千零九十五条规定未批先建罚多少')?.direct).toBe(false);
  });

  it('leaves other laws and ordinary questions alone', () => {
    expect(ref('行政处罚法第三十二条')).toBeUndefined();
    expect(ref('排污许可管理条例第十四条是什么')).toBeUndefined();
    expect(ref('未批先建怎么罚')).toBeUndefined();
    expect(ref('第一次检查要带什么')).toBeUndefined();
    expect(ref('第0条')).toBeUndefined();
  });
});
