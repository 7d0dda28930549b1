/**
 * Checking the split of the real-question corpus: every item must be in `tune` or `test`, as the fixed rule
 * written in the file says (the split is made before any result is seen, so nobody can move items afterwards).
 */
import type { EvalSet } from './dev-set.js';

/** Problems of a corpus' split, one line per item whose split is missing or disagrees with the rule. */
export function checkSplits(set: EvalSet): string[] {
  const problems: string[] = [];
  for (const item of [...set.inScope, ...set.outOfScope]) {
    if (item.split !== 'tune' && item.split !== 'test') problems.push(`${item.id}: split "${item.split ?? ''}" is neither tune nor test`);
  }
  return problems;
}
