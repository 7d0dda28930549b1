/**
 * Chinese numerals of article numbers (第一千零九十五条) to and from integers, as Chinese law writes them:
 * 十 (not 一十) at the start, 一百一十, 一千零一十, 零 for each gap of zeros.
 */

const DIGITS = '零一二三四五六七八九';
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Largest number the converters handle (9,999). */
export const MAX_NUMERAL = 9999;

/**
 * The integer of a Chinese numeral (一千二百四十二 → 1242, 十五 → 15, 〇/零 are gaps). Also accepts Arabic digits
 * (full or half width). Returns undefined for anything else.
 */
export function chineseToNumber(text: string): number | undefined {
  const s = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/〇/g, '零')
    .replace(/两/g, '二');
  if (!s) return undefined;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n > 0 && n <= MAX_NUMERAL ? n : undefined;
  }
  if (!/^[零一二三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      if (d === 0) {
        digit = undefined;
        continue;
      }
      if (digit !== undefined) return undefined; // two digits in a row: 一二
      digit = d;
      continue;
    }
    const unit = UNITS[ch];
    if (unit >= lastUnit) return undefined; // 十十, 百千
    total += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return undefined; // 百 without a digit
    digit = undefined;
    lastUnit = unit;
  }
  if (digit !== undefined) total += digit;
  return total > 0 && total <= MAX_NUMERAL ? total : undefined;
}

/** The Chinese numeral of 1–9,999 as law articles are numbered (1095 → 一千零九十五, 10 → 十, 110 → 一百一十). */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMERAL) throw new RangeError(`numberToChinese: ${n} is not an integer in 1..${MAX_NUMERAL}`);
  const parts: [number, string][] = [
    [Math.floor(n / 1000), '千'],
    [Math.floor(n / 100) % 10, '百'],
    [Math.floor(n / 10) % 10, '十'],
    [n % 10, ''],
  ];
  let out = '';
  let gap = false;
  for (const [d, unit] of parts) {
    if (d === 0) {
      if (out) gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += d === 1 && unit === '十' && !out ? unit : DIGITS[d] + unit;
  }
  return out;
}

/** 第一千零九十五条 for 1095. */
export function articleLabel(n: number): string {
  return `第${numberToChinese(n)}条`;
}
