/**
 * Word segmentation with jieba (@node-rs/jieba, its own dictionary shipped in the package) plus the domain terms
 * of the lexicon, for the analyzer's `jieba` modes. Instances are built lazily, one per set of domain terms (a
 * dictionary takes about 0.2 s and some megabytes to load).
 */
import { createRequire } from 'node:module';

interface JiebaLike {
  cutForSearch(sentence: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, JiebaLike>();

/** A jieba segmenter knowing `terms` as words (built once per distinct term set). */
export function jiebaFor(terms: readonly string[]): JiebaLike {
  const key = [...terms].sort().join('\n');
  let j = cache.get(key);
  if (!j) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    j = Jieba.withDict(dict);
    if (terms.length) j.loadDict(Buffer.from(terms.map((t) => `${t} 100000 n`).join('\n')));
    cache.set(key, j);
  }
  return j;
}
