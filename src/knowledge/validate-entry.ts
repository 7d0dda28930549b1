/** Validation of single knowledge files against the schema, with Chinese messages located by line. */
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { EntrySchema, SourceSchema, TOPICS, KINDS, type Entry, type Source } from './schema.js';
import type { Problem } from './problem.js';
import type { YamlFile } from './yaml-file.js';
import { schemaErrors } from './schema-errors.js';

const entryCheck = TypeCompiler.Compile(EntrySchema);
const sourceCheck = TypeCompiler.Compile(SourceSchema);

/** Messages special to entry and source fields. */
function special(type: ValueErrorType, field: string): string | undefined {
  if (type === ValueErrorType.StringPattern) {
    if (field.endsWith('article')) return '条款须写成“第…条”（中文数字），标准写成“表1”等';
    if (field === 'id' || field.startsWith('related') || field.endsWith('.id')) return 'id 只能用小写字母、数字和连字符';
    return '格式不对（日期写成 YYYY-MM-DD）';
  }
  if (type === ValueErrorType.Union) {
    if (field === 'topic') return `主题不存在，可选: ${Object.keys(TOPICS).join(', ')}`;
    if (field === 'kind') return `类型不存在，可选: ${KINDS.join(', ')}`;
    if (field === 'status') return '状态只能是 draft、published 或 retired';
  }
  return undefined;
}

function collect<T extends TSchema>(check: TypeCheck<T>, data: unknown, yaml: YamlFile, base: (string | number)[]): Problem[] {
  return schemaErrors(check, data, special, base).map((e) => ({
    file: yaml.file,
    line: yaml.lineOf(e.segments),
    field: e.field,
    message: e.message,
    severity: 'error' as const,
  }));
}

/** Validates one entry file; returns the entry when it has no schema error. */
export function validateEntry(yaml: YamlFile): { entry?: Entry; problems: Problem[] } {
  if (entryCheck.Check(yaml.data)) return { entry: yaml.data as Entry, problems: [] };
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) {
    return { problems: [{ file: yaml.file, line: 1, field: '', message: '文件内容应为一个条目（键值对象）', severity: 'error' }] };
  }
  return { problems: collect(entryCheck, yaml.data, yaml, []) };
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
    else problems.push(...collect(sourceCheck, item, yaml, [i]));
  });
  return { sources, problems };
}
