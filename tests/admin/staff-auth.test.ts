import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { StaffAuth } from '../../src/admin/staff-auth.js';

describe('STAFF_TOKENS and STAFF_TELEGRAM_IDS', () => {
  it('default to no staff', () => {
    const c = loadConfig({});
    expect(c.staffTokens).toEqual([]);
    expect(c.staffTelegramIds).toEqual([]);
  });

  it('parse names, tokens and ids', () => {
    const c = loadConfig({ STAFF_TOKENS: ' 张三:aaaaaaaaaaaaaaaa1 , li:bbbbbbbbbbbbbbbb:2 ', STAFF_TELEGRAM_IDS: '123, 456' });
    expect(c.staffTokens).toEqual([
      { name: '张三', token: 'aaaaaaaaaaaaaaaa1' },
      { name: 'li', token: 'bbbbbbbbbbbbbbbb:2' },
    ]);
    expect(c.staffTelegramIds).toEqual([123, 456]);
  });

  it.each([
    ['STAFF_TOKENS', 'nocolon'],
    ['STAFF_TOKENS', 'a:short'],
    ['STAFF_TOKENS', 'a:aaaaaaaaaaaaaaaa1,a:bbbbbbbbbbbbbbbb1'],
    ['STAFF_TOKENS', 'a:aaaaaaaaaaaaaaaa1,b:aaaaaaaaaaaaaaaa1'],
    ['STAFF_TELEGRAM_IDS', '12,abc'],
  ])('%s=%s stops start-up naming the variable (and not echoing a token)', (name, value) => {
    let err: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(name);
    if (name === 'STAFF_TOKENS') expect((err as Error).message).not.toMatch(/aaaaaaaa|short/);
  });
});

describe('StaffAuth', () => {
  const auth = new StaffAuth([
    { name: '张三', token: 'aaaaaaaaaaaaaaaa1' },
    { name: '李四', token: 'bbbbbbbbbbbbbbbb2' },
  ]);
  it('names the staff member of a bearer token and nobody else', () => {
    expect(auth.enabled).toBe(true);
    expect(auth.identify('Bearer aaaaaaaaaaaaaaaa1')).toBe('张三');
    expect(auth.identify('bearer bbbbbbbbbbbbbbbb2')).toBe('李四');
    for (const h of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'aaaaaaaaaaaaaaaa1',
      'Basic aaaaaaaaaaaaaaaa1',
      'Bearer aaaaaaaaaaaaaaaa',
      'Bearer aaaaaaaaaaaaaaaa1x',
    ]) {
      expect(auth.identify(h)).toBeUndefined();
    }
    expect(new StaffAuth([]).enabled).toBe(false);
    expect(new StaffAuth([]).identify('Bearer ')).toBeUndefined();
  });
});
