import { describe, expect, it } from 'vitest';
import { fillerRemover, foldText } from '../../src/search/normalize.js';

describe('foldText', () => {
  it('turns full-width characters into half-width and upper case into lower case', () => {
    expect(foldText('ＧＢ１２３４８　标准？')).toBe('gb12348 标准?');
  });
  it('turns traditional characters into simplified', () => {
    expect(foldText('環評報告書過期了嗎')).toBe('环评报告书过期了吗');
    expect(foldText('排污許可證')).toBe('排污许可证');
  });
  it('collapses white space', () => {
    expect(foldText('  排污\n\t许可  ')).toBe('排污 许可');
  });
});

describe('fillerRemover', () => {
  it('removes the longest filler first', () => {
    const remove = fillerRemover(['请问', '请问一下', '我们厂']);
    expect(remove('请问一下我们厂要办排污证吗')).toBe('要办排污证吗');
  });
  it('keeps the text when there are no fillers', () => {
    expect(fillerRemover([])('你好')).toBe('你好');
  });
});
