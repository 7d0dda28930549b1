/**
 * Checking the split of the real-question corpus against the fixed rule written in its header and implemented in
 * bench/eval/split.ts (split = test when FNV-1a 32 of `q` % 3 == 0, else tune): the rule depends only on the
 * question text, so nobody can move an item after seeing a result.
 */
import type { EvalSet } from './dev-set.js';
import { splitFor } from './eval/split.js';

/** The rule as the corpus header must state it (so the file documents what is checked). */
const RULE_IN_HEADER = /FNV-1a/;

/** Problems of a corpus' split: items whose recorded split disagrees with the rule, or a header without the rule. */
export function checkSplits(set: EvalSet, header = ''): string[] {
  const problems: string[] = [];
  if (header && !RULE_IN_HEADER.test(header)) problems.push('the file header does not state the split rule (FNV-1a of q % 3)');
  for (const item of [...set.inScope, ...set.outOfScope]) {
    const rule = splitFor(item.q);
    if (item.split !== rule) problems.push(`${item.id}: split "${item.split ?? ''}", the rule says "${rule}"`);
  }
  return problems;
}
