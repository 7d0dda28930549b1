/**
 * Facets: what a complaint is about, read from words, so that an entry about one source of a nuisance does not answer
 * a story about another (「菜贩凌晨三四点吆喝」 is not the entry on night construction, 「饭店的排风机嗡嗡响」 is not the
 * entry on cooking fumes). The lexicon (knowledge/synonyms.yaml, `facets`) names families (source, nuisance), each with
 * values and the words that reveal them. An entry's facets are read from its title and keywords; a question's from its
 * text. An entry clashes with a question when, in some family, both name values and share none.
 */
import type { Entry } from '../knowledge/schema.js';
import type { Lexicon } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';

/** The facets a text names: family → the values whose words it contains. */
export type Facets = Map<string, Set<string>>;

/** Reads facets from texts with the lexicon's words. */
export type FacetReader = (folded: string) => Facets;

/** Builds the reader of a lexicon's facets (none without `facets`). */
export function facetReader(facets: Lexicon['facets'] = {}): FacetReader {
  const families = Object.entries(facets).map(
    ([family, values]) => [family, Object.entries(values).map(([value, words]) => [value, words.map(foldText).filter(Boolean)] as const)] as const,
  );
  return (folded) => {
    const out: Facets = new Map();
    for (const [family, values] of families) {
      const named = new Set(values.filter(([, words]) => words.some((w) => folded.includes(w))).map(([value]) => value));
      if (named.size) out.set(family, named);
    }
    return out;
  };
}

/** An entry naming this many values of a family or more is general in it (「油烟、噪音、扬尘……分别找哪个部门」). */
export const GENERAL_VALUES = 3;

/**
 * Whether an entry's facets clash with a question's: some family named by both with no value in common, where the
 * entry is not general (it names fewer than {@link GENERAL_VALUES} values of the family).
 */
export function facetsClash(entry: Facets, question: Facets): boolean {
  for (const [family, values] of entry) {
    const asked = question.get(family);
    if (values.size >= GENERAL_VALUES) continue;
    if (asked && ![...values].some((v) => asked.has(v))) return true;
  }
  return false;
}

/** The facets of an entry: read from its title and keywords (what it is about, not its answer's examples). */
export function entryFacets(read: FacetReader, entry: Pick<Entry, 'title' | 'keywords'>): Facets {
  return read(foldText([entry.title, ...(entry.keywords ?? []).map(String)].join(' ')));
}

/**
 * The confidence factor of each entry for one question: `factor` for an entry whose facets clash with the question's,
 * 1 otherwise (entries' facets read once per entry object, so an edited entry is read again).
 */
export function clashWeigher(
  read: FacetReader,
  entryOf: (id: string) => Pick<Entry, 'title' | 'keywords'> | undefined,
): (folded: string, factor: number) => (id: string) => number {
  const cache = new WeakMap<object, Facets>();
  const of = (entry: Pick<Entry, 'title' | 'keywords'>) => {
    let f = cache.get(entry);
    if (!f) cache.set(entry, (f = entryFacets(read, entry)));
    return f;
  };
  return (folded, factor) => {
    const asked = factor === 1 ? new Map() : read(folded);
    if (asked.size === 0) return () => 1;
    return (id) => {
      const entry = entryOf(id);
      return entry && facetsClash(of(entry), asked) ? factor : 1;
    };
  };
}
