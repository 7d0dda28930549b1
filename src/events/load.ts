/**
 * Loads knowledge/events/*.yaml: one event per file, validated against {@link EventSchema}. Problems are
 * located by file, line and field exactly like the knowledge loader's (see src/knowledge/problem.ts).
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { Problem } from '../knowledge/problem.js';
import { fieldName, type YamlFile } from '../knowledge/yaml-file.js';
import { readYamlFolder } from '../knowledge/yaml-folder.js';
import { schemaErrors, type SchemaError } from '../knowledge/schema-errors.js';
import { EventSchema, type OutreachEvent } from './schema.js';

/** Folder of event files inside the knowledge folder. */
export const EVENTS_DIR = 'events';

const check = TypeCompiler.Compile(EventSchema);

/** Messages special to event fields (the rest are the common ones). */
export function eventFieldMessage(type: ValueErrorType, field: string): string | undefined {
  switch (type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return '不认识的字段（活动只有 code、name、date、place、greeting）';
    case ValueErrorType.StringPattern:
      return field === 'code' ? '活动代码只能用字母、数字、下划线和连字符，最多 32 个字符' : '日期应写成 YYYY-MM-DD';
    case ValueErrorType.String:
      return '应为文本（日期请加引号或写成 YYYY-MM-DD）';
    case ValueErrorType.Object:
      return '应为一个活动（键值对象，含 code、name、date、place、greeting）';
    default:
      return undefined;
  }
}

/** Schema problems of a value, one per field (first error wins). */
export function eventProblems(data: unknown): SchemaError[] {
  return schemaErrors(check, data, eventFieldMessage);
}

/** Validates one parsed event file. */
export function validateEvent(yaml: YamlFile): { event?: OutreachEvent; problems: Problem[] } {
  const data = normalizeDates(yaml.data);
  if (check.Check(data)) return { event: data as OutreachEvent, problems: [] };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file: yaml.file, line: 1, field: '', message: '文件内容应为一个活动（键值对象）', severity: 'error' }] };
  }
  return {
    problems: eventProblems(data).map((p) => ({
      file: yaml.file,
      line: yaml.lineOf(p.segments),
      field: fieldName(p.segments),
      message: p.message,
      severity: 'error' as const,
    })),
  };
}

/** YAML reads an unquoted 2026-06-05 as a Date; events keep dates as text. */
function normalizeDates(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = v.toISOString().slice(0, 10);
  return out;
}

/**
 * Loads every event file under `<knowledgeDir>/events` (a missing folder means no events). Never throws for
 * bad content: problems carry the file (relative to the knowledge folder), line and field.
 */
export async function loadEvents(knowledgeDir: string): Promise<{ events: OutreachEvent[]; problems: Problem[] }> {
  const events: OutreachEvent[] = [];
  const { files, problems } = await readYamlFolder(knowledgeDir, EVENTS_DIR);
  const fileOf = new Map<string, string>();
  for (const yaml of files) {
    const rel = yaml.file;
    const v = validateEvent(yaml);
    problems.push(...v.problems);
    if (!v.event) continue;
    const other = fileOf.get(v.event.code.toLowerCase());
    if (other) {
      problems.push({ file: rel, line: yaml.lineOf(['code']), field: 'code', message: `活动代码重复，已在 ${other} 中使用`, severity: 'error' });
      continue;
    }
    fileOf.set(v.event.code.toLowerCase(), rel);
    events.push(v.event);
  }
  return { events, problems };
}
