/** The printable A4 poster of an event: what it is, a big QR code, the links and three example questions. */
import { chineseDate } from '../knowledge/validity.js';
import { escapeHtml, htmlPage } from './html.js';
import type { OutreachEvent } from './schema.js';

/** The bot's name as printed on posters and leaflets. */
export const BOT_NAME = '环保普法助手';

/** What a poster shows. */
export interface PosterInput {
  event: OutreachEvent;
  /** The issuing bureau (default in config: 魏都区生态环境局). */
  bureauName: string;
  /** The web chat link of the event (what the QR code opens). */
  chatUrl: string;
  /** The Telegram deep link; omitted from the poster when undefined. */
  telegramUrl?: string;
  /** SVG markup of the QR code of `chatUrl` (from qrSvg: trusted, not escaped). */
  qrSvg: string;
  /** Example questions, three are printed. */
  examples: string[];
}

/** The poster page's HTML; every text is escaped. */
export function renderPoster(p: PosterInput): string {
  const e = p.event;
  const tg = p.telegramUrl ? `<p><span class="label">Telegram 用户</span><a href="${escapeHtml(p.telegramUrl)}">${escapeHtml(p.telegramUrl)}</a></p>` : '';
  const meta = [e.date ? `时间：${chineseDate(e.date)}` : '', e.place ? `地点：${e.place}` : ''].filter(Boolean).join('　');
  const body = `<p class="toolbar">打印本页（A4 纵向）即可张贴；屏幕上看到的灰色背景不会打印。</p>
<main class="sheet poster">
  <p class="brand">${escapeHtml(p.bureauName)} · 普法活动</p>
  <h1>${escapeHtml(e.name)}</h1>
  ${meta ? `<p class="meta">${escapeHtml(meta)}</p>` : ''}
  ${e.greeting ? `<p class="greeting">${escapeHtml(e.greeting)}</p>` : ''}
  <section class="qr-main">
    <div class="qr" role="img" aria-label="网页咨询二维码">${p.qrSvg}</div>
    <div class="links">
      <p><span class="label">微信或手机扫码，问「${escapeHtml(BOT_NAME)}」</span>排污许可、环评验收、执法检查、行政处罚、危废、噪声、环保税……有问题随时问，答案附法律依据。</p>
      <p><span class="label">网页咨询</span><a href="${escapeHtml(p.chatUrl)}">${escapeHtml(p.chatUrl)}</a></p>
      ${tg}
    </div>
  </section>
  <h2>可以这样问</h2>
  <ol class="examples">${p.examples
    .slice(0, 3)
    .map((q) => `<li>${escapeHtml(q)}</li>`)
    .join('')}</ol>
  <p class="foot">${escapeHtml(BOT_NAME)}提供普法宣传信息，不构成法律意见；具体事项以主管部门的正式答复为准。举报环境污染请拨打 12369。活动代码：${escapeHtml(e.code)}</p>
</main>`;
  return htmlPage(`${e.name} - ${BOT_NAME}`, body, 'poster-page');
}

/** The Chinese 404 page for an unknown event or topic, with optional links to what exists. */
export function renderNotFound(what: string, hint: string, links: { href: string; label: string }[] = []): string {
  const list = links.length ? `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a></li>`).join('')}</ul>` : '';
  return htmlPage(
    '未找到 - ' + BOT_NAME,
    `<main class="sheet missing"><p class="brand">${escapeHtml(BOT_NAME)}</p><h1>未找到${escapeHtml(what)}</h1><p>${escapeHtml(hint)}</p>${list}<p><a href="/">进入网页咨询</a></p></main>`,
  );
}
