import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/console/line-diff.js';

describe('lineDiff', () => {
  it('keeps common lines and marks what was removed and added, in order', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '+', text: 'x' },
      { op: '-', text: 'b' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
  });

  it('a new text is all additions; an empty one all removals', () => {
    expect(lineDiff([], ['a', 'b']).map((l) => l.op)).toEqual(['+', '+']);
    expect(lineDiff(['a'], []).map((l) => l.op)).toEqual(['-']);
  });
});
