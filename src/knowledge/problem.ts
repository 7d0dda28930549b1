/** A problem found in the knowledge tree, located by file, line and field. */
export interface Problem {
  /** Path of the file, relative to the knowledge folder. */
  file: string;
  /** 1-based line of the offending value (1 when unknown). */
  line: number;
  /** Field path, e.g. `basis[0].article` ('' for the whole file). */
  field: string;
  /** What is wrong, and how to fix it. */
  message: string;
  /**
   * `error` makes the tree invalid (the server refuses to start); `review` marks an entry that staff
   * must re-review (e.g. it cites a superseded source) but that does not stop the server.
   */
  severity: 'error' | 'review';
}

/** Formats a problem as one line: `faq/x.yaml:12 basis[0].article: message`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}`;
  const tag = p.severity === 'review' ? ' [需复核]' : '';
  return p.field ? `${where} ${p.field}: ${p.message}${tag}` : `${where} ${p.message}${tag}`;
}

/** Error thrown when the knowledge tree is invalid; its message lists every problem. */
export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`知识库校验未通过（${problems.length} 个问题）:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'));
    this.name = 'KnowledgeError';
  }
}
