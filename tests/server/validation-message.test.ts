import { describe, expect, it } from 'vitest';
import { validationMessage } from '../../src/server/validation-message.js';

describe('validationMessage', () => {
  it('says in plain Chinese which field is wrong and how', () => {
    expect(validationMessage([{ keyword: 'pattern', instancePath: '/from', schemaPath: '', params: {}, message: 'must match pattern' }], 'querystring')).toBe(
      '请求格式不正确：开始日期（from）格式不对：日期请写成 2026-01-31 这样的形式。',
    );
    expect(
      validationMessage([
        { keyword: 'enum', instancePath: '/status', schemaPath: '', params: { allowedValues: ['pending', 'replied', 'closed'] }, message: '' },
      ]),
    ).toBe('请求格式不正确：状态（status）的取值不在可选范围内（可选：pending、replied、closed）。');
    expect(validationMessage([{ keyword: 'required', instancePath: '', schemaPath: '', params: { missingProperty: 'id' }, message: '' }])).toBe(
      '请求格式不正确：缺少编号（id）。',
    );
    expect(validationMessage([])).toContain('请求格式不正确');
  });
});
