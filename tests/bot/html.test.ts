import { describe, expect, it } from 'vitest';
import { escapeHtml, splitMessage } from '../../src/bot/html.js';

describe('escapeHtml', () => {
  it('escapes the three characters Telegram HTML needs', () => {
    expect(escapeHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });
});

describe('splitMessage', () => {
  it('keeps short messages whole', () => {
    expect(splitMessage('一\n\n二')).toEqual(['一\n\n二']);
  });

  it('splits at paragraph boundaries, each part within the limit', () => {
    const paras = Array.from({ length: 10 }, (_, i) => `<b>${i}</b>` + '字'.repeat(30));
    const parts = splitMessage(paras.join('\n\n'), 100);
    expect(parts.join('\n\n')).toBe(paras.join('\n\n'));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(100);
      expect(p.startsWith('<b>')).toBe(true);
    }
  });

  it('cuts an overlong paragraph at lines, then hard, never inside an entity', () => {
    const line = 'a'.repeat(97) + '&amp;' + 'b'.repeat(50);
    const parts = splitMessage(line, 100);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(parts.join('')).toBe(line);
    expect(parts[0].endsWith('a')).toBe(true);
    expect(parts[1].startsWith('&amp;')).toBe(true);
  });
});
