/**
 * Staff edits of knowledge entries: create, update (with the version the editor saw), approve (four-eyes),
 * retire. Every write is serialized per entry id, written atomically to the entry's YAML file (or, for a
 * published entry, to its pending revision), audited, and then applied to the live index.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Knowledge } from '../knowledge/load.js';
import type { Entry, Source } from '../knowledge/schema.js';
import type { LawLibrary } from '../law/library.js';
import { writeFileAtomic } from './atomic-write.js';
import type { AuditAction } from './audit-log.js';
import { EditError } from './edit-error.js';
import type { FieldError } from './entry-check.js';
import { UPCOMING_DAYS, upcomingChanges, type UpcomingChange } from '../knowledge/upcoming-changes.js';
import { KIND_DIR, type EntryFile } from './entry-files.js';
import { entryToYaml, versionOf } from './entry-yaml.js';
import { KeyedMutex } from './keyed-mutex.js';
import { draftErrors, draftFromBody, publishCheckOf, type DraftContext } from './entry-draft.js';
import type { EntryStoreDeps, EntryView } from './entry-store-types.js';

export type { EntryStoreDeps, EntryView } from './entry-store-types.js';

/** The editable knowledge: entry files plus pending revisions. */
export class EntryStore {
  private files: Map<string, EntryFile>;
  private sources: Map<string, Source>;
  private laws: LawLibrary | undefined;
  private readonly locks = new KeyedMutex();
  private writes = 0;

  constructor(private readonly deps: EntryStoreDeps) {
    this.files = deps.files;
    this.sources = deps.sources;
    this.laws = deps.laws;
  }

  /** Number of writes so far; a reload that saw it change must start again. */
  get writeCount(): number {
    return this.writes;
  }

  /** Sources repealed or superseded within the next `days` days (default: 60), for the staff status. */
  upcomingChanges(days = UPCOMING_DAYS): UpcomingChange[] {
    return upcomingChanges(this.sources, this.today(), days);
  }

  private today(): string {
    return this.deps.engine.options.today();
  }

  /** Every entry (drafts and retired ones too), filtered by file status (or `revision`) and topic. */
  list(filter: { status?: Entry['status'] | 'revision'; topic?: string } = {}): EntryView[] {
    const out: EntryView[] = [];
    for (const id of [...this.files.keys()].sort()) {
      const v = this.get(id)!;
      if (filter.status === 'revision' ? !v.pendingRevision : filter.status && v.status !== filter.status) continue;
      if (filter.topic && v.entry.topic !== filter.topic) continue;
      out.push(v);
    }
    return out;
  }

  /** One entry as staff see it, or undefined. */
  get(id: string): EntryView | undefined {
    const f = this.files.get(id);
    if (!f) return undefined;
    const rev = this.deps.revisions.get(id);
    if (!rev) return { entry: f.entry, version: f.version, status: f.entry.status, pendingRevision: false, file: f.file };
    return { entry: rev.entry, version: rev.version, status: f.entry.status, published: f.entry, pendingRevision: true, file: f.file };
  }

  /** Version of the entry file itself (what the public is served), or undefined for an unknown id. */
  fileVersion(id: string): string | undefined {
    return this.files.get(id)?.version;
  }

  /**
   * The field errors saving `body` as entry `id` would meet (the same checks as create and update; nothing is
   * written). Empty when it would save.
   */
  check(body: unknown, id: string): FieldError[] {
    return draftErrors(body, id, this.draftContext());
  }

  /**
   * The field errors approving `body` as entry `id` would meet once saved (the approval's checks: a published
   * entry may not cite a law no longer in force, and needs a basis). Empty when it would save and publish.
   */
  publishCheck(body: unknown, id: string): FieldError[] {
    let draft: Entry;
    try {
      draft = this.validate(body, id);
    } catch (err) {
      if (err instanceof EditError) return [];
      throw err;
    }
    const published = { ...draft, status: 'published' as const, reviewed: { by: '审核人', at: this.today() } };
    return publishCheckOf(published, this.draftContext()).errors;
  }

  /** Version of an entry file as last written or loaded (the watcher skips files the store wrote itself). */
  knownVersion(file: string): string | undefined {
    for (const f of this.files.values()) if (f.file === file) return f.version;
    return undefined;
  }

  /** Counts for the status page. */
  counts(): { entries: number; drafts: number; published: number; retired: number; revisions: number } {
    const all = [...this.files.values()];
    const by = (s: Entry['status']) => all.filter((f) => f.entry.status === s).length;
    return { entries: all.length, drafts: by('draft'), published: by('published'), retired: by('retired'), revisions: this.deps.revisions.ids().length };
  }

  /** Creates a new draft entry file. 409 when the id exists; 400 with every field error when invalid. */
  async create(actor: string, body: unknown, action: AuditAction = 'create'): Promise<{ id: string; version: string; status: 'draft' }> {
    const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') throw new EditError(400, '条目格式不正确', [{ field: 'id', message: '缺少必填字段' }]);
    return this.locks.run(id, async () => {
      if (this.files.has(id)) throw new EditError(409, `条目 ${id} 已存在，请用 PUT 修改`);
      const entry = this.validate(body, id);
      const file = `${KIND_DIR[entry.kind]}/${id}.yaml`;
      if (await exists(path.join(this.deps.knowledgeDir, file))) throw new EditError(409, `文件 ${file} 已存在（可能是无效的手工文件）`);
      // Write-ahead: who wrote which version is recorded before the text lands (a crash in between leaves
      // an audit row for a version that never appeared, never a version without its author).
      const version = await this.writeFile(file, entry, (v) => this.deps.audit.record({ actor, action, entryId: id, newVersion: v }));
      return { id, version, status: 'draft' as const };
    });
  }

  /**
   * Saves staff's text of an entry when `ifMatch` is the current version (412 otherwise, nothing written;
   * 428 without it). A published entry gets a draft revision and keeps serving its published text.
   */
  async update(
    actor: string,
    id: string,
    ifMatch: string | undefined,
    body: unknown,
    action: AuditAction = 'update',
  ): Promise<{ version: string; status: Entry['status']; pendingRevision: boolean }> {
    if (ifMatch === undefined && action !== 'import') throw new EditError(428, '修改条目须带 If-Match 请求头（GET 时返回的 ETag 版本号）');
    return this.locks.run(id, async () => {
      const current = this.current(id, ifMatch);
      const entry = this.validate(body, id);
      const f = this.files.get(id)!;
      const record = (v: string) => this.deps.audit.record({ actor, action, entryId: id, oldVersion: current.version, newVersion: v });
      let version: string;
      if (f.entry.status === 'published') {
        record(versionOf(entryToYaml(entry)));
        version = await this.deps.revisions.put(entry);
      } else version = await this.writeFile(f.file, entry, record);
      return { version, status: this.files.get(id)!.entry.status, pendingRevision: f.entry.status === 'published' };
    });
  }

  /**
   * Publishes the pending draft (or revision). The approver must differ from the last editor (法制审核,
   * 403 otherwise); `reviewed` records the approver and the day.
   */
  async approve(actor: string, id: string, ifMatch?: string): Promise<{ version: string; status: 'published' }> {
    return this.locks.run(id, async () => {
      const current = this.current(id, ifMatch);
      const f = this.files.get(id)!;
      if (!current.pendingRevision && f.entry.status !== 'draft') throw new EditError(409, `条目 ${id} 没有待审核的草稿`);
      if (this.deps.audit.lastEditor(id) === actor) throw new EditError(403, '法制审核须由最后编辑人以外的工作人员完成');
      // The four-eyes rule needs the author of exactly this text: a version whose edit was never recorded
      // (a staff write cut short, a revision file from elsewhere) cannot be approved by anyone.
      const author = this.deps.audit.editorOf(id, current.version);
      if (author === actor) throw new EditError(403, '法制审核须由最后编辑人以外的工作人员完成');
      if (author === undefined && (current.pendingRevision || this.deps.audit.hasEdits(id))) {
        throw new EditError(403, '这一版本没有记录编辑人（可能是保存时服务中断），不能审核；请由工作人员重新保存一次后再审核');
      }
      const { status: _s, reviewed: _r, ...rest } = current.entry;
      const published: Entry = { ...rest, status: 'published', reviewed: { by: actor, at: this.today() } };
      // Nothing is published on a law no longer in force, whatever the tree's transition setting.
      const check = publishCheckOf(published, this.draftContext());
      if (!check.entry) throw new EditError(400, '条目未通过校验，不能发布', check.errors);
      const version = await this.writeFile(f.file, published, (v) =>
        this.deps.audit.record({ actor, action: 'approve', entryId: id, oldVersion: current.version, newVersion: v }),
      );
      if (current.pendingRevision) await this.deps.revisions.remove(id);
      return { version, status: 'published' as const };
    });
  }

  /**
   * 法制审核 of a published entry's served text as it stands (e.g. one written by the development team and never
   * approved here): records the reviewer like an approval, under the same rules (not the last editor, 403; the
   * checks of publishing, 400). 409 when a revision waits (approve that instead) or the entry is not published.
   */
  async confirmReview(actor: string, id: string, ifMatch?: string): Promise<{ version: string; status: 'published' }> {
    return this.locks.run(id, async () => {
      const current = this.current(id, ifMatch);
      const f = this.files.get(id)!;
      if (f.entry.status !== 'published') throw new EditError(409, `条目 ${id} 尚未发布，请在“待审核”中批准发布`);
      if (current.pendingRevision) throw new EditError(409, `条目 ${id} 有待审核的修改，请在“待审核”中审核修改后的文本`);
      const r = f.entry.reviewed;
      if (r && this.deps.audit.approved(id, r.by, f.version)) throw new EditError(409, `条目 ${id} 已由${r.by}于 ${r.at} 完成法制审核`);
      // Whoever last wrote the text (an approval since does not change who wrote it) cannot review it.
      const writer = this.deps.audit
        .list({ entryId: id, limit: 1000 })
        .find((x) => x.action === 'create' || x.action === 'update' || x.action === 'import')?.actor;
      if (writer === actor) throw new EditError(403, '法制审核须由最后编辑人以外的工作人员完成');
      const reviewed: Entry = { ...f.entry, reviewed: { by: actor, at: this.today() } };
      const check = publishCheckOf(reviewed, this.draftContext());
      if (!check.entry) throw new EditError(400, '条目未通过校验，不能确认审核（请先修改）', check.errors);
      const version = await this.writeFile(f.file, reviewed, (v) =>
        this.deps.audit.record({ actor, action: 'approve', entryId: id, oldVersion: current.version, newVersion: v, detail: 'review of the published text' }),
      );
      return { version, status: 'published' as const };
    });
  }

  /** Stops serving an entry (status retired) and discards a pending revision. */
  async retire(actor: string, id: string, ifMatch?: string): Promise<{ version: string; status: 'retired' }> {
    return this.locks.run(id, async () => {
      const current = this.current(id, ifMatch);
      const f = this.files.get(id)!;
      if (f.entry.status === 'retired') throw new EditError(409, `条目 ${id} 已停用`);
      const version = await this.writeFile(f.file, { ...f.entry, status: 'retired', updated: this.today() }, (v) =>
        this.deps.audit.record({ actor, action: 'retire', entryId: id, oldVersion: current.version, newVersion: v }),
      );
      if (current.pendingRevision) await this.deps.revisions.remove(id);
      return { version, status: 'retired' as const };
    });
  }

  /** Replaces everything after a valid reload of the tree (hand edits picked up by the watcher). */
  replaceAll(files: Map<string, EntryFile>, knowledge: Knowledge): void {
    this.files = files;
    this.sources = knowledge.sources;
    this.laws = knowledge.laws;
  }

  /** The current view of `id`, checked against `ifMatch` when given (404 unknown, 412 stale). */
  private current(id: string, ifMatch: string | undefined): EntryView {
    const view = this.get(id);
    if (!view) throw new EditError(404, `没有条目 ${id}`);
    if (ifMatch !== undefined && ifMatch !== view.version) {
      throw new EditError(412, `条目 ${id} 已被他人修改（当前版本 ${view.version}），请重新获取后再改`);
    }
    return view;
  }

  /** Entries other than the one being checked (with their pending revisions ignored). */
  private others(): Entry[] {
    return [...this.files.values()].map((f) => f.entry);
  }

  private validate(body: unknown, id: string): Entry {
    return draftFromBody(body, id, this.draftContext());
  }

  /** What drafts are checked against: the other entries, the sources, today, the law texts. */
  private draftContext(): DraftContext {
    return { others: this.others(), sources: this.sources, today: this.today(), laws: this.laws };
  }

  /**
   * Writes an entry file atomically, then (synchronously) the store and the live index. `record` is called
   * with the new version before the file is written (the write-ahead audit row); every staff write passes it.
   */
  private async writeFile(file: string, entry: Entry, record?: (version: string) => void): Promise<string> {
    const text = entryToYaml(entry);
    record?.(versionOf(text));
    await writeFileAtomic(path.join(this.deps.knowledgeDir, file), text);
    const version = versionOf(text);
    this.writes++;
    this.files.set(entry.id, { entry, file, version });
    this.deps.engine.upsertEntry(entry);
    return version;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
