/** Plain-Chinese messages for request-schema errors (Ajv), instead of its English "must match pattern". */
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

const FIELD_NAMES: Record<string, string> = {
  from: '开始日期',
  to: '结束日期',
  status: '状态',
  topic: '主题',
  format: '格式',
  limit: '条数',
  id: '编号',
};

/** One line saying which field is wrong and how, e.g. 「请求格式不正确：开始日期（from）格式不对：日期请写成 …」. */
export function validationMessage(errors: readonly FastifySchemaValidationError[], context?: string): string {
  return `请求格式不正确：${fieldMessage(errors, context)}`;
}

function fieldMessage(errors: readonly FastifySchemaValidationError[], context?: string): string {
  const e = errors[0];
  if (!e) return '请检查请求体和参数。';
  const path = (e.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty ?? '') : '';
  const field = missing || path.split('.').pop() || '';
  const label = field ? `${FIELD_NAMES[field] ?? '参数'}（${field}）` : context === 'body' ? '请求体' : '参数';
  switch (e.keyword) {
    case 'required':
      return `缺少${label}。`;
    case 'pattern':
      return /^(from|to|at|date)$/.test(field) ? `${label}格式不对：日期请写成 2026-01-31 这样的形式。` : `${label}的格式不对。`;
    case 'enum':
      return `${label}的取值不在可选范围内${(e.params as { allowedValues?: unknown[] }).allowedValues ? `（可选：${((e.params as { allowedValues: unknown[] }).allowedValues).join('、')}）` : ''}。`;
    case 'type':
      return `${label}的类型不对。`;
    case 'maxLength':
      return `${label}太长了。`;
    case 'minLength':
      return `${label}不能为空或太短。`;
    case 'additionalProperties':
      return `请求里有不认识的字段（${String((e.params as { additionalProperty?: string }).additionalProperty ?? '')}）。`;
    default:
      return `${label}不正确，请检查后再试。`;
  }
}
