import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/runtime.js';
import { leafletEntries, LEAFLET_SIZE, shortAnswer } from '../../src/events/leaflet.js';
import { baseUrl, chatLink, questionLink, telegramLink } from '../../src/events/links.js';
import { qrPng, qrSvg } from '../../src/events/qr.js';
import { escapeHtml } from '../../src/events/html.js';
import { KNOWLEDGE_DIR } from '../helpers/fixture.js';
import { decodeQrPng } from './decode-qr.js';
import { PNG } from 'pngjs';

describe('leaflet entries', () => {
  it('takes published entries of the topic, FAQ first, at most 8, no reports', async () => {
    const { engine } = await createEngine({ knowledgeDir: KNOWLEDGE_DIR, bureauName: '魏都区生态环境局', bureauPhone: '', bureauHours: '' });
    const entries = leafletEntries(engine.published(), 'penalty');
    expect(entries).toHaveLength(LEAFLET_SIZE);
    expect(entries.every((e) => e.topic === 'penalty' && e.status === 'published')).toBe(true);
    expect(entries.every((e) => e.kind === 'faq')).toBe(true);
    // With a topic that has fewer FAQs than places, the FAQs come before any other kind.
    const mixed = leafletEntries(engine.published(), 'noise', 50);
    const firstOther = mixed.findIndex((e) => e.kind !== 'faq');
    expect(firstOther).toBeGreaterThan(0);
    expect(mixed.slice(firstOther).some((e) => e.kind === 'faq')).toBe(false);
    expect(leafletEntries(engine.published(), 'report')).toEqual([]);
  });

  it('shortens long answers at a sentence end', () => {
    expect(shortAnswer('短答案。')).toBe('短答案。');
    const long = '第一句话说明情况。'.repeat(30);
    const cut = shortAnswer(long, 40);
    expect(cut.endsWith('。……')).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(42);
  });
});

describe('links and QR codes', () => {
  it('builds the web, question and Telegram links', () => {
    expect(chatLink('https://a.example/', 'wed2026')).toBe('https://a.example/?event=wed2026');
    expect(questionLink('https://a.example', '排污许可证有效期多久？')).toBe(`https://a.example/?q=${encodeURIComponent('排污许可证有效期多久？')}`);
    expect(telegramLink('@pufa_bot', 'wed2026')).toBe('https://t.me/pufa_bot?start=wed2026');
    expect(baseUrl(undefined, { protocol: 'http', host: '10.0.0.5:3000' })).toBe('http://10.0.0.5:3000');
    expect(baseUrl('https://pufa.example/', { protocol: 'http', host: 'x' })).toBe('https://pufa.example');
  });

  it('renders a PNG that decodes to the exact link, including Chinese text', async () => {
    const link = questionLink('https://pufa.example', '未批先建会怎么处罚？');
    const png = await qrPng(link, 300);
    expect(png.readUInt32BE(16)).toBe(300);
    expect(decodeQrPng(png)).toBe(link);
  });

  it('finds no code in an image without one (the decoder can fail)', () => {
    const blank = new PNG({ width: 64, height: 64 });
    blank.data.fill(255);
    expect(decodeQrPng(PNG.sync.write(blank))).toBeUndefined();
  });

  it('renders an inline-safe SVG', async () => {
    const svg = await qrSvg('https://pufa.example/?event=a');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|style=/);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
