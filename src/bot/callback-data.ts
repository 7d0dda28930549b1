/**
 * Typed callback data of the bot's inline buttons. Telegram allows at most 64 bytes (a Chinese character is 3
 * bytes in UTF-8), so buttons carry entry ids, log ids and topic keys, never titles.
 */

/** Most bytes Telegram accepts in callback data. */
export const MAX_CALLBACK_BYTES = 64;

/** What a button press means. */
export type CallbackAction =
  /** Answer this published entry (related question, clarify candidate, topic question). */
  | { kind: 'entry'; id: string }
  /** 👍 (helpful) or 👎 on the logged question `logId`. */
  | { kind: 'feedback'; logId: number; helpful: boolean }
  /** Show the questions of a topic menu item. */
  | { kind: 'topic'; key: string }
  /** Show the topic menu. */
  | { kind: 'menu' }
  /** Show the human contacts. */
  | { kind: 'contact' }
  /** 「不是这个问题」 under the answer to logged question `logId` (0 when the question was not logged). */
  | { kind: 'notThis'; logId: number };

/** Thrown when an action cannot be encoded in 64 bytes. */
export class CallbackDataError extends Error {
  constructor(data: string) {
    super(`callback-data: "${data}" is ${Buffer.byteLength(data)} bytes, over Telegram's ${MAX_CALLBACK_BYTES}; use a shorter id`);
    this.name = 'CallbackDataError';
  }
}

/** Encodes an action; throws {@link CallbackDataError} when it does not fit 64 bytes. */
export function encodeCallback(action: CallbackAction): string {
  const data =
    action.kind === 'entry'
      ? `e:${action.id}`
      : action.kind === 'feedback'
        ? `f:${action.logId}:${action.helpful ? 1 : 0}`
        : action.kind === 'topic'
          ? `t:${action.key}`
          : action.kind === 'notThis'
            ? `n:${action.logId}`
            : action.kind === 'menu'
              ? 'm'
              : 'c';
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) throw new CallbackDataError(data);
  return data;
}

/** Whether an action fits in callback data. */
export function fitsCallback(action: CallbackAction): boolean {
  try {
    encodeCallback(action);
    return true;
  } catch {
    return false;
  }
}

/** Decodes callback data; undefined for data this bot did not make (old or foreign buttons). */
export function decodeCallback(data: string | undefined): CallbackAction | undefined {
  if (!data) return undefined;
  if (data === 'm') return { kind: 'menu' };
  if (data === 'c') return { kind: 'contact' };
  let m = /^e:([a-z0-9-]{1,62})$/.exec(data);
  if (m) return { kind: 'entry', id: m[1] };
  m = /^f:(\d{1,15}):([01])$/.exec(data);
  if (m) return { kind: 'feedback', logId: Number(m[1]), helpful: m[2] === '1' };
  m = /^n:(\d{1,15})$/.exec(data);
  if (m) return { kind: 'notThis', logId: Number(m[1]) };
  m = /^t:([a-z]{1,20})$/.exec(data);
  if (m) return { kind: 'topic', key: m[1] };
  return undefined;
}
