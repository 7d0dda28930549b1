/**
 * Recognising a resident's complaint told as a story (「……油烟味一直往家里蹿，希望有关部门管一管」) that no entry
 * matched: it is long, names a nuisance and asks for action. Such a message is answered with the general guide
 * for residents' complaints (how to report, who handles what, the common rules) instead of a fallback. The words
 * come from the lexicon (knowledge/synonyms.yaml, `complaint`), not from code.
 */
import type { Lexicon } from '../search/lexicon.js';
import { foldText } from '../search/normalize.js';

/** Shortest complaint story, in characters without spaces and punctuation (default of {@link complaintStoryFinder}). */
export const COMPLAINT_STORY_CHARS = 26;

/** Whether a folded message is a complaint story. */
export type ComplaintStoryFinder = (folded: string) => boolean;

/**
 * Builds the finder from the lexicon's complaint words: a message of at least `minChars` characters naming a
 * nuisance word and a request word. Without complaint words in the lexicon nothing is a complaint story.
 */
export function complaintStoryFinder(words: Lexicon['complaint'], minChars = COMPLAINT_STORY_CHARS): ComplaintStoryFinder {
  const nuisance = (words?.nuisance ?? []).map(foldText).filter(Boolean);
  const request = (words?.request ?? []).map(foldText).filter(Boolean);
  if (nuisance.length === 0 || request.length === 0) return () => false;
  return (folded) => {
    const text = folded.replace(/[\s\p{P}\p{S}]+/gu, '');
    return [...text].length >= minChars && nuisance.some((w) => text.includes(w)) && request.some((w) => text.includes(w));
  };
}
