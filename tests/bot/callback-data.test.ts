import { describe, expect, it } from 'vitest';
import { CallbackDataError, decodeCallback, encodeCallback, type CallbackAction } from '../../src/bot/callback-data.js';

describe('callback data', () => {
  it('round-trips every action', () => {
    const actions: CallbackAction[] = [
      { kind: 'entry', id: 'complaint-whistleblower-confidentiality' },
      { kind: 'feedback', logId: 123456789, helpful: true },
      { kind: 'feedback', logId: 1, helpful: false },
      { kind: 'topic', key: 'enforce' },
      { kind: 'menu' },
      { kind: 'contact' },
    ];
    for (const a of actions) expect(decodeCallback(encodeCallback(a))).toEqual(a);
  });

  it('refuses data over 64 bytes, naming the problem', () => {
    expect(() => encodeCallback({ kind: 'entry', id: 'a'.repeat(63) })).toThrow(CallbackDataError);
    expect(() => encodeCallback({ kind: 'entry', id: 'a'.repeat(63) })).toThrow(/over Telegram's 64/);
    expect(encodeCallback({ kind: 'entry', id: 'a'.repeat(62) })).toHaveLength(64);
  });

  it('ignores data it did not make', () => {
    for (const d of [undefined, '', 'x', 'e:', 'e:中文', 'f:1:2', 'f:abc:1', 't:Permit', 'e:a b']) expect(decodeCallback(d)).toBeUndefined();
  });
});
