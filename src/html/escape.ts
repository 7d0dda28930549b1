/** Escaping text for HTML: the server-rendered pages and Telegram's HTML parse mode use the same rules. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for use in HTML content or a quoted attribute (`&`, `<`, `>`, `"`, `'`). Telegram accepts the
 * result too: it knows &lt; &gt; &amp; &quot; and every numeric entity.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
