/**
 * Text normalisation shared by indexing and querying: both sides must be normalised the same way
 * or nothing matches.
 */
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified: (text: string) => string = (OpenCC as { Converter: (o: object) => (t: string) => string }).Converter({
  from: 'hk',
  to: 'cn',
});

/**
 * Folds a text to the form the index uses: Unicode NFKC (full-width letters, digits and punctuation
 * become half-width), traditional characters become simplified, Latin letters become lower case and
 * runs of white space collapse to one space.
 */
export function foldText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Builds a function that removes filler phrases (请问, 你好, 我想问一下 ...) from a folded text. */
export function fillerRemover(fillers: readonly string[]): (text: string) => string {
  const list = [...new Set(fillers.map(foldText).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  const pattern = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}

/** Escapes a literal string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
