/**
 * The staff console in a real browser (Debian's Chromium via playwright-core), at 1280×800 and 360×740: a
 * clerk signs in and writes a draft in the form (live validation, 「草稿已保存」), the author is refused
 * approval, a second clerk approves it from 「待审核」, and the next public question is answered from it
 * without a restart; a visitor's 留言 from the web chat reaches 「留言」, and the clerk's reply reaches the
 * visitor by the receipt code. Screenshots go to test-output/console/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, launchChromium, watchedPage } from '../helpers/browser.js';
import { STAFF } from '../admin/admin-app.js';
import { startConsoleApp, type ConsoleApp } from './console-app.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output/console');

/**
 * Problems a person would notice, less what this test provokes on purpose: the author's refused approval, the
 * wrong token, the requests made while the session is expired (401 on /api/admin), and the optional law lookup.
 */
const unexpected = (problems: string[]) =>
  problems.filter(
    (p) =>
      !/^403 .*\/approve$/.test(p) &&
      !/^401 .*\/admin\/login$/.test(p) &&
      !/^401 .*\/api\/admin\//.test(p) &&
      !/\/api\/laws\//.test(p) &&
      !/status of 40[134] /.test(p),
  );

describe.skipIf(!hasChromium)(`staff console in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let browser: Browser;
  let s: ConsoleApp;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const signIn = async (page: Page, token: string, name: string) => {
    await page.goto(s.base + '/admin');
    await page.getByLabel('工作人员令牌', { exact: true }).fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('#who').textContent()).toBe('当前登录：' + name);
  };

  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ] as const) {
    it(`at ${width}×${height}: draft in the form → approved by a second clerk → answered; 留言 → reply by receipt code`, { timeout: 120_000 }, async () => {
      s = await startConsoleApp();
      const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, `${name}-${width}x${height}.png`), fullPage: true });
      try {
        const a = await watchedPage(browser, s.base, { width, height });
        const page = a.page;
        page.setDefaultTimeout(8000);
        await page.goto(s.base + '/admin');
        await shot(page, '01-login');
        // A wrong token: plain Chinese, no developer words.
        await page.getByLabel('工作人员令牌', { exact: true }).fill('wrong-token-0000000000');
        await page.getByRole('button', { name: '登录' }).click();
        await expect.poll(() => page.locator('#login-error').textContent()).toContain('令牌不正确');
        expect(await page.locator('#login-error').textContent()).not.toMatch(/Authorization|Bearer|请求头/);
        await signIn(page, STAFF[0].token, '张三');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await shot(page, '02-entries');

        // 张三 writes a draft in the form.
        await page.getByRole('link', { name: '新建条目' }).click();
        await page.getByLabel('编号', { exact: true }).fill('noise-sunday-work');
        await page.getByLabel('类型', { exact: true }).selectOption('faq');
        await page.getByLabel('主题', { exact: true }).selectOption('noise');
        await page.getByLabel('标题', { exact: true }).fill('周日装修有没有时间限制');
        await page.getByLabel('相似问', { exact: true }).fill('周末能装修吗\n星期天装修几点开始');
        await page.getByLabel('关键词', { exact: true }).fill('装修，周末');
        await page
          .getByLabel('答复', { exact: true })
          .fill('周日装修也要遵守当地规定的作业时间，午间和夜间不得进行产生噪声的装修作业。\n\n具体时间以当地政府公告为准。');
        await page.getByLabel('来源', { exact: true }).selectOption('reg-a');
        // Live validation with check-knowledge's message, then corrected.
        await page.getByLabel('条款', { exact: true }).fill('二十条');
        await expect.poll(() => page.locator('.b-error').first().textContent()).toContain('条款须写成“第…条”');
        await page.getByLabel('条款', { exact: true }).fill('第二十条');
        await expect.poll(() => page.locator('.b-error').first().textContent()).toBe('');
        await shot(page, '03-form');
        // The session ends mid-edit (cookie gone): saving asks to sign in again, and the typed form is still there.
        await a.context.clearCookies();
        await page.getByRole('button', { name: '保存草稿' }).click();
        await expect.poll(() => page.locator('#login-error').textContent()).toContain('登录已过期');
        await page.getByLabel('工作人员令牌', { exact: true }).fill(STAFF[0].token);
        await page.getByRole('button', { name: '登录' }).click();
        await expect.poll(() => page.getByLabel('标题', { exact: true }).inputValue()).toBe('周日装修有没有时间限制');
        await page.getByRole('button', { name: '保存草稿' }).click();
        await expect.poll(() => page.locator('form [role=status]').textContent()).toContain('草稿已保存');
        expect(s.admin.store.get('noise-sunday-work')?.status).toBe('draft');

        // The author is refused, with the reason.
        await page.getByRole('link', { name: /^待审核/ }).click();
        const mine = page.locator('#review-noise-sunday-work');
        await mine.getByRole('button', { name: '批准发布' }).click();
        await expect.poll(() => mine.locator('[role=alert]').textContent()).toContain('最后编辑人以外');
        await shot(page, '04-refused');

        // 李四 approves it from 待审核, in another browser.
        const b = await watchedPage(browser, s.base, { width, height });
        b.page.setDefaultTimeout(8000);
        await signIn(b.page, STAFF[1].token, '李四');
        await b.page.getByRole('link', { name: /^待审核/ }).click();
        const item = b.page.locator('#review-noise-sunday-work');
        await item.waitFor();
        await expect.poll(() => item.locator('.diff .add').count()).toBeGreaterThan(3);
        await item.getByRole('button', { name: '批准发布' }).click();
        await expect.poll(() => item.locator('[role=status]').textContent()).toContain('已批准发布');
        await shot(b.page, '05-approved');

        // The next public question is answered from it, without a restart, with the recorded 法制审核.
        const asked = await (
          await fetch(s.base + '/api/ask', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question: '周日装修有没有时间限制' }),
          })
        ).json();
        expect(asked.entry).toMatchObject({ id: 'noise-sunday-work', reviewed: { by: '李四' } });

        // A published entry written outside the console has no recorded review: 李四 confirms its text in 知识条目.
        await b.page.getByRole('link', { name: '知识条目' }).click();
        await b.page.getByLabel('搜索').fill('有效期');
        await expect.poll(() => b.page.locator('#view .hint').first().textContent()).toBe('共 1 个条目');
        const permit = b.page.locator('article', { hasText: '排污许可证有效期多久' });
        await expect.poll(() => permit.textContent()).toContain('无法制审核记录');
        await permit.getByRole('button', { name: '确认法制审核' }).click();
        await permit.getByRole('button', { name: '我已审核，以现有文本确认' }).click();
        await expect.poll(() => permit.textContent()).toContain('法制审核：李四');

        // A visitor leaves a 留言 from the web chat.
        const v = await watchedPage(browser, s.base, { width, height });
        v.page.setDefaultTimeout(8000);
        await v.page.goto(s.base + '/');
        await v.page.locator('#q').fill('小区里的快递柜噪音归谁管');
        await v.page.locator('#q').press('Enter');
        const leave = v.page.locator('#log .msg.bot.fallback .leave').last();
        await leave.click();
        await v.page.getByLabel('联系电话', { exact: true }).fill('13800000000');
        await v.page.locator('#msg-consent').check();
        await v.page.getByRole('button', { name: '提交留言' }).click();
        await v.page.getByRole('heading', { name: '已收到' }).waitFor();
        const code = (await v.page.locator('.receipt').textContent())!.trim();

        // It reaches 「留言」; 李四 replies there.
        await b.page.getByRole('link', { name: /^留言/ }).click();
        const card = b.page.locator('article', { hasText: '小区里的快递柜噪音归谁管' });
        await card.waitFor();
        expect(await card.textContent()).toContain(code);
        expect(await card.textContent()).toContain('待处理');
        await card.getByLabel('答复（群众可见）').fill('快递柜噪音请向物业反映，也可拨打 12345。');
        await card.getByLabel('内部备注（群众看不到）').fill('已电话联系');
        await card.getByRole('button', { name: '发送答复' }).click();
        await b.page.getByRole('option', { name: '已回复' }).waitFor({ state: 'attached' });
        await b.page.getByLabel('显示').selectOption('replied');
        await expect.poll(() => b.page.locator('article', { hasText: code }).textContent()).toContain('处理人 李四');
        await shot(b.page, '06-messages');

        // The visitor reads the reply by the receipt code (not the internal note).
        await v.page.getByRole('button', { name: '查看处理情况' }).click();
        await expect.poll(() => v.page.locator('.lookup-result').textContent()).toContain('快递柜噪音请向物业反映');
        expect(await v.page.locator('.lookup-result').textContent()).not.toContain('已电话联系');
        await shot(v.page, '07-visitor-reply');

        // The visitor's unanswered question is a 待补充问题; 据此新建条目 prefills the form.
        await b.page.getByRole('link', { name: '待补充问题' }).click();
        const gap = b.page.locator('article', { hasText: '小区里的快递柜噪音归谁管' });
        await gap.getByRole('button', { name: '据此新建条目' }).click();
        await expect.poll(() => b.page.getByLabel('标题', { exact: true }).inputValue()).toBe('小区里的快递柜噪音归谁管');
        await shot(b.page, '07-gap-prefill');

        // 统计 and 活动 open inside the console; then 退出登录.
        await b.page.getByRole('link', { name: '统计' }).click();
        await b.page.getByText('咨询总数').waitFor();
        await shot(b.page, '08-stats');
        await b.page.getByRole('link', { name: '活动' }).click();
        await b.page.getByLabel('活动代码').fill('songfa' + width);
        await b.page.getByLabel('活动名称').fill('送法入企——危险废物');
        await b.page.getByLabel('日期').fill('2026-12-10');
        await b.page.getByLabel('地点').fill('魏都区产业园');
        await b.page.getByLabel('欢迎语').fill('欢迎扫码提问生态环境法律问题');
        await b.page.getByRole('button', { name: '创建活动' }).click();
        await b.page.getByRole('link', { name: '打印海报' }).first().waitFor();
        expect(await b.page.getByRole('link', { name: '打印海报' }).first().getAttribute('href')).toBe('/events/songfa' + width);
        await shot(b.page, '09-events');
        await b.page.getByRole('button', { name: '退出登录' }).click();
        await b.page.getByLabel('工作人员令牌', { exact: true }).waitFor();

        expect(unexpected(a.problems)).toEqual([]);
        expect(unexpected(b.problems)).toEqual([]);
        expect(v.problems.filter((p) => !/status of 40[34]/.test(p))).toEqual([]);
        await Promise.all([a.context.close(), b.context.close(), v.context.close()]);
      } finally {
        await s.close();
      }
    });
  }
});
