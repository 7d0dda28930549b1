/**
 * The domain lexicon staff maintain in knowledge/synonyms.yaml: synonym groups rewritten to one
 * canonical term, terms that must stay whole when tokenizing, and filler phrases dropped from questions.
 */
import { escapeRegExp, foldText } from './normalize.js';

/** The lexicon as read from synonyms.yaml. */
export interface Lexicon {
  /** Canonical term → the abbreviations and variants that mean it (rewritten to the canonical term). */
  synonyms: Record<string, string[]>;
  /** Domain terms kept whole as tokens (in addition to bigrams): 排污许可证, 双随机一公开 ... */
  terms: string[];
  /** Filler phrases removed from questions before searching: 请问, 你好, 我想问一下 ... */
  fillers: string[];
  /** Words that carry no meaning for retrieval (的, 了, 怎么 ...): dropped from the tokens. */
  stopwords: string[];
  /** Matters of other departments, recognised by their words and redirected politely. */
  elsewhere: Elsewhere[];
  /** Words that mean a term only in some contexts (扰民 is 噪声 unless the text is about 油烟 or 气味). */
  contextual?: Contextual[];
  /** Words of residents' complaint stories: the nuisances (油烟, 噪音, 臭 …) and the requests (希望, 投诉, 管管 …). */
  complaint?: { nuisance: string[]; request: string[] };
  /**
   * What complaints are about, by family (source, nuisance …): value → the words that reveal it. An entry whose title
   * names values of a family the question also names, but none of the same, ranks lower (src/engine/facets.ts).
   */
  facets?: Record<string, Record<string, string[]>>;
}

/** A word rewritten to a term only when the text names none of `unless`. */
export interface Contextual {
  word: string;
  means: string;
  unless: string[];
}

/** Builds the rewrite of the contextual words (applied to folded text, before the synonyms). */
export function contextualRewriter(rules: readonly Contextual[] = []): (text: string) => string {
  const folded = rules.map((r) => ({ word: foldText(r.word), means: foldText(r.means), unless: r.unless.map(foldText).filter(Boolean) }));
  if (folded.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const r of folded) if (r.word && out.includes(r.word) && !r.unless.some((u) => out.includes(u))) out = out.split(r.word).join(r.means);
    return out;
  };
}

/** Another department's matters: the words that reveal them and where to turn. */
export interface Elsewhere {
  /** Department name, e.g. 市场监督管理部门. */
  department: string;
  /** Where to turn, e.g. 12315 热线. */
  contact: string;
  /** Words that reveal the matter (药品, 食品经营, 公积金 ...). */
  terms: string[];
}

/** An empty lexicon (no synonyms, terms, fillers or stop words). */
export const EMPTY_LEXICON: Lexicon = { synonyms: {}, terms: [], fillers: [], stopwords: [], elsewhere: [] };

/**
 * Builds the rewrite function of a lexicon: every variant is replaced by its canonical term, longest
 * variant first, in one left-to-right pass (so a canonical term is never rewritten again).
 */
export function synonymRewriter(synonyms: Lexicon['synonyms']): (text: string) => string {
  const map = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(synonyms)) {
    const target = foldText(canonical);
    for (const variant of variants) {
      const v = foldText(variant);
      if (v && v !== target && !map.has(v)) map.set(v, target);
    }
  }
  // Canonical terms match themselves, so that 排污许可证 is not partly rewritten by a variant 排污证 rule.
  for (const canonical of Object.keys(synonyms)) {
    const c = foldText(canonical);
    if (c && !map.has(c)) map.set(c, c);
  }
  if (map.size === 0) return (text) => text;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, (m) => map.get(m) ?? m);
}
