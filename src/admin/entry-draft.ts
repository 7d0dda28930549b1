/**
 * Turning what staff send into a draft entry: the server's own fields replaced, the id fixed by the address,
 * then the loader's checks (schema, references, citations). Shared by the store's check, create and update.
 */
import type { Entry, Source } from '../knowledge/schema.js';
import type { LawLibrary } from '../law/library.js';
import { EditError } from './edit-error.js';
import { checkEntry, type FieldError } from './entry-check.js';

/** Fields the server manages; values sent by staff are ignored. */
export const SERVER_FIELDS = ['status', 'reviewed', 'updated'] as const;

/** What a draft is checked against. */
export interface DraftContext {
  /** The other entries of the tree (ids, related links). */
  others: Entry[];
  sources: Map<string, Source>;
  /** Today in China (the `updated` date and validity checks). */
  today: string;
  /** The shipped law texts citations and 「」 quotations are checked against (none: not checked). */
  laws?: LawLibrary;
}

/** Builds a draft from staff's body and checks it like the loader does; throws an {@link EditError} (400) when it fails. */
export function draftFromBody(body: unknown, id: string, ctx: DraftContext): Entry {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new EditError(400, '请求体应为一个条目（JSON 对象）');
  const data: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const k of SERVER_FIELDS) delete data[k];
  if (data.id !== undefined && data.id !== id) throw new EditError(400, '条目格式不正确', [{ field: 'id', message: `id 与地址中的 ${id} 不一致（不能改名）` }]);
  const draft = { ...data, id, status: 'draft', updated: ctx.today };
  const { entry, errors } = checkEntry(draft, ctx.others, ctx.sources, ctx.today, { laws: ctx.laws });
  if (!entry) throw new EditError(400, `条目未通过校验（${errors.length} 处错误）`, errors);
  return entry;
}

/** The field errors of a body, or [] when it would save (nothing is written). */
export function draftErrors(body: unknown, id: string, ctx: DraftContext): FieldError[] {
  try {
    draftFromBody(body, id, ctx);
    return [];
  } catch (err) {
    if (err instanceof EditError) return err.errors ?? [{ field: '', message: err.message }];
    throw err;
  }
}

/** The checks of publishing an entry: those of saving, plus no citation of a law no longer in force (an error). */
export function publishCheckOf(entry: unknown, ctx: DraftContext): ReturnType<typeof checkEntry> {
  return checkEntry(entry, ctx.others, ctx.sources, ctx.today, { outOfForce: 'error', laws: ctx.laws });
}
