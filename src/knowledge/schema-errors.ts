/**
 * Schema errors in Chinese, one per field: the shared mechanism behind every YAML loader (entries,
 * sources, events, quiz). Each loader passes only the messages special to its own fields.
 */
import type { TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { fieldName, splitPath } from './yaml-file.js';

/** A loader's own message for an error of a field, or undefined for the common one. */
export type SpecialMessage = (type: ValueErrorType, field: string) => string | undefined;

/** One schema error, located by path segments. */
export interface SchemaError {
  field: string;
  segments: (string | number)[];
  message: string;
}

/** The message every loader uses unless it says otherwise. */
export function commonMessage(type: ValueErrorType): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return '缺少必填字段';
    case ValueErrorType.ObjectAdditionalProperties:
      return '不认识的字段（拼写错误？字段说明见 knowledge/README.md）';
    case ValueErrorType.StringPattern:
      return '格式不对';
    case ValueErrorType.StringMinLength:
      return '内容太短或为空';
    case ValueErrorType.StringMaxLength:
      return '内容太长';
    case ValueErrorType.Union:
      return '取值不在允许范围内';
    case ValueErrorType.String:
      return '应为文本';
    case ValueErrorType.Array:
      return '应为列表';
    case ValueErrorType.Object:
      return '应为键值对象';
    default:
      return '取值不正确';
  }
}

/**
 * The schema errors of `data`, one per field (the first wins: a union failure also reports each of its
 * branches). `base` prefixes the paths (e.g. the index in a list file).
 */
export function schemaErrors<T extends import('@sinclair/typebox').TSchema>(
  check: TypeCheck<T>,
  data: unknown,
  special: SpecialMessage = () => undefined,
  base: (string | number)[] = [],
): SchemaError[] {
  const seen = new Set<string>();
  const out: SchemaError[] = [];
  for (const e of check.Errors(data)) {
    const segments = [...base, ...splitPath(e.path).segments];
    const field = fieldName(segments);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, segments, message: special(e.type, field) ?? commonMessage(e.type) });
  }
  return out;
}
