/**
 * Visitors' messages for a person (留言): stored in SQLite, answered by staff, looked up by the visitor with a
 * receipt code. Every status change is audited in the same transaction. A message's contact and text are
 * personal data: kept only until `keepDaysAfterClose` days after it is closed, then deleted (the audit rows,
 * which hold no personal data, stay).
 */
import type { Db } from '../store/database.js';
import { newReceiptCode } from './receipt-code.js';

/** Where a message stands. */
export type MessageStatus = 'pending' | 'replied' | 'closed';

/** Chinese labels of the statuses, as visitors and staff see them. */
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = { pending: '待处理', replied: '已回复', closed: '已关闭' };

/** A message as staff see it. */
export interface StaffMessage {
  id: number;
  code: string;
  status: MessageStatus;
  statusLabel: string;
  question: string;
  contact: string;
  name?: string;
  channel: string;
  createdAt: string;
  updatedAt: string;
  handledBy?: string;
  reply?: string;
  repliedAt?: string;
  /** Internal note of staff: never shown to the visitor. */
  note?: string;
}

/** A message as its visitor sees it by the receipt code: no contact, no internal note. */
export interface PublicMessage {
  code: string;
  status: MessageStatus;
  statusLabel: string;
  question: string;
  createdAt: string;
  reply?: string;
  repliedAt?: string;
}

/** A new message. */
export interface NewMessage {
  question: string;
  contact: string;
  name?: string;
  /** web | telegram | api */
  channel: string;
}

/** A staff change of a message. */
export interface MessageChange {
  status?: MessageStatus;
  reply?: string;
  note?: string;
}

/** Thrown for a change that cannot be made (unknown message, nothing to change). */
export class MessageError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

interface Row {
  id: number;
  code: string;
  status: MessageStatus;
  question: string;
  contact: string;
  name: string | null;
  channel: string;
  created_at: string;
  updated_at: string;
  handled_by: string | null;
  reply: string | null;
  replied_at: string | null;
  note: string | null;
  closed_at: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    question TEXT NOT NULL,
    contact TEXT NOT NULL,
    name TEXT,
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    handled_by TEXT,
    reply TEXT,
    replied_at TEXT,
    note TEXT,
    closed_at TEXT
  );
  CREATE INDEX IF NOT EXISTS messages_status ON messages(status, created_at);
  CREATE TABLE IF NOT EXISTS message_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT
  );`;

/** Options of the store. */
export interface MessageStoreOptions {
  /** Days a closed message is kept before it is deleted (default: 30). */
  keepDaysAfterClose?: number;
  /** Clock (default: the system clock). */
  now?: () => Date;
}

/** The messages table and its audit trail. */
export class MessageStore {
  private readonly keepDays: number;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    options: MessageStoreOptions = {},
  ) {
    this.keepDays = options.keepDaysAfterClose ?? 30;
    this.now = options.now ?? (() => new Date());
    db.exec(SCHEMA);
  }

  /** Stores a new message (status 待处理) and returns it with its receipt code. */
  create(input: NewMessage): PublicMessage {
    const at = this.now().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO messages (code, status, question, contact, name, channel, created_at, updated_at)
       VALUES (?, 'pending', ?, ?, ?, ?, ?, ?)`,
    );
    for (let attempt = 0; ; attempt++) {
      const code = newReceiptCode();
      try {
        const id = this.db.transaction(() => {
          const r = insert.run(code, input.question, input.contact, input.name ?? null, input.channel, at, at);
          this.audit(Number(r.lastInsertRowid), at, 'visitor', 'create', null, 'pending');
          return Number(r.lastInsertRowid);
        })();
        return toPublic(this.row(id)!);
      } catch (err) {
        // A code already taken (1 in 10^11): draw another.
        if (attempt < 5 && /UNIQUE/.test(String(err))) continue;
        throw err;
      }
    }
  }

  /** The visitor's view of a message by its receipt code. */
  byCode(code: string): PublicMessage | undefined {
    const row = this.db.prepare('SELECT * FROM messages WHERE code = ?').get(code) as Row | undefined;
    return row ? toPublic(row) : undefined;
  }

  /** Messages for staff, newest first (optionally of one status). */
  list(status?: MessageStatus, limit = 500): StaffMessage[] {
    const rows = (
      status
        ? this.db.prepare('SELECT * FROM messages WHERE status = ? ORDER BY id DESC LIMIT ?').all(status, limit)
        : this.db.prepare('SELECT * FROM messages ORDER BY id DESC LIMIT ?').all(limit)
    ) as Row[];
    return rows.map(toStaff);
  }

  /** One message for staff. */
  get(id: number): StaffMessage | undefined {
    const row = this.row(id);
    return row ? toStaff(row) : undefined;
  }

  /**
   * Applies a staff change. A reply sets the status to 已回复 unless another status is given; the change and
   * who made it are audited in the same transaction.
   */
  update(id: number, actor: string, change: MessageChange): StaffMessage {
    const before = this.row(id);
    if (!before) throw new MessageError(404, '没有这条留言（可能已过保存期限被删除）。');
    if (change.status === undefined && change.reply === undefined && change.note === undefined) {
      throw new MessageError(400, '没有要修改的内容：请填写回复、备注或选择状态。');
    }
    const at = this.now().toISOString();
    const reply = change.reply !== undefined ? change.reply.trim() : before.reply;
    const status: MessageStatus = change.status ?? (change.reply !== undefined && reply ? (before.status === 'closed' ? 'closed' : 'replied') : before.status);
    if (status === 'replied' && !reply) throw new MessageError(400, '标记为“已回复”前请先填写给留言人的回复。');
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE messages SET status = ?, reply = ?, replied_at = ?, note = ?, handled_by = ?, updated_at = ?, closed_at = ? WHERE id = ?`)
        .run(
          status,
          reply || null,
          change.reply !== undefined && reply ? at : before.replied_at,
          change.note !== undefined ? change.note.trim() || null : before.note,
          actor,
          at,
          status === 'closed' ? (before.closed_at ?? at) : null,
          id,
        );
      const action = change.reply !== undefined ? 'reply' : change.status !== undefined ? 'status' : 'note';
      this.audit(id, at, actor, action, before.status, status);
    })();
    return this.get(id)!;
  }

  /** The audit trail of a message (who changed what and when; no personal data). */
  history(id: number): { at: string; actor: string; action: string; from?: string; to?: string }[] {
    const rows = this.db.prepare('SELECT at, actor, action, from_status, to_status FROM message_audit WHERE message_id = ? ORDER BY id').all(id) as {
      at: string;
      actor: string;
      action: string;
      from_status: string | null;
      to_status: string | null;
    }[];
    return rows.map((r) => ({
      at: r.at,
      actor: r.actor,
      action: r.action,
      ...(r.from_status ? { from: r.from_status } : {}),
      ...(r.to_status ? { to: r.to_status } : {}),
    }));
  }

  /** Deletes messages closed more than `keepDaysAfterClose` days ago; returns how many. */
  prune(): number {
    const cutoff = new Date(this.now().getTime() - this.keepDays * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM messages WHERE status = ? AND closed_at IS NOT NULL AND closed_at < ?').run('closed', cutoff).changes;
  }

  /** Number of messages waiting for staff. */
  pendingCount(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM messages WHERE status = 'pending'").get() as { n: number }).n;
  }

  private row(id: number): Row | undefined {
    return this.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as Row | undefined;
  }

  private audit(id: number, at: string, actor: string, action: string, from: string | null, to: string | null): void {
    this.db
      .prepare('INSERT INTO message_audit (message_id, at, actor, action, from_status, to_status) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, at, actor, action, from, to);
  }
}

function toPublic(r: Row): PublicMessage {
  return {
    code: r.code,
    status: r.status,
    statusLabel: MESSAGE_STATUS_LABELS[r.status],
    question: r.question,
    createdAt: r.created_at,
    ...(r.reply ? { reply: r.reply } : {}),
    ...(r.replied_at && r.reply ? { repliedAt: r.replied_at } : {}),
  };
}

function toStaff(r: Row): StaffMessage {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    statusLabel: MESSAGE_STATUS_LABELS[r.status],
    question: r.question,
    contact: r.contact,
    ...(r.name ? { name: r.name } : {}),
    channel: r.channel,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.handled_by ? { handledBy: r.handled_by } : {}),
    ...(r.reply ? { reply: r.reply } : {}),
    ...(r.replied_at ? { repliedAt: r.replied_at } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}
