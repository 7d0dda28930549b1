/**
 * The law texts the product ships, ready to look up: an article of a law by number or citation, the old articles
 * of repealed laws and where their rules are now, and the names by which questions refer to each law.
 */
import type { LoadedLaws } from './load.js';
import { leadingArticleNumber, type LawNames, type OldArticle } from './old-articles.js';
import type { LawArticle, LawText } from './types.js';

/** Source id of the 生态环境法典. */
export const CODE_SOURCE = 'eco-code';

/** Looks up shipped law texts. Immutable; a reload builds a new one. */
export class LawLibrary {
  private readonly laws: Map<string, LawText>;
  private readonly old = new Map<string, OldArticle[]>();
  /** Every name of every law (shipped texts and repealed laws), longest first. */
  readonly names: { name: string; source: string }[];

  constructor(loaded: Pick<LoadedLaws, 'laws' | 'oldArticles' | 'oldLawNames'>) {
    this.laws = loaded.laws;
    for (const o of loaded.oldArticles) {
      const key = `${o.source}#${o.number}`;
      this.old.set(key, [...(this.old.get(key) ?? []), o]);
    }
    const names: { name: string; source: string }[] = [];
    for (const law of this.laws.values()) {
      for (const n of [law.name, law.name.replace(/^中华人民共和国/, ''), ...law.names]) names.push({ name: n, source: law.source });
    }
    for (const l of loaded.oldLawNames as LawNames[])
      for (const n of l.names) names.push({ name: n, source: l.source }, { name: `中华人民共和国${n}`, source: l.source });
    this.names = [...new Map(names.map((n) => [n.name, n])).values()].sort((a, b) => b.name.length - a.name.length);
  }

  /** An empty library (a knowledge tree without law texts). */
  static empty(): LawLibrary {
    return new LawLibrary({ laws: new Map(), oldArticles: [], oldLawNames: [] });
  }

  /** The law with this source id, when its text is shipped. */
  law(source: string): LawText | undefined {
    return this.laws.get(source);
  }

  /** Every shipped law. */
  all(): LawText[] {
    return [...this.laws.values()];
  }

  /** Article `number` of `source`. */
  article(source: string, number: number): LawArticle | undefined {
    const a = this.laws.get(source)?.articles[number - 1];
    return a?.number === number ? a : undefined;
  }

  /** The article a citation names (第一千零九十五条第一款 → article 1095), when the source's text is shipped. */
  cited(source: string, citation: string): LawArticle | undefined {
    const n = leadingArticleNumber(citation);
    return n ? this.article(source, n) : undefined;
  }

  /**
   * The map rows of a repealed law's article: the row citing exactly `citation` when there is one (第十九条第二款),
   * else every row of that article number (第一百零八条第（一）项, 第一百零八条第（二）项 ...).
   */
  oldArticle(source: string, number: number, citation?: string): OldArticle[] {
    const rows = this.old.get(`${source}#${number}`) ?? [];
    const exact = citation ? rows.filter((r) => r.article === citation) : [];
    return exact.length ? exact : rows;
  }
}
