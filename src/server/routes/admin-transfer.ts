/**
 * GET /api/admin/export?format=xlsx|csv and POST /api/admin/import?format=xlsx|csv: entries as a spreadsheet
 * with the same columns both ways. The import body is the file itself (Content-Type text/csv, the xlsx MIME
 * type or application/octet-stream); every valid row becomes a draft, and row-level errors are reported.
 */
import type { FastifyInstance } from 'fastify';
import type { Admin } from '../../admin/admin.js';
import { importEntries } from '../../admin/import-entries.js';
import { exportEntries, SHEET_TYPES, type SheetFormat } from '../../admin/spreadsheet.js';

const IMPORT_LIMIT = 5 * 1024 * 1024;
const formatQuery = {
  type: 'object',
  properties: { format: { enum: ['xlsx', 'csv'] } },
  additionalProperties: false,
} as const;

/** Export and import routes. */
export async function adminTransferRoutes(app: FastifyInstance, opts: { admin: Admin }): Promise<void> {
  const { store } = opts.admin;
  app.addContentTypeParser(['text/csv', SHEET_TYPES.xlsx, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.get<{ Querystring: { format?: SheetFormat } }>('/api/admin/export', { schema: { querystring: formatQuery } }, async (request, reply) => {
    const format = request.query.format ?? 'xlsx';
    const file = await exportEntries(
      store.list().map((v) => v.entry),
      format,
    );
    return reply.header('content-type', SHEET_TYPES[format]).header('content-disposition', `attachment; filename="pufa-knowledge.${format}"`).send(file);
  });

  app.post<{ Querystring: { format?: SheetFormat }; Body: Buffer }>(
    '/api/admin/import',
    { schema: { querystring: formatQuery }, bodyLimit: IMPORT_LIMIT },
    async (request, reply) => {
      const type = String(request.headers['content-type'] ?? '');
      const format: SheetFormat = request.query.format ?? (type.startsWith('text/csv') ? 'csv' : 'xlsx');
      if (!Buffer.isBuffer(request.body)) return reply.code(400).send({ error: '请以文件内容作为请求体上传（text/csv 或 xlsx）。' });
      const report = await importEntries(store, request.staff!, request.body, format);
      if (report.error) return reply.code(400).send({ error: report.error, ...report });
      return reply.code(report.errors.length && !report.created.length && !report.updated.length ? 400 : 200).send(report);
    },
  );
}
