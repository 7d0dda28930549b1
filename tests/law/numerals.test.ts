import { describe, expect, it } from 'vitest';
import { articleLabel, chineseToNumber, MAX_NUMERAL, numberToChinese } from '../../src/law/numerals.js';

describe('numberToChinese', () => {
  it('writes article numbers as Chinese law does', () => {
    expect(numberToChinese(1)).toBe('一');
    expect(numberToChinese(10)).toBe('十');
    expect(numberToChinese(15)).toBe('十五');
    expect(numberToChinese(20)).toBe('二十');
    expect(numberToChinese(101)).toBe('一百零一');
    expect(numberToChinese(110)).toBe('一百一十');
    expect(numberToChinese(1010)).toBe('一千零一十');
    expect(numberToChinese(1057)).toBe('一千零五十七');
    expect(numberToChinese(1095)).toBe('一千零九十五');
    expect(numberToChinese(1100)).toBe('一千一百');
    expect(numberToChinese(1242)).toBe('一千二百四十二');
    expect(articleLabel(1242)).toBe('第一千二百四十二条');
  });

  it('refuses what is not an article number', () => {
    for (const n of [0, -1, 1.5, MAX_NUMERAL + 1]) expect(() => numberToChinese(n)).toThrow(/numberToChinese/);
  });
});

describe('chineseToNumber', () => {
  it('reads Chinese numerals, 〇 and 两, and Arabic digits of either width', () => {
    expect(chineseToNumber('一千零九十五')).toBe(1095);
    expect(chineseToNumber('一千〇九十五')).toBe(1095);
    expect(chineseToNumber('十五')).toBe(15);
    expect(chineseToNumber('两百')).toBe(200);
    expect(chineseToNumber('1242')).toBe(1242);
    expect(chineseToNumber('１２４２')).toBe(1242);
  });

  it('returns undefined for malformed numerals', () => {
    for (const s of ['', '一二', '十十', '百', '千百', '第一', 'abc', '0']) expect(chineseToNumber(s)).toBeUndefined();
  });

  it('round-trips every number up to 9,999', () => {
    for (let n = 1; n <= MAX_NUMERAL; n++) expect(chineseToNumber(numberToChinese(n))).toBe(n);
  });
});
