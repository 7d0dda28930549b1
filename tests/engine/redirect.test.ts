import { describe, expect, it } from 'vitest';
import { redirectFinder } from '../../src/engine/redirect.js';
import { foldText } from '../../src/search/normalize.js';

const departments = [
  { department: '住房和城乡建设部门', contact: '当地住房和城乡建设局', terms: ['施工许可证', '竣工验收备案'] },
  { department: '市场监督管理部门', contact: '12315', terms: ['食品', '营业执照'] },
  { department: '交通运输部门', contact: '12328', terms: ['码头许可'] },
];

describe('redirectFinder', () => {
  const find = redirectFinder(departments, ['夜间施工许可证', '食品加工', '排污许可证', '施工许可证']);
  const dep = (q: string) => find(foldText(q))?.department;

  it('redirects a question that names another department’s matter', () => {
    expect(dep('施工许可证在哪里办')).toBe('住房和城乡建设部门');
    expect(dep('竣工验收备案去哪办')).toBe('住房和城乡建设部门');
    expect(dep('码头许可证在哪里办')).toBe('交通运输部门');
    expect(dep('办营业执照要什么材料')).toBe('市场监督管理部门');
  });

  it('ignores a redirect word that is only part of a longer domain term of ours', () => {
    expect(dep('工地说有夜间施工许可证，半夜还能施工吗')).toBeUndefined();
    expect(dep('食品加工厂的废水怎么处理')).toBeUndefined();
  });

  it('redirects when the word also occurs on its own elsewhere in the question', () => {
    expect(dep('夜间施工许可证和施工许可证分别在哪办')).toBe('住房和城乡建设部门');
    expect(dep('食品加工厂要卖食品，营业执照怎么办')).toBe('市场监督管理部门');
  });

  it('finds nothing without a redirect word', () => {
    expect(dep('排污许可证怎么申请')).toBeUndefined();
  });
});
