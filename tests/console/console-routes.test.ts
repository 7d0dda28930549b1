/**
 * The staff console over fastify.inject: sign-in and session cookie, CSRF refusal, the console session as an
 * alternative to the token on the same admin routes, the four-eyes rule, live validation, 退回修改, and the
 * console's own read routes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSRF_MESSAGE, STAFF_AUTH_MESSAGE } from '../../src/server/routes/admin-api.js';
import { SESSION_COOKIE } from '../../src/console/session.js';
import { AS_LI, AS_ZHANG, STAFF, TODAY, newEntry, startAdmin, type AdminHarness } from '../admin/admin-app.js';
import { ConsoleClient } from './session-client.js';

let h: AdminHarness;
beforeEach(async () => {
  h = await startAdmin();
});
afterEach(async () => {
  vi.useRealTimers();
  await h.close();
});

const signedIn = async (token: string) => {
  const c = new ConsoleClient(h.app);
  expect((await c.login(token)).statusCode).toBe(200);
  return c;
};
const zhang = () => signedIn(STAFF[0].token);
const li = () => signedIn(STAFF[1].token);

describe('pages', () => {
  it('serves the console page and its assets under the strict CSP, with no external reference and no HTML parsing in its scripts', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/admin' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('工作人员令牌');
    // The page's own assets; the empty data: icon only stops the browser asking for /favicon.ico.
    const srcs = [...page.body.matchAll(/(?:src|href)="([^"#]+)"/g)].map((m) => m[1]).filter((s) => s !== 'data:,');
    expect(srcs.length).toBeGreaterThan(3);
    for (const s of srcs) {
      expect(s.startsWith('/admin/assets/')).toBe(true);
      const asset = await h.app.inject({ method: 'GET', url: s });
      expect(asset.statusCode).toBe(200);
      if (s.endsWith('.js')) expect(asset.body, s).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});

describe('without staff configured', () => {
  it('the console says staff features are off, and sign-in answers 503 in Chinese', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const app = await buildApp({ engine: h.engine, rateLimitPerMinute: 0 });
    const c = new ConsoleClient(app);
    expect(await c.session()).toMatchObject({ enabled: false, staff: null, message: expect.stringContaining('工作人员功能未开启') });
    const res = await c.send('POST', '/admin/login', { token: STAFF[0].token });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toContain('工作人员功能未开启');
    expect((await app.inject({ method: 'GET', url: '/admin' })).statusCode).toBe(200);
    await app.close();
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie with an expiry, and not Secure over plain http', async () => {
    const c = new ConsoleClient(h.app);
    await c.session();
    const res = await c.login(STAFF[0].token);
    expect(res.json().staff).toBe('张三');
    const cookie = res.cookies.find((x) => x.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 8 * 3600 });
    expect(cookie.secure).toBeFalsy();
    expect(await c.session()).toMatchObject({ staff: '张三', enabled: true, features: { messages: false } });
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const { buildApp } = await import('../../src/server/app.js');
    const app = await buildApp({ engine: h.engine, admin: h.admin, rateLimitPerMinute: 0, outreach: { publicUrl: 'https://pufa.example.cn' } as never });
    const c = new ConsoleClient(app);
    const res = await c.login(STAFF[0].token);
    expect(res.cookies.find((x) => x.name === SESSION_COOKIE)?.secure).toBe(true);
    await app.close();
  });

  it('limits sign-in attempts per address, with a Chinese message', async () => {
    const c = new ConsoleClient(h.app);
    await c.session();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await c.send('POST', '/admin/login', { token: 'wrong-token-000000000000' })).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await c.send('POST', '/admin/login', { token: STAFF[0].token });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatch(/一分钟后再试/);
  });

  it('refuses a wrong token in plain Chinese, and a sign-in without the CSRF token', async () => {
    const c = new ConsoleClient(h.app);
    await c.session();
    const wrong = await c.login('not-the-token-at-all-0000');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatch(/令牌不正确/);
    expect(wrong.json().error).not.toMatch(/Authorization|Bearer|请求头/);
    const noCsrf = await c.send('POST', '/admin/login', { token: STAFF[0].token }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toBe(CSRF_MESSAGE);
  });

  it('accepts the token as a form body too (@fastify/formbody), with _csrf in the form', async () => {
    const c = new ConsoleClient(h.app);
    await c.session();
    const res = await h.app.inject({
      method: 'POST',
      url: '/admin/login',
      cookies: { [SESSION_COOKIE]: c.cookie },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token: STAFF[1].token, _csrf: c.csrf }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().staff).toBe('李四');
  });

  it('logs out (CSRF-protected): the cookie is cleared and the API refuses it', async () => {
    const c = await zhang();
    const stale = c.cookie;
    expect((await c.send('POST', '/admin/logout', undefined, { csrf: false })).statusCode).toBe(403);
    const out = await c.send('POST', '/admin/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((x) => x.name === SESSION_COOKIE)?.maxAge).toBe(0);
    expect((await c.send('GET', '/api/admin/entries')).statusCode).toBe(401);
    expect(stale).not.toBe(c.cookie);
  });

  it('expires after 8 hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-01T01:00:00Z') });
    const c = await zhang();
    expect((await c.send('GET', '/api/admin/entries')).statusCode).toBe(200);
    vi.setSystemTime(new Date('2026-06-01T09:01:00Z'));
    const res = await c.send('GET', '/api/admin/entries');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe(STAFF_AUTH_MESSAGE);
  });
});

describe('the admin API through the console session', () => {
  it('authenticates reads by the cookie alone, and writes only with the CSRF token', async () => {
    const c = await zhang();
    expect((await c.send('GET', '/api/admin/entries')).statusCode).toBe(200);
    const forged = await c.send('POST', '/api/admin/entries', newEntry(), { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error).toBe(CSRF_MESSAGE);
    const wrong = await c.send('POST', '/api/admin/entries', newEntry(), { headers: { 'x-csrf-token': 'forged' }, csrf: false });
    expect(wrong.statusCode).toBe(403);
    expect(h.admin.store.get('noise-night-work')).toBeUndefined();
    expect((await c.send('POST', '/api/admin/entries', newEntry())).statusCode).toBe(201);
    expect(h.admin.audit.lastEditor('noise-night-work')).toBe('张三');
  });

  it('keeps the token API working without CSRF, and answers without either in plain Chinese', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/admin/entries',
      headers: { ...AS_ZHANG, 'content-type': 'application/json' },
      payload: JSON.stringify(newEntry()),
    });
    expect(res.statusCode).toBe(201);
    const none = await h.app.inject({ method: 'GET', url: '/api/admin/entries' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe(STAFF_AUTH_MESSAGE);
    expect(none.json().error).not.toMatch(/Authorization|Bearer|请求头/);
  });

  it('a wrong token is not rescued by a valid cookie', async () => {
    const c = await zhang();
    const res = await c.send('GET', '/api/admin/entries', undefined, { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong' } });
    expect(res.statusCode).toBe(401);
  });

  it('four eyes: the author cannot approve (403, with the reason); a second clerk can, and the next question is answered from it', async () => {
    const a = await zhang();
    expect((await a.send('POST', '/api/admin/entries', newEntry())).statusCode).toBe(201);
    const self = await a.send('POST', '/api/admin/entries/noise-night-work/approve', {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatch(/最后编辑人以外/);
    const b = await li();
    const ok = await b.send('POST', '/api/admin/entries/noise-night-work/approve', {});
    expect(ok.statusCode).toBe(200);
    const ask = await h.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '夜间施工需要办什么手续' } });
    expect(ask.json().entry).toMatchObject({ id: 'noise-night-work', reviewed: { by: '李四', at: TODAY } });
  });

  it('retire through the session needs CSRF too', async () => {
    const c = await li();
    expect((await c.send('POST', '/api/admin/entries/waste-storage/retire', {}, { csrf: false })).statusCode).toBe(403);
    expect((await c.send('POST', '/api/admin/entries/waste-storage/retire', {})).statusCode).toBe(200);
  });
});

describe('console routes', () => {
  it('every console route needs a staff member (401 without)', async () => {
    for (const [method, url] of [
      ['GET', '/api/admin/console/form'],
      ['GET', '/api/admin/console/entries'],
      ['GET', '/api/admin/console/entries/permit-validity'],
      ['GET', '/api/admin/console/review'],
      ['POST', '/api/admin/console/validate'],
      ['POST', '/api/admin/entries/draft-entry/return'],
    ] as const) {
      const res = await h.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('form: fields, options and limits come from the entry schema', async () => {
    const c = await zhang();
    const form = (await c.send('GET', '/api/admin/console/form')).json();
    const byName = Object.fromEntries(form.fields.map((f: { name: string }) => [f.name, f]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['id', 'kind', 'topic', 'title', 'questions', 'keywords', 'answer', 'basis', 'related']));
    expect(Object.keys(byName)).not.toContain('status');
    expect(byName.title).toMatchObject({ label: '标题', required: true, minLength: 2, maxLength: 80 });
    expect(byName.kind.options.map((o: { value: string }) => o.value)).toEqual(['faq', 'law', 'case', 'guide', 'report']);
    expect(byName.topic.options[0]).toEqual({ value: 'permit', label: '排污许可' });
    expect(form.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['reg-a', 'law-old', 'code-new']));
  });

  it('validate: the messages of check-knowledge, field by field; a taken id when creating', async () => {
    const c = await zhang();
    const bad = await c.send('POST', '/api/admin/console/validate', {
      entry: newEntry('permit-validity', { title: '', basis: [{ source: 'nope', article: '十四' }], related: ['missing-one'] }),
      create: true,
    });
    expect(bad.statusCode).toBe(200);
    const errors = bad.json().errors as { field: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'id', message: expect.stringContaining('已被条目') },
        { field: 'title', message: '内容太短或为空' },
        { field: 'basis[0].article', message: '条款须写成“第…条”（中文数字），标准写成“表1”等' },
      ]),
    );
    const cross = (
      await c.send('POST', '/api/admin/console/validate', {
        entry: newEntry('x-new', { basis: [{ source: 'nope', article: '第一条' }], related: ['missing-one'] }),
      })
    ).json();
    expect(cross.errors).toEqual(
      expect.arrayContaining([
        { field: 'basis[0].source', message: '未知来源 “nope”（先在 sources.yaml 中登记）' },
        { field: 'related[0]', message: '关联条目 “missing-one” 不存在' },
      ]),
    );
    const good = (await c.send('POST', '/api/admin/console/validate', { entry: newEntry() })).json();
    expect(good).toMatchObject({ ok: true, errors: [], warnings: [] });
    // A draft without a basis saves, but approval would refuse it: said now, in the approval's words.
    const noBasis = (await c.send('POST', '/api/admin/console/validate', { entry: newEntry('x-new', { basis: [] }) })).json();
    expect(noBasis).toMatchObject({ ok: true, warnings: [{ field: 'basis', message: '批准发布时将被拒绝：除 report 外，发布的条目都必须有法律依据' }] });
    // The same body is refused by the save route with the same field errors.
    const saved = await c.send('POST', '/api/admin/entries', newEntry('x-new', { basis: [{ source: 'nope', article: '第一条' }] }));
    expect(saved.statusCode).toBe(400);
    expect(saved.json().errors).toEqual(expect.arrayContaining([{ field: 'basis[0].source', message: '未知来源 “nope”（先在 sources.yaml 中登记）' }]));
  });

  it('validate: a body that is not an entry gets a Chinese 400', async () => {
    const c = await zhang();
    const res = await c.send('POST', '/api/admin/console/validate', { entry: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/请求格式不正确/);
  });

  it('entries: search, filters, and the reply exactly as the public gets it', async () => {
    const c = await zhang();
    const all = (await c.send('GET', '/api/admin/console/entries')).json().entries;
    expect(all.length).toBe(h.admin.store.list().length);
    const found = (await c.send('GET', '/api/admin/console/entries?q=' + encodeURIComponent('有效期'))).json().entries;
    expect(found.map((e: { id: string }) => e.id)).toEqual(['permit-validity']);
    const drafts = (await c.send('GET', '/api/admin/console/entries?status=pending')).json().entries;
    expect(drafts.map((e: { id: string }) => e.id)).toEqual(['draft-entry']);
    expect((await c.send('GET', '/api/admin/console/entries?topic=nope')).statusCode).toBe(400);
    const detail = (await c.send('GET', '/api/admin/console/entries/permit-validity')).json();
    const asked = (await h.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json();
    expect(asked.entry.id).toBe('permit-validity');
    expect(detail.publicReply).toBe(asked.text);
  });

  it('entries: the fixture’s hand-written reviewed is not a recorded 法制审核 (flag unreviewed)', async () => {
    const c = await zhang();
    const unreviewed = (await c.send('GET', '/api/admin/console/entries?flag=unreviewed')).json().entries.map((e: { id: string }) => e.id);
    expect(unreviewed).toContain('permit-validity');
  });

  it('review queue: drafts and revisions with author and diff; 退回修改 recorded with its comment until the next edit', async () => {
    const a = await zhang();
    const v = (await a.send('GET', '/api/admin/entries/permit-validity')).json();
    const body = { ...v.entry, answer: '排污许可证有效期为5年，期满60日前向审批部门申请延续。' };
    expect((await a.send('PUT', '/api/admin/entries/permit-validity', body, { headers: { 'if-match': v.version } })).statusCode).toBe(200);
    const b = await li();
    const queue = (await b.send('GET', '/api/admin/console/review')).json().items;
    const item = queue.find((i: { id: string }) => i.id === 'permit-validity');
    expect(item).toMatchObject({ author: '张三', pendingRevision: true, sentBack: null });
    expect(item.diff).toEqual(
      expect.arrayContaining([
        { op: '-', text: '答复：排污许可证有效期为5年，期满60日前申请延续。' },
        { op: '+', text: '答复：排污许可证有效期为5年，期满60日前向审批部门申请延续。' },
      ]),
    );
    expect(item.reply).toContain('向审批部门申请延续');
    expect(queue.map((i: { id: string }) => i.id)).toContain('draft-entry');

    expect((await b.send('POST', '/api/admin/entries/permit-validity/return', { comment: '  ' })).statusCode).toBe(400);
    expect((await b.send('POST', '/api/admin/entries/permit-validity/return', { comment: '请写明向哪个部门申请。' }, { csrf: false })).statusCode).toBe(403);
    expect((await b.send('POST', '/api/admin/entries/waste-storage/return', { comment: '无草稿' })).statusCode).toBe(409);
    const sent = await b.send('POST', '/api/admin/entries/permit-validity/return', { comment: '请写明向哪个部门申请。' });
    expect(sent.statusCode).toBe(200);
    // The author sees it, and sending back does not make 李四 an editor: 李四 can still approve later.
    const seen = (await a.send('GET', '/api/admin/console/entries/permit-validity')).json();
    expect(seen.sentBack).toMatchObject({ by: '李四', comment: '请写明向哪个部门申请。' });
    const listed = (await a.send('GET', '/api/admin/console/entries?status=pending')).json().entries.find((e: { id: string }) => e.id === 'permit-validity');
    expect(listed.sentBack).toMatchObject({ comment: '请写明向哪个部门申请。' });
    expect(h.admin.audit.lastEditor('permit-validity')).toBe('张三');
    const again = (await a.send('GET', '/api/admin/entries/permit-validity')).json();
    await a.send(
      'PUT',
      '/api/admin/entries/permit-validity',
      { ...again.entry, answer: '排污许可证有效期为5年，期满60日前向原核发部门申请延续。' },
      { headers: { 'if-match': again.version } },
    );
    expect((await a.send('GET', '/api/admin/console/entries/permit-validity')).json().sentBack).toBeNull();
    expect((await b.send('POST', '/api/admin/entries/permit-validity/approve', {})).statusCode).toBe(200);
  });
});

describe('确认法制审核 of a published text', () => {
  it('records the reviewer like an approval (shown to the public), needs CSRF, refuses the last editor and entries with a waiting revision', async () => {
    const b = await li();
    expect((await b.send('POST', '/api/admin/entries/permit-validity/confirm-review', {}, { csrf: false })).statusCode).toBe(403);
    expect((await b.send('POST', '/api/admin/entries/draft-entry/confirm-review', {})).statusCode).toBe(409);
    const ok = await b.send('POST', '/api/admin/entries/permit-validity/confirm-review', {});
    expect(ok.statusCode).toBe(200);
    const asked = (await h.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json();
    expect(asked.entry.reviewed).toEqual({ by: '李四', at: TODAY });
    expect(h.admin.audit.list({ entryId: 'permit-validity' })[0]).toMatchObject({ action: 'approve', actor: '李四' });

    // 张三 edits waste-storage (a revision waits): confirming the old text is refused; after approval 张三 cannot confirm his own.
    const a = await zhang();
    const v = (await a.send('GET', '/api/admin/entries/waste-storage')).json();
    await a.send(
      'PUT',
      '/api/admin/entries/waste-storage',
      { ...v.entry, keywords: [...v.entry.keywords, '贮存期限'] },
      { headers: { 'if-match': v.version } },
    );
    expect((await b.send('POST', '/api/admin/entries/waste-storage/confirm-review', {})).statusCode).toBe(409);
    const self = await a.send('POST', '/api/admin/entries/waste-storage/confirm-review', {});
    expect(self.statusCode).toBe(409);
    expect((await b.send('POST', '/api/admin/entries/waste-storage/approve', {})).statusCode).toBe(200);
  });

  it('the writer of a published text cannot confirm it, and a text with a recorded review needs none', async () => {
    const a = await zhang();
    const v = (await a.send('GET', '/api/admin/entries/draft-entry')).json();
    await a.send('PUT', '/api/admin/entries/draft-entry', { ...v.entry, title: '夜间施工噪声草稿（改）' }, { headers: { 'if-match': v.version } });
    const b = await li();
    expect((await b.send('POST', '/api/admin/entries/draft-entry/approve', {})).statusCode).toBe(200);
    // Reviewed already (by 李四): nothing to confirm.
    expect((await b.send('POST', '/api/admin/entries/draft-entry/confirm-review', {})).json().error).toMatch(/已由李四于 .* 完成法制审核/);
    // A hand edit drops the recorded review. 张三 wrote the text (the hand edit does not make it someone else's),
    // so 张三 may not confirm it; 李四 may.
    const file = path.join(h.dir, h.admin.store.get('draft-entry')!.file);
    await writeFile(file, (await readFile(file, 'utf8')).replace('未审核的草稿条目', '未经审核的草稿条目'));
    await h.admin.watcher.reload([h.admin.store.get('draft-entry')!.file]);
    const self = await a.send('POST', '/api/admin/entries/draft-entry/confirm-review', {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatch(/最后编辑人以外/);
    expect((await b.send('POST', '/api/admin/entries/draft-entry/confirm-review', {})).statusCode).toBe(200);
  });
});

describe('reviewed means reviewed', () => {
  it('a hand-written reviewed is not shown to the public; an approval shows who and when; a later hand edit drops it', async () => {
    const ask = async () => (await h.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '排污许可证有效期多久' } })).json();
    expect((await ask()).entry.reviewed).toBeUndefined();
    expect((await h.app.inject({ method: 'GET', url: '/api/entries/permit-validity' })).json().reviewed).toBeUndefined();

    const v = (await h.app.inject({ method: 'GET', url: '/api/admin/entries/permit-validity', headers: AS_ZHANG })).json();
    await h.app.inject({
      method: 'PUT',
      url: '/api/admin/entries/permit-validity',
      headers: { ...AS_ZHANG, 'if-match': v.version },
      payload: { ...v.entry, keywords: ['有效期', '延续'] },
    });
    expect((await h.app.inject({ method: 'POST', url: '/api/admin/entries/permit-validity/approve', headers: AS_LI })).statusCode).toBe(200);
    expect((await ask()).entry.reviewed).toEqual({ by: '李四', at: TODAY });
    expect((await h.app.inject({ method: 'GET', url: '/api/entries/permit-validity' })).json().reviewed).toEqual({ by: '李四', at: TODAY });

    // A hand edit of the approved file (the watcher reloads it) keeps `reviewed:` but is not what was approved.
    const file = path.join(h.dir, 'faq/permit-validity.yaml');
    const text = (await readFile(file, 'utf8')).replace('期满60日前', '期满30日前');
    await writeFile(file, text);
    await h.admin.watcher.reload(['faq/permit-validity.yaml']);
    const after = await ask();
    expect(after.text).toContain('期满30日前');
    expect(after.entry.reviewed).toBeUndefined();
  });
});
