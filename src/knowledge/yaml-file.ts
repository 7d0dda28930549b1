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

/** Largest YAML file any loader accepts, in characters (a knowledge entry is a few KB). */
export const MAX_YAML_CHARS = 512 * 1024;
/** Aliases (`*name`) a YAML file may resolve; an alias bomb needs thousands (yaml's default is 100). */
export const MAX_YAML_ALIASES = 50;

/** One problem for the whole file. */
function fileProblem(file: string, message: string): { problems: Problem[] } {
  return { problems: [{ file, line: 1, field: '', message, severity: 'error' }] };
}

/**
 * Parses YAML text; syntax errors are returned as problems (with their line), and so are a file over
 * {@link MAX_YAML_CHARS} and one whose aliases expand beyond {@link MAX_YAML_ALIASES} (an alias bomb): this
 * never throws, so no caller (start-up, the watcher, the revision store) can be ended by a file's content.
 */
export function parseYaml(file: string, text: string): { yaml?: YamlFile; problems: Problem[] } {
  if (text.length > MAX_YAML_CHARS) return fileProblem(file, `文件过大（超过 ${MAX_YAML_CHARS / 1024} KB），请拆分或检查内容`);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return fileProblem(file, `YAML 无法解析: ${(err as Error).message.split('\n')[0]}`);
  }
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const msg = (err as Error).message;
    if (/alias/i.test(msg)) return fileProblem(file, `YAML 别名（*引用）过多，疑似恶意文件，未加载（最多 ${MAX_YAML_ALIASES} 个）`);
    return fileProblem(file, `YAML 无法解析: ${msg.split('\n')[0]}`);
  }
  return { yaml: { file, data, lineOf }, problems: [] };
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
