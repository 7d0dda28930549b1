import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSheet } from '../../src/admin/spreadsheet.js';
import { AS_ZHANG, startAdmin, type AdminHarness } from './admin-app.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(() => h.close());

const exportAs = (format: string) => h.app.inject({ method: 'GET', url: `/api/admin/export?format=${format}`, headers: AS_ZHANG });
const importAs = (format: 'csv' | 'xlsx', body: Buffer | string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/admin/import?format=${format}`,
    headers: { ...AS_ZHANG, 'content-type': format === 'csv' ? 'text/csv' : 'application/octet-stream' },
    payload: body,
  });

describe('export and import', () => {
  it.each(['csv', 'xlsx'] as const)('%s: exports every entry and reads back the same rows', async (format) => {
    const r = await exportAs(format);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(`pufa-knowledge.${format}`);
    const { rows, error } = await readSheet(r.rawPayload, format);
    expect(error).toBeUndefined();
    expect(rows.map((x) => x.data.id).sort()).toEqual(['draft-entry', 'permit-validity', 'waste-manifest-a', 'waste-manifest-b', 'waste-storage']);
    const permit = rows.find((x) => x.data.id === 'permit-validity')!.data;
    expect(permit.basis).toEqual([{ source: 'reg-a', article: '第十四条' }]);
    expect(permit.questions).toEqual(['排污许可证管几年', '排污许可证到期时间']);
    // Importing the export unchanged creates nothing.
    const back = (await importAs(format, r.rawPayload)).json();
    expect(back).toMatchObject({ created: [], updated: [], errors: [] });
    expect(back.unchanged).toHaveLength(5);
  });

  it('an import creates drafts and revisions, and reports row-level errors', async () => {
    const csv = [
      'id,kind,topic,title,questions,keywords,answer,basis,related',
      'noise-new,faq,noise,夜间施工要办手续吗,"晚上施工要审批吗\n夜里施工",夜间施工,夜间施工一般需要事先取得证明并公告附近居民。,reg-a 第二十条,',
      'bad-row,faq,weather,短,,,太短,reg-a 十四,ghost',
      'permit-validity,faq,permit,排污许可证有效期多久,"排污许可证管几年\n排污许可证到期时间",有效期,排污许可证有效期为5年，期满60日前申请延续（导入修改）。,reg-a 第十四条,waste-storage',
    ].join('\n');
    const r = await importAs('csv', csv);
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report.created).toEqual(['noise-new']);
    expect(report.updated).toEqual(['permit-validity']);
    const badFields = report.errors
      .filter((e: { row: number }) => e.row === 3)
      .map((e: { field: string }) => e.field)
      .sort();
    expect(badFields).toEqual(['answer', 'basis[0].article', 'title', 'topic']);
    const created = (await h.app.inject({ method: 'GET', url: '/api/admin/entries/noise-new', headers: AS_ZHANG })).json();
    expect(created.status).toBe('draft');
    expect(created.entry.questions).toEqual(['晚上施工要审批吗', '夜里施工']);
    // The published text keeps serving until the revision is approved.
    expect(h.engine.entry('permit-validity')?.answer).not.toContain('导入修改');
    const audit = (await h.app.inject({ method: 'GET', url: '/api/admin/audit', headers: AS_ZHANG })).json().audit;
    expect(audit.map((a: { action: string; entryId: string }) => `${a.action}:${a.entryId}`).sort()).toEqual(['import:noise-new', 'import:permit-validity']);
  });

  it('a changed row keeps the fields the sheet has no column for (formerly, review_note; checked only for the same answer and basis)', async () => {
    const v = h.admin.store.get('waste-storage')!;
    const extra = { formerly: ['原《测试旧法》第十条'], review_note: '核对过原文', checked: { by: '开发组', at: '2026-05-01' } };
    await h.admin.store.update('张三', 'waste-storage', v.version, { ...v.entry, ...extra });
    const sheet = (await exportAs('csv')).rawPayload;
    const row = (await readSheet(sheet, 'csv')).rows.find((x) => x.data.id === 'waste-storage')!.data;
    const csv = [
      'id,kind,topic,title,questions,keywords,answer,basis,related',
      ['waste-storage', row.kind, row.topic, `${row.title}（改）`, '', '', String(row.answer), 'reg-a 第一条', ''].map((c) => `"${String(c)}"`).join(','),
    ].join('\n');
    const r = (await importAs('csv', csv)).json();
    expect(r.errors).toEqual([]);
    const after = h.admin.store.get('waste-storage')!.entry;
    expect(after.title).toContain('（改）');
    expect(after.formerly).toEqual(extra.formerly);
    expect(after.review_note).toBe('核对过原文');
    expect(after.checked).toBeUndefined(); // the basis changed
  });

  it('refuses an unreadable file or unknown columns', async () => {
    expect((await importAs('xlsx', Buffer.from('not a zip'))).statusCode).toBe(400);
    const r = await importAs('csv', 'id,colour\nx,red\n');
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toContain('colour');
  });
});
