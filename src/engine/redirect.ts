/**
 * Recognising another department's matter (the lexicon's `elsewhere` terms) in a folded question, without
 * being fooled by a redirect word that is only part of a longer term of our own domain: 施工许可证 inside
 * 夜间施工许可证 (night-work permit: noise, ours), 食品 inside an entry keyword such as 食品加工.
 */
import type { Elsewhere } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';
import type { Knowledge } from '../knowledge/load.js';

/** Finds the other-department matter a folded question is about, if any. */
export type RedirectFinder = (folded: string) => Elsewhere | undefined;

/**
 * Builds the finder. `domainTerms` are the knowledge's own terms (lexicon terms, synonyms, entry keywords; folded
 * here). A redirect word's occurrence is ignored when a longer domain term occurring in the question overlaps it
 * and reaches beyond it; a department is chosen when any of its words occurs otherwise.
 */
export function redirectFinder(list: readonly Elsewhere[], domainTerms: Iterable<string>): RedirectFinder {
  const departments = foldElsewhere(list);
  const redirectWords = new Set(departments.flatMap((e) => e.terms));
  const domain = [...new Set([...domainTerms].map(foldText))].filter((d) => d.length > 1 && !redirectWords.has(d));
  return (folded) => {
    let spans: [number, number][] | undefined;
    const shadowed = (start: number, end: number): boolean => {
      spans ??= domainSpans(folded, domain);
      return spans.some(([s, e]) => s < end && e > start && e - s > end - start && (s < start || e > end));
    };
    return departments.find((dep) =>
      dep.terms.some((t) => {
        for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + 1)) {
          if (!shadowed(i, i + t.length)) return true;
        }
        return false;
      }),
    );
  };
}

/** Every occurrence [start, end) of a domain term in the text. */
function domainSpans(text: string, domain: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const d of domain) {
    for (let i = text.indexOf(d); i >= 0; i = text.indexOf(d, i + 1)) out.push([i, i + d.length]);
  }
  return out;
}

/** The lexicon's other-department terms in folded form, for matching folded questions. */
function foldElsewhere(list: readonly Elsewhere[]): Elsewhere[] {
  return list.map((e) => ({ ...e, terms: e.terms.map(foldText).filter(Boolean) }));
}

/** The knowledge's own terms: lexicon terms, synonym groups and published entries' keywords. */
export function domainTermsOf(knowledge: Knowledge): string[] {
  const { terms, synonyms } = knowledge.lexicon;
  const keywords = knowledge.entries.filter((e) => e.status === 'published').flatMap((e) => e.keywords);
  return [...terms, ...Object.entries(synonyms).flat(2), ...keywords];
}
