/**
 * 「待审核」 (法制审核): drafts and revisions waiting for a second clerk, each with who wrote it, a diff against
 * the published text, the reply it will give, and the latest 「退回修改」 comment. Sending back is recorded in
 * the audit log (action `return`, the comment as its detail); it does not make the returner an editor, so
 * the four-eyes rule of the entry store is unchanged.
 */
import type { AuditLog } from '../admin/audit-log.js';
import { EditError } from '../admin/edit-error.js';
import type { EntryStore, EntryView } from '../admin/entry-store.js';
import type { AnswerEngine } from '../engine/engine.js';
import { formatCitation } from '../engine/compose.js';
import { TOPICS, type Entry } from '../knowledge/schema.js';
import { entryRow, type EntryRow } from './entry-list.js';
import { KIND_LABELS } from './form-spec.js';
import { lineDiff, type DiffLine } from './line-diff.js';

/** Longest 退回修改 comment, in characters (default limit of the route). */
export const MAX_COMMENT_CHARS = 500;

/** A 「退回修改」: who sent the entry back, when, and why. */
export interface SendBack {
  by: string;
  at: string;
  comment: string;
}

/** One item of the queue. */
export interface QueueItem extends EntryRow {
  version: string;
  /** Who last edited the text waiting for approval (that person cannot approve it), or null. */
  author: string | null;
  /** The latest 退回修改 since the last edit, or null. */
  sentBack: SendBack | null;
  /** The working text against the published one (a new draft: every line added). */
  diff: DiffLine[];
  /** The reply the public will get once it is approved. */
  reply: string;
}

/** An entry as labelled lines, the way a clerk reads it (what the diff compares). */
export function entryLines(e: Entry | undefined, engine: AnswerEngine): string[] {
  if (!e) return [];
  const sources = engine.sourceMap();
  const lines = [`标题：${e.title}`, `类型：${KIND_LABELS[e.kind]}`, `主题：${TOPICS[e.topic]}`];
  for (const q of e.questions) lines.push(`相似问：${q}`);
  if (e.keywords.length) lines.push(`关键词：${e.keywords.join('、')}`);
  for (const l of e.answer.trim().split('\n')) lines.push(`答复：${l}`);
  for (const b of e.basis)
    lines.push(`法律依据：${formatCitation({ source: b.source, name: sources.get(b.source)?.name ?? b.source, article: b.article, validity: '现行有效' })}`);
  for (const r of e.related) lines.push(`相关条目：${r}`);
  if (e.valid_from) lines.push(`生效日期：${e.valid_from}`);
  if (e.valid_until) lines.push(`失效日期：${e.valid_until}`);
  return lines;
}

/** The latest 退回修改 of an entry that came after its last edit, or null. */
export function latestSendBack(audit: AuditLog, id: string): SendBack | null {
  for (const r of audit.list({ entryId: id, limit: 50 })) {
    if (r.action === 'return') return { by: r.actor, at: r.at, comment: r.detail ?? '' };
    if (r.action === 'create' || r.action === 'update' || r.action === 'import' || r.action === 'approve' || r.action === 'retire') return null;
  }
  return null;
}

function waiting(v: EntryView): boolean {
  return v.pendingRevision || v.status === 'draft';
}

/** The queue, oldest change first is not known here: in id order. */
export function reviewQueue(store: EntryStore, audit: AuditLog, engine: AnswerEngine): QueueItem[] {
  return store
    .list()
    .filter(waiting)
    .map((v) => ({
      ...entryRow(v, engine),
      version: v.version,
      author: audit.lastEditor(v.entry.id) ?? null,
      sentBack: latestSendBack(audit, v.entry.id),
      diff: lineDiff(entryLines(v.published, engine), entryLines(v.entry, engine)),
      reply: engine.replyFor(v.entry).text,
    }));
}

/** Records a 「退回修改」 with its comment (409 when nothing waits for approval, 404 unknown, 400 no comment). */
export function sendBack(store: EntryStore, audit: AuditLog, actor: string, id: string, comment: string): SendBack {
  const v = store.get(id);
  if (!v) throw new EditError(404, `没有条目 ${id}`);
  if (!waiting(v)) throw new EditError(409, `条目 ${id} 没有待审核的草稿或修改`);
  const text = comment.trim();
  if (!text) throw new EditError(400, '请写明退回的原因，作者会看到这段话。', [{ field: 'comment', message: '内容太短或为空' }]);
  audit.record({ actor, action: 'return', entryId: id, oldVersion: v.version, newVersion: v.version, detail: text.slice(0, MAX_COMMENT_CHARS) });
  return latestSendBack(audit, id)!;
}
