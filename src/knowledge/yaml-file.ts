/** Reading YAML files with positions, so problems can name the line of a field. */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problem.js';

/** A parsed YAML file that can tell the line of any field path. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** 1-based line of the value at a JSON-pointer-like path (segments), or of the nearest parent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** Parses YAML text; syntax errors are returned as problems (with their line). */
export function parseYaml(file: string, text: string): { yaml?: YamlFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        field: '',
        message: `YAML 语法错误: ${e.message.split('\n')[0]}`,
        severity: 'error' as const,
      })),
    };
  }
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  return { yaml: { file, data: doc.toJS(), lineOf }, problems: [] };
}

/** Turns a TypeBox error path (`/basis/0/article`) into segments and a readable field name. */
export function splitPath(pointer: string): { segments: (string | number)[]; field: string } {
  const segments = pointer
    .split('/')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  return { segments, field: fieldName(segments) };
}

/** A readable field name for path segments: `basis[0].article`. */
export function fieldName(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
