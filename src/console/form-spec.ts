/**
 * The entry form of the staff console, derived from the one entry schema (src/knowledge/schema.ts): which
 * fields there are, which are required, their options (the schema's literals), length limits and
 * descriptions. Only the Chinese labels and hints for a clerk are the console's own.
 */
import type { TSchema } from '@sinclair/typebox';
import { EntrySchema, type KINDS, TOPICS, type Source } from '../knowledge/schema.js';
import { outOfForce, validityOn } from '../knowledge/validity.js';

/** How a field is edited in the form. */
export type FieldInput = 'text' | 'select' | 'lines' | 'terms' | 'textarea' | 'basis' | 'related' | 'date';

/** One field of the entry form. */
export interface FormField {
  /** Field name in the schema (id, kind, ...). */
  name: string;
  /** Chinese label shown to the clerk (编号, 类型 ...). */
  label: string;
  /** A short Chinese hint under the field. */
  hint: string;
  input: FieldInput;
  required: boolean;
  /** The schema's description (English, the field reference of knowledge/README.md). */
  description?: string;
  /** Options of a select: the schema's literals with Chinese labels. */
  options?: { value: string; label: string }[];
  /** Length limits of the text, or of each item of a list, from the schema. */
  minLength?: number;
  maxLength?: number;
  /** The schema's pattern (of the text, or of each item). */
  pattern?: string;
}

/** Chinese names of the entry kinds (the values are the schema's). */
export const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  faq: '常见问题',
  law: '法律条文解读',
  case: '典型案例',
  guide: '办事指南',
  report: '本局工作',
};

/** The console's label, hint and input of each editable field; fields the server sets are not listed. */
const UI: Record<string, { label: string; hint: string; input: FieldInput }> = {
  id: { label: '编号', hint: '小写英文字母、数字和连字符，例如 noise-night-work；保存后不能再改。', input: 'text' },
  kind: { label: '类型', hint: '大多数条目是“常见问题”。', input: 'select' },
  topic: { label: '主题', hint: '群众在“按主题浏览”中找到它的位置。', input: 'select' },
  title: { label: '标题', hint: '写成群众会问的一句话。', input: 'text' },
  questions: { label: '相似问', hint: '群众的其他问法，一行一个。', input: 'lines' },
  keywords: { label: '关键词', hint: '能引到这个条目的词，用逗号或空格隔开。', input: 'terms' },
  answer: { label: '答复', hint: '第一段直接回答（约200字以内），空一行再写步骤或后果；不写法律依据，依据在下面填。', input: 'textarea' },
  basis: { label: '法律依据', hint: '每行一条：选来源，再写条款（第…条，中文数字）。', input: 'basis' },
  formerly: { label: '原条文（仅供检索）', hint: '已废止法律中的原条文，一行一个，例如 原《环境影响评价法》第三十一条；不作为依据。', input: 'lines' },
  related: { label: '相关条目', hint: '答复后推荐的相关问题。', input: 'related' },
  review_note: { label: '审核备注', hint: '写给法制审核人员：如何核对、为何这样认定；群众看不到。', input: 'textarea' },
  valid_from: { label: '生效日期', hint: '可不填；填了则从这天起才答复。', input: 'date' },
  valid_until: { label: '失效日期', hint: '可不填；填了则这天以后不再答复。', input: 'date' },
};

type Described = TSchema & { description?: string; minLength?: number; maxLength?: number; pattern?: string; items?: Described; anyOf?: { const?: string }[] };

/** The literals of a union schema (kind, topic). */
function literals(s: Described): string[] {
  return (s.anyOf ?? []).map((b) => b.const).filter((v): v is string => typeof v === 'string');
}

/** The form's fields, in the schema's order. */
export function entryFormFields(): FormField[] {
  const props = EntrySchema.properties as unknown as Record<string, Described>;
  const required = new Set((EntrySchema as unknown as { required?: string[] }).required ?? []);
  const out: FormField[] = [];
  for (const [name, schema] of Object.entries(props)) {
    const ui = UI[name];
    if (!ui) continue;
    const item = schema.items;
    const field: FormField = { name, ...ui, required: required.has(name), description: schema.description ?? item?.description };
    const limits = item && ui.input !== 'basis' ? item : schema;
    if (limits.minLength !== undefined) field.minLength = limits.minLength;
    if (limits.maxLength !== undefined) field.maxLength = limits.maxLength;
    if (limits.pattern !== undefined) field.pattern = limits.pattern;
    if (name === 'kind') field.options = literals(schema).map((v) => ({ value: v, label: KIND_LABELS[v as keyof typeof KIND_LABELS] ?? v }));
    if (name === 'topic') field.options = literals(schema).map((v) => ({ value: v, label: TOPICS[v as keyof typeof TOPICS] ?? v }));
    out.push(field);
  }
  return out;
}

/** A source as the 来源 picker offers it. */
export interface SourceOption {
  id: string;
  name: string;
  kind: string;
  /** 现行有效, 已废止（…） ... on the day. */
  validity: string;
  /** False when superseded or repealed on the day (citing it makes the entry need review). */
  inForce: boolean;
  /** True when the law's text is shipped (the 条款 field then shows the article as it is typed). */
  hasText: boolean;
}

/**
 * The sources of sources.yaml for the 来源 picker: in force first, then by name. `hasText` tells which have
 * their text shipped (default: none).
 */
export function sourceOptions(sources: Map<string, Source>, day: string, hasText: (id: string) => boolean = () => false): SourceOption[] {
  const list = [...sources.values()].map((s) => {
    const v = validityOn(s, day, (id) => sources.get(id));
    return { id: s.id, name: s.name, kind: s.kind, validity: v.label, inForce: !outOfForce(v), hasText: hasText(s.id) };
  });
  return list.sort((a, b) => Number(b.inForce) - Number(a.inForce) || a.name.localeCompare(b.name, 'zh'));
}

/** The basis article pattern of the schema (the 条款 field). */
export function articlePattern(): string {
  const basis = (EntrySchema.properties.basis as unknown as Described).items as unknown as { properties: Record<string, Described> };
  return basis.properties.article.pattern ?? '';
}
