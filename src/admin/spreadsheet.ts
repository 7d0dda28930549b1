/**
 * Entries as spreadsheet rows (xlsx or csv, the same columns both ways) so staff can work in Excel/WPS.
 * Lists are one item per line inside a cell; a basis line is `source article` (e.g. `permit-regulation 第十四条`).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Entry } from '../knowledge/schema.js';

/** Spreadsheet formats. */
export type SheetFormat = 'xlsx' | 'csv';

/** Column order of export and import. status, reviewed_* and updated are exported but ignored on import. */
export const COLUMNS = [
  'id',
  'kind',
  'topic',
  'title',
  'questions',
  'keywords',
  'answer',
  'basis',
  'related',
  'status',
  'reviewed_by',
  'reviewed_at',
  'updated',
  'valid_from',
  'valid_until',
] as const;

/** MIME type of each format. */
export const SHEET_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const lines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function toRow(e: Entry): string[] {
  const cell: Record<(typeof COLUMNS)[number], string> = {
    id: e.id,
    kind: e.kind,
    topic: e.topic,
    title: e.title,
    questions: e.questions.join('\n'),
    keywords: e.keywords.join('\n'),
    answer: e.answer,
    basis: e.basis.map((b) => `${b.source} ${b.article}`).join('\n'),
    related: e.related.join('\n'),
    status: e.status,
    reviewed_by: e.reviewed?.by ?? '',
    reviewed_at: e.reviewed?.at ?? '',
    updated: e.updated,
    valid_from: e.valid_from ?? '',
    valid_until: e.valid_until ?? '',
  };
  return COLUMNS.map((c) => cell[c]);
}

/** Writes entries as an xlsx workbook or a UTF-8 csv (with BOM, so Excel reads the Chinese right). */
export async function exportEntries(entries: readonly Entry[], format: SheetFormat): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('entries');
  ws.addRow([...COLUMNS]);
  for (const e of entries) ws.addRow(toRow(e));
  if (format === 'csv') return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from((await wb.csv.writeBuffer()) as unknown as ArrayBuffer)]);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const col of ws.columns) col.width = 24;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One data row read back: its spreadsheet row number and the entry-shaped object it describes. */
export interface SheetRow {
  /** 1-based row number in the sheet (the header is row 1). */
  row: number;
  data: Record<string, unknown>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** Reads rows; the header row names the columns (any order; unknown columns are reported). */
export async function readSheet(body: Buffer, format: SheetFormat): Promise<{ rows: SheetRow[]; error?: string }> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'csv') {
      const text = body.toString('utf8').replace(/^\uFEFF/, '');
      ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v } as never);
    } else {
      await wb.xlsx.load(body as never);
      ws = wb.worksheets[0];
    }
  } catch {
    return { rows: [], error: `无法读取 ${format} 文件` };
  }
  if (!ws) return { rows: [], error: '文件中没有工作表' };
  const header = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).map((v) => cellText(v).trim());
  const unknown = header.filter((h, i) => i > 0 && h && !(COLUMNS as readonly string[]).includes(h));
  if (!header.includes('id')) return { rows: [], error: `第 1 行应为列名：${COLUMNS.join(', ')}` };
  if (unknown.length) return { rows: [], error: `不认识的列：${unknown.join(', ')}（可用列：${COLUMNS.join(', ')}）` };
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      if (i > 0 && h) cells[h] = cellText(r.getCell(i).value).trim();
    });
    if (Object.values(cells).every((c) => !c)) return;
    rows.push({ row: n, data: fromCells(cells) });
  });
  return { rows };
}

/** Turns cells into an entry-shaped object (server-managed columns dropped, empty optional cells omitted). */
function fromCells(c: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: c.id ?? '',
    kind: c.kind ?? '',
    topic: c.topic ?? '',
    title: c.title ?? '',
    questions: lines(c.questions ?? ''),
    keywords: lines(c.keywords ?? ''),
    answer: (c.answer ?? '').replace(/\r\n/g, '\n'),
    basis: lines(c.basis ?? '').map((l) => {
      const at = l.search(/\s/);
      return at > 0 ? { source: l.slice(0, at), article: l.slice(at).trim() } : { source: l, article: '' };
    }),
    related: lines(c.related ?? ''),
  };
  if (c.valid_from) data.valid_from = c.valid_from;
  if (c.valid_until) data.valid_until = c.valid_until;
  return data;
}
