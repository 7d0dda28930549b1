/** Generates the field reference of knowledge/README.md from the schema (the single source of truth). */
import { EntrySchema, SourceSchema, TOPICS } from './schema.js';

interface JsonSchema {
  description?: string;
  type?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map((x) => JSON.stringify((x as { const?: string }).const)).join(' \\| ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'any'}`;
  if (s.type === 'object') return 'object';
  return s.type ?? 'any';
}

function table(schema: JsonSchema): string {
  const rows = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const req = schema.required?.includes(name) ? 'yes' : 'no';
    const desc = s.description ?? s.items?.description ?? (s.properties ? `{${Object.keys(s.properties).join(', ')}}` : '');
    return `| \`${name}\` | ${typeOf(s)} | ${req} | ${desc.replace(/\|/g, '\\|')} |`;
  });
  return ['| field | type | required | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** The Markdown field reference. */
export function fieldReference(): string {
  return [
    '## Entry fields',
    '',
    table(EntrySchema as unknown as JsonSchema),
    '',
    'Basis items (`basis`):',
    '',
    table(EntrySchema.properties.basis.items as unknown as JsonSchema),
    '',
    '## Topics',
    '',
    ...Object.entries(TOPICS).map(([id, name]) => `- \`${id}\`: ${name}`),
    '',
    '## Source fields (sources.yaml)',
    '',
    table(SourceSchema as unknown as JsonSchema),
    '',
  ].join('\n');
}
