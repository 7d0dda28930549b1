import { describe, expect, it } from 'vitest';
import { MessageStore, MessageError } from '../../src/messages/message-store.js';
import { newReceiptCode, normalizeReceiptCode, RECEIPT_CODE_PATTERN } from '../../src/messages/receipt-code.js';
import { openDatabase } from '../../src/store/database.js';

function store(now: { t: Date }, keep = 30) {
  const db = openDatabase(':memory:');
  return { db, messages: new MessageStore(db, { keepDaysAfterClose: keep, now: () => now.t }) };
}

describe('receipt codes', () => {
  it('are eight unambiguous characters with a hyphen, and normalise typed forms', () => {
    for (let i = 0; i < 200; i++) expect(newReceiptCode()).toMatch(new RegExp(RECEIPT_CODE_PATTERN));
    expect(normalizeReceiptCode(' k7q3m9xp ')).toBe('K7Q3-M9XP');
    expect(normalizeReceiptCode('K7Q3-M9X0')).toBeUndefined(); // 0 is not in the alphabet
    expect(normalizeReceiptCode('abc')).toBeUndefined();
  });
});

describe('MessageStore', () => {
  it('stores a message as 待处理 and shows the visitor no contact and no internal note', () => {
    const now = { t: new Date('2026-12-01T02:00:00Z') };
    const { messages } = store(now);
    const m = messages.create({ question: '我们厂要办排污许可证吗', contact: '13800000000', name: '王', channel: 'web' });
    expect(m.statusLabel).toBe('待处理');
    const [staff] = messages.list();
    expect(staff).toMatchObject({ code: m.code, contact: '13800000000', name: '王', status: 'pending' });
    messages.update(staff.id, '张三', { note: '内部：需查该厂位置' });
    const seen = messages.byCode(m.code)!;
    expect(JSON.stringify(seen)).not.toContain('13800000000');
    expect(JSON.stringify(seen)).not.toContain('内部');
    expect(seen.reply).toBeUndefined();
  });

  it('a reply marks it 已回复, records who handled it and audits every change', () => {
    const now = { t: new Date('2026-12-01T02:00:00Z') };
    const { messages } = store(now);
    const m = messages.create({ question: '油烟扰民找谁', contact: 'wx:abc123', channel: 'web' });
    const id = messages.list()[0].id;
    const replied = messages.update(id, '张三', { reply: '请拨打 12345 反映，由城管部门处理。' });
    expect(replied).toMatchObject({ status: 'replied', statusLabel: '已回复', handledBy: '张三' });
    expect(messages.byCode(m.code)).toMatchObject({ statusLabel: '已回复', reply: '请拨打 12345 反映，由城管部门处理。' });
    messages.update(id, '李四', { status: 'closed' });
    expect(messages.history(id).map((h) => [h.actor, h.action, h.to])).toEqual([
      ['visitor', 'create', 'pending'],
      ['张三', 'reply', 'replied'],
      ['李四', 'status', 'closed'],
    ]);
  });

  it('refuses an empty change, 已回复 without a reply, and an unknown id', () => {
    const now = { t: new Date('2026-12-01T02:00:00Z') };
    const { messages } = store(now);
    messages.create({ question: '问一下', contact: '13800000000', channel: 'api' });
    const id = messages.list()[0].id;
    expect(() => messages.update(id, '张三', {})).toThrow(MessageError);
    expect(() => messages.update(id, '张三', { status: 'replied' })).toThrow(/先填写/);
    expect(() => messages.update(999, '张三', { status: 'closed' })).toThrow(/没有这条留言/);
    expect(messages.list()[0].status).toBe('pending');
  });

  it('deletes a closed message (and its contact) only after the keeping period', () => {
    const now = { t: new Date('2026-12-01T02:00:00Z') };
    const { messages, db } = store(now, 30);
    const open = messages.create({ question: '一直没人回', contact: '13800000001', channel: 'web' });
    const closed = messages.create({ question: '已经办结', contact: '13800000002', channel: 'web' });
    const closedId = messages.list().find((m) => m.code === closed.code)!.id;
    messages.update(closedId, '张三', { reply: '已处理', status: 'closed' });
    now.t = new Date('2026-12-30T02:00:00Z');
    expect(messages.prune()).toBe(0);
    now.t = new Date('2027-01-01T02:00:00Z');
    expect(messages.prune()).toBe(1);
    expect(messages.byCode(closed.code)).toBeUndefined();
    expect(messages.byCode(open.code)).toBeDefined();
    const left = db.prepare('SELECT contact FROM messages').all() as { contact: string }[];
    expect(left.map((r) => r.contact)).toEqual(['13800000001']);
  });
});
