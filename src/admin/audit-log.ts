/** The audit trail of staff actions on knowledge (table `audit`): who, what, when, old and new version. */
import type { Db } from '../store/database.js';

/** What staff did to an entry. */
export type AuditAction = 'create' | 'update' | 'approve' | 'retire' | 'import' | 'reload' | 'return';

/** One audit row. */
export interface AuditRecord {
  id: number;
  /** ISO time of the action. */
  at: string;
  /** Staff name (or `file` for hand edits picked up by the watcher). */
  actor: string;
  action: AuditAction;
  entryId: string;
  oldVersion: string | null;
  newVersion: string | null;
  detail: string | null;
}

/** Actions that make someone the last editor of an entry (the four-eyes rule looks at these). */
const EDIT_ACTIONS: AuditAction[] = ['create', 'update', 'import'];

/** Reads and appends audit rows. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends one row. */
  record(r: { actor: string; action: AuditAction; entryId: string; oldVersion?: string; newVersion?: string; detail?: string }): void {
    this.db
      .prepare('INSERT INTO audit (at, actor, action, entry_id, old_version, new_version, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), r.actor, r.action, r.entryId, r.oldVersion ?? null, r.newVersion ?? null, r.detail ?? null);
  }

  /** Newest first; filter by entry id and/or actor (default limit: 100, at most 1000). */
  list(filter: { entryId?: string; actor?: string; limit?: number; before?: number } = {}): AuditRecord[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.entryId) where.push('entry_id = ?'), args.push(filter.entryId);
    if (filter.actor) where.push('actor = ?'), args.push(filter.actor);
    if (filter.before) where.push('id < ?'), args.push(filter.before);
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
    const rows = this.db
      .prepare(
        `SELECT id, at, actor, action, entry_id AS entryId, old_version AS oldVersion, new_version AS newVersion, detail
         FROM audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ${limit}`,
      )
      .all(...args) as AuditRecord[];
    return rows;
  }

  /**
   * Whether `actor` approved exactly `version` of the entry (an `approve` row whose new version is it): the
   * proof that an entry's `reviewed` was set by a staff approval and the text has not changed since.
   */
  approved(entryId: string, actor: string, version: string): boolean {
    return !!this.db
      .prepare("SELECT 1 FROM audit WHERE entry_id = ? AND action = 'approve' AND actor = ? AND new_version = ? LIMIT 1")
      .get(entryId, actor, version);
  }

  /**
   * Who wrote exactly `version` of the entry: the actor of the newest edit row whose new version it is, or
   * undefined when no edit recorded it (hand-written, or a write whose audit row is missing).
   */
  editorOf(entryId: string, version: string): string | undefined {
    const row = this.db
      .prepare(
        `SELECT actor FROM audit WHERE entry_id = ? AND new_version = ? AND action IN (${EDIT_ACTIONS.map(() => '?').join(',')}) ORDER BY id DESC LIMIT 1`,
      )
      .get(entryId, version, ...EDIT_ACTIONS) as { actor: string } | undefined;
    return row?.actor;
  }

  /** Whether staff ever edited the entry through the store (create, update or import). */
  hasEdits(entryId: string): boolean {
    return !!this.db
      .prepare(`SELECT 1 FROM audit WHERE entry_id = ? AND action IN (${EDIT_ACTIONS.map(() => '?').join(',')}) LIMIT 1`)
      .get(entryId, ...EDIT_ACTIONS);
  }

  /** The staff member who last edited the entry's current text, or undefined (hand-written, or never edited). */
  lastEditor(entryId: string): string | undefined {
    const row = this.db
      .prepare(
        `SELECT actor, action FROM audit WHERE entry_id = ? AND action IN (${EDIT_ACTIONS.map(() => '?').join(',')}, 'approve', 'retire') ORDER BY id DESC LIMIT 1`,
      )
      .get(entryId, ...EDIT_ACTIONS) as { actor: string; action: AuditAction } | undefined;
    return row && EDIT_ACTIONS.includes(row.action) ? row.actor : undefined;
  }
}
