/**
 * Looking the law up: a question naming an article of the Code (「法典第一千零九十五条」, 「第1242条」) is answered
 * with the article's exact text, its place (编/分编/章/节) and its validity; one naming an article of a repealed
 * law (「环评法第三十一条」) says the law was repealed and shows the Code articles that now carry the rule. Used by
 * the engine, so every channel gets it.
 */
import type { Source } from '../knowledge/schema.js';
import { chineseDate, outOfForce, shortName, validityOn } from '../knowledge/validity.js';
import { CODE_SOURCE, type LawLibrary } from '../law/library.js';
import { numberToChinese } from '../law/numerals.js';
import { findArticleReference, type ArticleReference } from '../law/references.js';
import type { LawArticle } from '../law/types.js';
import { LEGAL_NOTICE } from './compose.js';
import type { ArticleView, RepealedArticle, Reply } from './reply.js';

/** What the lookup needs: the shipped law texts and the sources register. */
export interface ArticleLookupDeps {
  laws: LawLibrary;
  sources: Map<string, Source>;
  /** The `formerly` of a published entry (default: none): an entry may answer for an old article it names. */
  formerly?: (entryId: string) => readonly string[] | undefined;
  /** Code articles matching a question strongly (default: none), offered on a fallback as 可能相关的法条. */
  related?: (question: string) => LawArticle[];
}

/** Whether an entry's `formerly` names the old article (law by any of its names, and the article). */
function namesOldArticle(formerly: readonly string[] | undefined, ref: ArticleReference, deps: ArticleLookupDeps): boolean {
  const names = deps.laws.names.filter((n) => n.source === ref.source).map((n) => n.name);
  const article = `第${numberToChinese(ref.number)}条`;
  return !!formerly?.some((f) => f.includes(article) && names.some((n) => f.includes(n)));
}

/** Most Code articles printed in full in one reply (more are listed by number). */
export const MAX_ARTICLES_SHOWN = 3;

/** An article as a reply carries it, with its validity on `day`. */
export function articleView(a: LawArticle, source: string, deps: ArticleLookupDeps, day: string): ArticleView {
  const law = deps.laws.law(source);
  const src = deps.sources.get(source);
  const validity = src ? validityOn(src, day, (id) => deps.sources.get(id)).label : '现行有效';
  return {
    source,
    name: law?.name ?? src?.name ?? source,
    number: a.number,
    article: a.article,
    text: a.text,
    part: a.part,
    ...(a.subpart ? { subpart: a.subpart } : {}),
    chapter: a.chapter,
    ...(a.section ? { section: a.section } : {}),
    validity,
  };
}

/** 第五编　法律责任和附则 › 第二章　法律责任分则 › 第二节　… */
export function placeOf(a: Pick<LawArticle, 'part' | 'subpart' | 'chapter' | 'section'>): string {
  return [a.part, a.subpart, a.chapter, a.section].filter(Boolean).join(' › ');
}

/** The article printed as the law prints it: heading line, place, text. */
function articleBlock(v: ArticleView): string {
  const valid = v.validity === '现行有效' ? '（现行有效）' : `（${v.validity}）`;
  return `《${v.name}》${v.article}${valid}\n位置：${placeOf(v)}\n\n${v.article}\u3000${v.text}`;
}

/** Penalty articles of the Code (第五编 before its 附则) call for the transition rule of 第一千零五十七条. */
function isPenalty(a: LawArticle): boolean {
  return a.part.startsWith('第五编') && !a.chapter.includes('附则');
}

const TRANSITION =
  '提示：2026年8月15日以前发生的违法行为，按法典第一千零五十七条处理：适用行为发生时的规定；作出处罚决定时新的规定处罚较轻或者不认为是违法的，适用新的规定（从旧兼从轻）。';

function closing(deps: ArticleLookupDeps, source: string): string {
  const law = deps.laws.law(source);
  return [law?.official ? `条文依据公开发布的文本整理，${law.official}` : '', LEGAL_NOTICE].filter(Boolean).join('\n\n');
}

/** The reply for a Code article (or a missing number). */
function codeReply(ref: ArticleReference, deps: ArticleLookupDeps, day: string): Reply {
  const law = deps.laws.law(ref.source)!;
  const a = deps.laws.article(ref.source, ref.number);
  if (!a) {
    return {
      status: 'fallback',
      text: `《${law.name}》共${numberToChinese(law.articleCount)}条（第一条至第${numberToChinese(law.articleCount)}条），没有第${numberToChinese(ref.number)}条。请核对条文序号，或在网页版的法典全文页按目录查找。`,
      alternatives: [],
    };
  }
  const view = articleView(a, ref.source, deps, day);
  const parts = [articleBlock(view)];
  if (view.validity !== '现行有效') parts.unshift(`⚠️ 请注意：《${view.name}》${view.validity}。`);
  if (isPenalty(a)) parts.push(TRANSITION);
  parts.push(closing(deps, ref.source));
  return { status: 'answered', text: parts.join('\n\n'), alternatives: [], article: view };
}

/** The first line about a repealed law: 《…》已于2026年8月15日废止（…），原第三十一条不再适用。 */
function repealLine(src: Source, ref: ArticleReference, deps: ArticleLookupDeps): string {
  const by = src.repealed_by ? deps.sources.get(src.repealed_by) : undefined;
  const code = src.repealed_by === CODE_SOURCE && deps.laws.law(CODE_SOURCE) ? `，依据《${shortName(by?.name ?? '生态环境法典')}》第一千二百四十二条` : '';
  const when = src.repealed_on ? `已于${chineseDate(src.repealed_on)}废止${code}` : '已经废止';
  return `⚠️ 《${src.name}》${when}，原${ref.citation}不再适用。`;
}

/** The reply for an article of a repealed law. */
function repealedReply(src: Source, ref: ArticleReference, deps: ArticleLookupDeps, day: string, askEntries: () => Reply): Reply {
  const rows = deps.laws.oldArticle(ref.source, ref.number, ref.citation);
  // 第一千零九十五条 already covers 第一千零九十五条第三款: name the whole article once.
  const all = rows.flatMap((r) => r.code);
  const targets = all.filter(
    (t, i) =>
      !all.some((o, j) => j !== i && o.number === t.number && o.article === `第${numberToChinese(o.number)}条` && t.article !== o.article) &&
      all.findIndex((o) => o.article === t.article) === i,
  );
  const repealed: RepealedArticle = {
    source: ref.source,
    name: src.name,
    article: ref.citation,
    ...(src.repealed_on ? { repealedOn: src.repealed_on } : {}),
    now: targets.map((t) => t.article),
  };
  const head = repealLine(src, ref, deps);
  if (!rows.length || !ref.direct) {
    // Not in the map (or the question asks more than the article): an entry may carry the rule (its `formerly`).
    const r = askEntries();
    // Only an entry that says it carries this old article answers for it (another law's 第九十九条 does not).
    if (r.status === 'answered' && r.entry && namesOldArticle(deps.formerly?.(r.entry.id), ref, deps)) return { ...r, text: `${head}\n\n${r.text}`, repealed };
    if (!rows.length) {
      return {
        status: 'fallback',
        text: `${head}\n\n知识库还没有整理原${ref.citation}在《生态环境法典》中的对应条文。您可以在网页版的法典全文页按目录查找，或咨询工作人员。`,
        alternatives: [],
        repealed,
      };
    }
  }
  const code = deps.laws.law(CODE_SOURCE);
  const codeName = shortName(code?.name ?? '生态环境法典');
  const parts = [head];
  const seen = new Set<number>();
  const shown: ArticleView[] = [];
  if (!targets.length) parts.push(`《${codeName}》中没有与原${ref.citation}对应的规定。`);
  else {
    const list = targets.map((t) => `${t.article}${t.note ? `（${t.note}）` : ''}`).join('、');
    parts.push(rows.some((r) => r.nearest) ? `《${codeName}》没有与之直接对应的条文，最相近的规定是${list}：` : `这条规定现在由《${codeName}》${list}承接：`);
    for (const t of targets) {
      const a = deps.laws.article(CODE_SOURCE, t.number);
      if (!a || seen.has(a.number)) continue;
      seen.add(a.number);
      if (shown.length < MAX_ARTICLES_SHOWN) {
        const v = articleView(a, CODE_SOURCE, deps, day);
        shown.push(v);
        parts.push(articleBlock(v));
      }
    }
    if (seen.size > shown.length)
      parts.push(
        `其余条文（${targets
          .slice(MAX_ARTICLES_SHOWN)
          .map((t) => t.article)
          .join('、')}）可在网页版的法典全文页查看。`,
      );
    if (
      targets.some((t) => {
        const a = deps.laws.article(CODE_SOURCE, t.number);
        return a && isPenalty(a);
      })
    )
      parts.push(TRANSITION);
  }
  parts.push(closing(deps, CODE_SOURCE));
  return { status: 'answered', text: parts.join('\n\n'), alternatives: [], ...(shown[0] ? { article: shown[0] } : {}), repealed };
}

/**
 * A fallback for lack of a match (`deps.related` offers nothing for another department's matter) lists up to 3 Code articles
 * that match the question strongly; the status stays `fallback`.
 */
function withRelatedArticles(question: string, day: string, deps: ArticleLookupDeps, reply: Reply): Reply {
  if (reply.status !== 'fallback' || !deps.related) return reply;
  const found = deps.related(question);
  if (!found.length) return reply;
  const views = found.map((a) => articleView(a, CODE_SOURCE, deps, day));
  const name = shortName(views[0].name);
  const lines = views.map((v) => `· 《${name}》${v.article}：${v.text.split('\n')[0].slice(0, 60)}${v.text.length > 60 ? '…' : ''}`);
  return { ...reply, text: `${reply.text}\n\n可能相关的法条（仅供查阅，不是对您问题的答复）：\n${lines.join('\n')}`, relatedArticles: views };
}

/**
 * Answers `question` when it names a law article; otherwise (and when an entry answers a question that asks more
 * than the article) the reply of `askEntries`. `day` is YYYY-MM-DD.
 */
export function lookUpArticle(question: string, day: string, deps: ArticleLookupDeps, askEntries: () => Reply): Reply {
  const ref = findArticleReference(question, deps.laws);
  // A bare 第3条 inside a longer question (处罚决定书第3条写的什么) is not taken as the Code's.
  if (!ref || (!ref.named && !ref.direct)) return withRelatedArticles(question, day, deps, askEntries());
  if (deps.laws.law(ref.source)) {
    if (ref.direct) return codeReply(ref, deps, day);
    const r = askEntries();
    return r.status === 'answered' || r.status === 'contact' ? r : codeReply(ref, deps, day);
  }
  const src = deps.sources.get(ref.source);
  if (!src || !outOfForce(validityOn(src, day, (id) => deps.sources.get(id)))) return askEntries();
  return repealedReply(src, ref, deps, day, askEntries);
}
