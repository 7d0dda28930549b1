/**
 * Finds an article reference in a question: 「法典第一千零九十五条」, 「生态环境法典第1095条说了什么」, 「第1242条」,
 * 「环评法第三十一条」. A reference without a law name means the Code; one naming another law (行政处罚法第三十二条,
 * 排污许可管理条例第十四条) is not ours to look up.
 */
import { CODE_SOURCE, type LawLibrary } from './library.js';
import { chineseToNumber, numberToChinese } from './numerals.js';

/** An article a question names. */
export interface ArticleReference {
  /** Source id of the law (eco-code, or a repealed law such as eia-law). */
  source: string;
  /** The article number. */
  number: number;
  /** The citation in Chinese numerals: 第一千零九十五条, 第十九条第二款. */
  citation: string;
  /** Whether the question named the law (false: a bare 第…条, taken as the Code). */
  named: boolean;
  /** Whether the question asks for little more than the article itself (它说了什么). */
  direct: boolean;
}

const ARTICLE = /第\s*([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})\s*条(?:\s*第\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*款)?/;
/** Words around a reference that ask for nothing else (说了什么, 原文 ...). */
const FILLER =
  /请问|麻烦|帮我|帮忙|我想|想|查一下|查询|查查|查|看一下|看看|看|一下|具体|条文|原文|全文|内容|规定了什么|规定的是什么|说了什么|讲了什么|写了什么|说的是什么|讲的是什么|是什么|怎么说的|怎么说|怎么规定的|怎么规定|怎么写的|有哪些|什么|规定|说|讲|写|是|的|了|吗|呢|啊|呀|吧|中|里|里面|之|和|与|《|》|“|”|"|'/g;
/** What a name of another law or regulation ends with. */
const OTHER_LAW = /(法|条例|办法|规定|细则|标准|决定|解释|意见|通知|名录|规范|指南)$/;

/** A match of 「<law name>31条」 (no 第), shaped like a match of {@link ARTICLE}. */
function bareAfterName(q: string, library: LawLibrary): RegExpExecArray | null {
  const m = /([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})条/.exec(q);
  if (!m || !library.names.some((n) => q.slice(0, m.index).endsWith(n.name))) return null;
  return m;
}

/** The reference in `question`, or undefined. */
export function findArticleReference(question: string, library: LawLibrary): ArticleReference | undefined {
  const q = question.normalize('NFKC').replace(/\s+/g, '');
  // 第 may be left out right after a law's name: 环评法31条.
  const m = ARTICLE.exec(q) ?? bareAfterName(q, library);
  if (!m) return undefined;
  const number = chineseToNumber(m[1]);
  if (!number) return undefined;
  const paragraph = m[2] ? chineseToNumber(m[2]) : undefined;
  const citation = `第${numberToChinese(number)}条${paragraph ? `第${numberToChinese(paragraph)}款` : ''}`;
  const before = q.slice(0, m.index).replace(/[《》“”"的里中之]+$/, '');
  const hit = library.names.find((n) => before.endsWith(n.name));
  if (!hit && OTHER_LAW.test(before)) return undefined;
  const source = hit?.source ?? CODE_SOURCE;
  const rest = (hit ? before.slice(0, before.length - hit.name.length) : before) + q.slice(m.index + m[0].length);
  const residual = rest.replace(/[\p{P}\p{S}]/gu, '').replace(FILLER, '');
  return { source, number, citation, named: !!hit, direct: residual.length <= 2 };
}
