/** Validation of single knowledge files against the schema, with Chinese messages located by line. */
import { TypeCompiler, type ValueErrorIterator } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { EntrySchema, SourceSchema, TOPICS, KINDS, type Entry, type Source } from './schema.js';
import type { Problem } from './problem.js';
import { fieldName, splitPath, type YamlFile } from './yaml-file.js';

const entryCheck = TypeCompiler.Compile(EntrySchema);
const sourceCheck = TypeCompiler.Compile(SourceSchema);

function describe(type: ValueErrorType, field: string, fallback: string): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return '缺少必填字段';
    case ValueErrorType.ObjectAdditionalProperties:
      return '不认识的字段（拼写错误？字段说明见 knowledge/README.md）';
    case ValueErrorType.StringPattern:
      if (field.endsWith('article')) return '条款须写成“第…条”（中文数字），标准写成“表1”等';
      if (field === 'id' || field.startsWith('related')) return 'id 只能用小写字母、数字和连字符';
      return '格式不对（日期写成 YYYY-MM-DD）';
    case ValueErrorType.StringMinLength:
      return '内容太短或为空';
    case ValueErrorType.StringMaxLength:
      return '内容太长';
    case ValueErrorType.Union:
      if (field === 'topic') return `主题不存在，可选: ${Object.keys(TOPICS).join(', ')}`;
      if (field === 'kind') return `类型不存在，可选: ${KINDS.join(', ')}`;
      if (field === 'status') return '状态只能是 draft、published 或 retired';
      return '取值不在允许范围内';
    case ValueErrorType.String:
      return '应为文本';
    case ValueErrorType.Array:
      return '应为列表';
    case ValueErrorType.Object:
      return '应为键值对象';
    default:
      return fallback;
  }
}

function collect(errors: ValueErrorIterator, yaml: YamlFile, base: (string | number)[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of errors) {
    const path = [...base, ...splitPath(e.path).segments];
    const field = fieldName(path);
    const key = `${field}|${e.type}`;
    // A union failure also reports each branch; keep one line per field.
    if (seen.has(field)) continue;
    seen.add(key);
    seen.add(field);
    problems.push({ file: yaml.file, line: yaml.lineOf(path), field, message: describe(e.type, field, e.message), severity: 'error' });
  }
  return problems;
}

/** Validates one entry file; returns the entry when it has no schema error. */
export function validateEntry(yaml: YamlFile): { entry?: Entry; problems: Problem[] } {
  if (entryCheck.Check(yaml.data)) return { entry: yaml.data as Entry, problems: [] };
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) {
    return { problems: [{ file: yaml.file, line: 1, field: '', message: '文件内容应为一个条目（键值对象）', severity: 'error' }] };
  }
  return { problems: collect(entryCheck.Errors(yaml.data), yaml, []) };
}

/** Validates sources.yaml (a list of sources). */
export function validateSources(yaml: YamlFile): { sources: Source[]; problems: Problem[] } {
  if (!Array.isArray(yaml.data)) {
    return { sources: [], problems: [{ file: yaml.file, line: 1, field: '', message: '应为来源列表', severity: 'error' }] };
  }
  const sources: Source[] = [];
  const problems: Problem[] = [];
  yaml.data.forEach((item, i) => {
    if (sourceCheck.Check(item)) sources.push(item as Source);
    else problems.push(...collect(sourceCheck.Errors(item), yaml, [i]));
  });
  return { sources, problems };
}
