/** A line diff (longest common subsequence) for the review queue: what a revision changes. */

/** One line of a diff: kept, added or removed. */
export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

/** The lines of `after` against `before`, in order (at most `limit` lines each side, default: 2000). */
export function lineDiff(before: string[], after: string[], limit = 2000): DiffLine[] {
  const a = before.slice(0, limit);
  const b = after.slice(0, limit);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ op: ' ', text: a[i] }), i++, j++;
    else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ op: '+', text: b[j] }), j++;
    else out.push({ op: '-', text: a[i] }), i++;
  }
  return out;
}
