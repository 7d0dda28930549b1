/** The bot's inline keyboards. Every button's data goes through the typed codec in callback-data.ts. */
import { InlineKeyboard } from 'grammy';
import type { EntryRef } from '../engine/reply.js';
import { encodeCallback, fitsCallback } from './callback-data.js';
import { MENU_TOPICS } from './popular.js';

/** Longest button label shown, in characters (longer titles are shortened with …). */
export const MAX_BUTTON_CHARS = 40;

function label(text: string): string {
  const chars = [...text];
  return chars.length > MAX_BUTTON_CHARS ? `${chars.slice(0, MAX_BUTTON_CHARS - 1).join('')}…` : text;
}

/** One button per entry, each on its own row; entries whose id does not fit callback data are left out. */
function entryRows(kb: InlineKeyboard, refs: EntryRef[]): InlineKeyboard {
  for (const r of refs) {
    if (!fitsCallback({ kind: 'entry', id: r.id })) continue;
    kb.text(label(r.title), encodeCallback({ kind: 'entry', id: r.id })).row();
  }
  return kb;
}

/** The topic menu, two topics per row. */
export function topicMenu(): InlineKeyboard {
  const kb = new InlineKeyboard();
  MENU_TOPICS.forEach((t, i) => {
    kb.text(t.label, encodeCallback({ kind: 'topic', key: t.key }));
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

/** A topic's questions, then a way back to the menu. */
export function topicQuestions(refs: EntryRef[]): InlineKeyboard {
  return entryRows(new InlineKeyboard(), refs).text('« 返回主题菜单', encodeCallback({ kind: 'menu' }));
}

/** Under an answer: 不是这个问题, related questions, 👍 / 👎 (when the question was logged) and 联系工作人员. */
export function answerKeyboard(related: EntryRef[], logId?: number): InlineKeyboard {
  const kb = new InlineKeyboard().text('不是这个问题', encodeCallback({ kind: 'notThis', logId: logId ?? 0 })).row();
  entryRows(kb, related.slice(0, 3));
  if (logId !== undefined) {
    kb.text('👍 有帮助', encodeCallback({ kind: 'feedback', logId, helpful: true }));
    kb.text('👎 没帮助', encodeCallback({ kind: 'feedback', logId, helpful: false })).row();
  }
  return kb.text('联系工作人员', encodeCallback({ kind: 'contact' }));
}

/** The clarify candidates as buttons. */
export function clarifyKeyboard(candidates: EntryRef[]): InlineKeyboard {
  return entryRows(new InlineKeyboard(), candidates);
}

/** Under a fallback: the suggested entries (您是不是想问), if any, then the contacts and the topic menu. */
export function fallbackKeyboard(suggested: EntryRef[] = []): InlineKeyboard {
  return entryRows(new InlineKeyboard(), suggested.slice(0, 3))
    .text('联系工作人员', encodeCallback({ kind: 'contact' }))
    .text('浏览主题', encodeCallback({ kind: 'menu' }));
}

/** Callback data of the 留言 button (handled by features/leave-message.ts). */
export const LEAVE_MESSAGE_DATA = 'lm';

/** The single 「✉ 给工作人员留言」 button. */
export function leaveMessageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text('✉ 给工作人员留言', LEAVE_MESSAGE_DATA);
}
