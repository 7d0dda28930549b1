/** Import of a spreadsheet: every valid row becomes a draft (new entry) or a draft revision (existing one). */
import type { Entry } from '../knowledge/schema.js';
import { EditError } from './edit-error.js';
import type { EntryStore } from './entry-store.js';
import { readSheet, type SheetFormat } from './spreadsheet.js';

/** A row that could not be imported. */
export interface RowError {
  /** 1-based spreadsheet row (the header is row 1). */
  row: number;
  id?: string;
  /** Field path ('' for the whole row). */
  field: string;
  message: string;
}

/** What an import did. */
export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: RowError[];
  /** Set when the file itself could not be read (nothing imported). */
  error?: string;
}

const CONTENT_FIELDS = ['kind', 'topic', 'title', 'questions', 'keywords', 'answer', 'basis', 'related', 'valid_from', 'valid_until'] as const;

function sameContent(a: Record<string, unknown>, b: Entry): boolean {
  const rec = b as unknown as Record<string, unknown>;
  return CONTENT_FIELDS.every((k) => JSON.stringify(a[k]) === JSON.stringify(rec[k]));
}

/**
 * Fields a spreadsheet has no column for, carried over from the entry a row changes: formerly and review_note;
 * checked (the team's check against the law text) only while the answer and basis are unchanged.
 */
function kept(e: Entry, row: Record<string, unknown>): Partial<Entry> {
  const out: Partial<Entry> = {};
  if (e.formerly) out.formerly = e.formerly;
  if (e.review_note) out.review_note = e.review_note;
  if (e.checked && row.answer === e.answer && JSON.stringify(row.basis) === JSON.stringify(e.basis)) out.checked = e.checked;
  return out;
}

/** Imports rows as `actor`; rows are handled in order, each on its own (one bad row stops nothing). */
export async function importEntries(store: EntryStore, actor: string, body: Buffer, format: SheetFormat): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], unchanged: [], errors: [] };
  const { rows, error } = await readSheet(body, format);
  if (error) return { ...report, error };
  const seen = new Map<string, number>();
  for (const { row, data } of rows) {
    const id = typeof data.id === 'string' ? data.id : '';
    if (seen.has(id)) {
      report.errors.push({ row, id, field: 'id', message: `与第 ${seen.get(id)} 行的 id 重复` });
      continue;
    }
    seen.set(id, row);
    const current = store.get(id);
    try {
      if (current && sameContent(data, current.entry)) report.unchanged.push(id);
      else if (current) await store.update(actor, id, undefined, { ...kept(current.entry, data), ...data }, 'import'), report.updated.push(id);
      else await store.create(actor, data, 'import'), report.created.push(id);
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      if (err.errors?.length) for (const e of err.errors) report.errors.push({ row, id: id || undefined, field: e.field, message: e.message });
      else report.errors.push({ row, id: id || undefined, field: '', message: err.message });
    }
  }
  return report;
}
