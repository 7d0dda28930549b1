/** Small helpers for the server-rendered printable pages: escaping and the page frame. */

import { escapeHtml } from '../html/escape.js';

/** The one HTML escaper of the project (src/html/escape.ts). */
export { escapeHtml };

/** URL of the shared print stylesheet served by the outreach plugin. */
export const PRINT_CSS_URL = '/outreach/print.css';

/** A complete Chinese HTML page with the print stylesheet; `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string, bodyClass = ''): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PRINT_CSS_URL}">
</head>
<body${bodyClass ? ` class="${escapeHtml(bodyClass)}"` : ''}>
${body}
</body>
</html>
`;
}
