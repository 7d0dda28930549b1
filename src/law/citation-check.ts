/**
 * Checks of an entry against the shipped law texts, shared by the loader (check-knowledge, start, reload) and the
 * staff save/approve path: a cited article (and its 款/项) must exist, and every 「…」 quotation in an answer must be
 * verbatim text of the 生态环境法典.
 */
import { CODE_SOURCE, type LawLibrary } from './library.js';
import { chineseToNumber } from './numerals.js';
import type { LawArticle, LawText } from './types.js';

/** Message of a 「」 quotation that is not verbatim Code text. */
export const NOT_VERBATIM = '「」内的文字须与法典原文一字不差；非原文请用“”';

/** A 项 line of an article's text: （一）… */
const ITEM = /^（[一二三四五六七八九十]+）/;
/** 第N条, then optionally 第N款, then optionally 第（N）项 — what follows (e.g. 、第三款) is not checked. */
const CITATION = /^第([一二三四五六七八九十百千零〇]+)条(?:第([一二三四五六七八九十]+)款)?(?:第（([一二三四五六七八九十]+)）项)?/;

/** Number of 项 in each 款 of an article (its text: one line per 款 or 项; a 项 belongs to the 款 before it). */
export function paragraphItems(article: LawArticle): number[] {
  const out: number[] = [];
  for (const line of article.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (ITEM.test(line) && out.length > 0) out[out.length - 1]++;
    else out.push(0);
  }
  return out;
}

/**
 * What is wrong with `citation` (第一千零九十五条第一款, 第一百零八条第一款第（一）项) of a law whose text is shipped, in
 * Chinese; undefined when the article (and the 款/项 it names) exists, or the citation is not an article.
 */
export function citationProblem(law: LawText, citation: string): string | undefined {
  const m = CITATION.exec(citation.trim());
  if (!m) return undefined;
  const n = chineseToNumber(m[1]);
  const article = n ? law.articles[n - 1] : undefined;
  if (!article || article.number !== n) return `《${law.name}》没有${citation}（共${law.articleCount}条）`;
  const items = paragraphItems(article);
  const label = article.article;
  if (m[2]) {
    const k = chineseToNumber(m[2])!;
    if (k > items.length) return `《${law.name}》${label}只有${items.length}款，没有第${m[2]}款`;
    if (m[3] && chineseToNumber(m[3])! > items[k - 1]) {
      return items[k - 1]
        ? `《${law.name}》${label}第${m[2]}款只有${items[k - 1]}项，没有第（${m[3]}）项`
        : `《${law.name}》${label}第${m[2]}款不分项，没有第（${m[3]}）项`;
    }
  } else if (m[3] && !items.some((c) => c >= chineseToNumber(m[3])!)) {
    const most = Math.max(...items);
    return most ? `《${law.name}》${label}最多只有${most}项，没有第（${m[3]}）项` : `《${law.name}》${label}不分项，没有第（${m[3]}）项`;
  }
  return undefined;
}

/** The Code's text, as written and with line breaks removed, per law text (built once). */
const texts = new WeakMap<LawText, { lines: string; flat: string }>();

function codeTexts(law: LawText): { lines: string; flat: string } {
  let t = texts.get(law);
  if (!t) {
    t = { lines: law.articles.map((a) => a.text).join('\n'), flat: law.articles.map((a) => a.text.replace(/\n/g, '')).join('') };
    texts.set(law, t);
  }
  return t;
}

/**
 * The 「…」 quotations of `answer` that are not verbatim text of the 生态环境法典 (the convention: 「」 in an answer is
 * reserved for verbatim quotes of the Code). Empty when the Code's text is not shipped (nothing to compare with).
 */
export function unverifiedQuotes(answer: string, laws: LawLibrary | undefined): string[] {
  const law = laws?.law(CODE_SOURCE);
  if (!law) return [];
  const { lines, flat } = codeTexts(law);
  const wrong: string[] = [];
  for (const m of answer.matchAll(/「([^」]*)」/g)) {
    const quote = m[1].trim();
    if (!quote || (!lines.includes(quote) && !flat.includes(quote.replace(/\n/g, '')))) wrong.push(m[1]);
  }
  return wrong;
}
