/** Remembers the outreach event a chat arrived from (its /start payload), so its questions count for it. */

/** Pattern of an event code: the same code must also fit WeChat and WeCom scene values. */
export const EVENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** Per-chat memory of the event code, bounded (oldest chats forgotten first). */
export class ChatEvents {
  private readonly codes = new Map<string, string>();

  /** @param capacity chats remembered at most (default: 10_000) */
  constructor(private readonly capacity = 10_000) {}

  /** Remembers `code` for `chat`. */
  set(chat: string, code: string): void {
    this.codes.delete(chat);
    this.codes.set(chat, code);
    if (this.codes.size > this.capacity) this.codes.delete(this.codes.keys().next().value!);
  }

  /** The event code of `chat`, if any. */
  get(chat: string): string | undefined {
    return this.codes.get(chat);
  }
}
