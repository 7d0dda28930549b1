/** The public labels of who vouches for an answer (every channel shows the same words). */

/** An entry checked against the law text by the team, not yet legally reviewed (法制审核) by the bureau. */
export const CHECKED_LABEL = '已对照法典原文核对，待局法制审核';

/** The label of a reply's entry: a recorded 法制审核 (reviewer and day), else the checked label, else none. */
export function reviewLabel(entry: { reviewed?: { by: string; at: string }; checked?: { by: string; at: string } } | undefined): string | undefined {
  if (entry?.reviewed) return `法制审核：${entry.reviewed.by}（${entry.reviewed.at}）`;
  return entry?.checked ? CHECKED_LABEL : undefined;
}
