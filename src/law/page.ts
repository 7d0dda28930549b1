/**
 * The law page of the web chat (GET /law/<source>): the whole text with a table of contents (编/分编/章/节), every
 * article anchored as #a<number> (#a1095), where the text comes from and that the official text prevails. Plain
 * HTML and one stylesheet (/assets/law.css), no script, so the strict CSP holds and it prints.
 */
import { escapeHtml } from '../html/escape.js';
import type { LawArticle, LawText } from './types.js';

/** Where the official texts are published. */
export const OFFICIAL_DATABASE_URL = 'https://flk.npc.gov.cn/';

/** The anchor id of an article: a1095. */
export function articleAnchor(number: number): string {
  return `a${number}`;
}

/** The path of a law page, with the anchor of an article when given: /law/eco-code#a1095. */
export function lawPagePath(source: string, number?: number): string {
  return `/law/${encodeURIComponent(source)}${number ? `#${articleAnchor(number)}` : ''}`;
}

interface Heading {
  level: 'part' | 'subpart' | 'chapter' | 'section';
  label: string;
  id: string;
  first: LawArticle;
  last: LawArticle;
}

/** The headings in order, each with its first and last article (for the table of contents). */
function headingsOf(articles: readonly LawArticle[]): Heading[] {
  const levels: Heading['level'][] = ['part', 'subpart', 'chapter', 'section'];
  const out: Heading[] = [];
  const open = new Map<Heading['level'], Heading>();
  let prevKeys: string[] = [];
  for (const a of articles) {
    // A heading starts where its label, or that of any level above it, changes.
    const keys = levels.map((_, depth) =>
      levels
        .slice(0, depth + 1)
        .map((l) => a[l] ?? '')
        .join('|'),
    );
    levels.forEach((level, depth) => {
      const label = a[level];
      if (keys[depth] !== prevKeys[depth]) {
        open.delete(level);
        if (label) {
          const h: Heading = { level, label, id: `h${out.length + 1}`, first: a, last: a };
          out.push(h);
          open.set(level, h);
        }
      } else if (label) open.get(level)!.last = a;
    });
    prevKeys = keys;
  }
  return out;
}

const TAG: Record<Heading['level'], string> = { part: 'h2', subpart: 'h3', chapter: 'h3', section: 'h4' };

/** The full HTML page of a law. `backHref` is the web chat (default: /). */
export function lawPageHtml(law: LawText, options: { backHref?: string } = {}): string {
  const headings = headingsOf(law.articles);
  const byFirst = new Map<number, Heading[]>();
  for (const h of headings) byFirst.set(h.first.number, [...(byFirst.get(h.first.number) ?? []), h]);
  const range = (h: Heading) => (h.first === h.last ? h.first.article : `${h.first.article}—${h.last.article}`);

  // Table of contents: one <details> per 编, its 分编/章/节 inside.
  const toc: string[] = [];
  let inPart = false;
  for (const h of headings) {
    if (h.level === 'part') {
      if (inPart) toc.push('</ul></details>');
      toc.push(`<details><summary><a href="#${h.id}">${escapeHtml(h.label)}</a> <small>${escapeHtml(range(h))}</small></summary><ul>`);
      inPart = true;
    } else {
      toc.push(`<li class="toc-${h.level}"><a href="#${h.id}">${escapeHtml(h.label)}</a> <small>${escapeHtml(range(h))}</small></li>`);
    }
  }
  if (inPart) toc.push('</ul></details>');

  const body: string[] = [];
  for (const a of law.articles) {
    for (const h of byFirst.get(a.number) ?? []) body.push(`<${TAG[h.level]} id="${h.id}" class="${h.level}">${escapeHtml(h.label)}</${TAG[h.level]}>`);
    const paragraphs = a.text
      .split('\n')
      .map((p, i) => `<p>${i === 0 ? `<a class="num" href="#${articleAnchor(a.number)}">${escapeHtml(a.article)}</a>\u3000` : ''}${escapeHtml(p)}</p>`);
    body.push(`<article id="${articleAnchor(a.number)}">${paragraphs.join('')}</article>`);
  }

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(law.name)} · 全文</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/law.css">
</head>
<body>
<header id="top">
<p class="back"><a href="${escapeHtml(options.backHref ?? '/')}">← 返回环保普法助手</a></p>
<h1>${escapeHtml(law.name)}</h1>
<p class="origin">${escapeHtml(law.origin)}</p>
<p class="official"><strong>${escapeHtml(law.official)}</strong> 官方文本：<a href="${OFFICIAL_DATABASE_URL}" rel="noopener">国家法律法规数据库 flk.npc.gov.cn</a></p>
</header>
<nav class="toc" aria-label="目录">
<h2>目录</h2>
${toc.join('\n')}
</nav>
<main>
${body.join('\n')}
</main>
<footer><p>${escapeHtml(law.official)}</p><p><a href="#top">回到顶部</a> · <a href="${escapeHtml(options.backHref ?? '/')}">返回环保普法助手</a></p></footer>
</body>
</html>
`;
}
