/**
 * Reviewed means reviewed (issue 12, item 4): an entry's `reviewed` is shown to the public only when this
 * installation's audit log holds the staff approval that wrote it. The proof is an `approve` row whose actor
 * is `reviewed.by` and whose new version is the version of the entry file served now, so a hand-written
 * `reviewed:` (or one kept through a later hand edit of the text) never claims a 法制审核 that did not happen.
 */
import type { Entry } from '../knowledge/schema.js';
import type { AuditLog } from './audit-log.js';
import type { EntryStore } from './entry-store.js';

/** Who approved an entry and when, as a reply may show it. */
export type Review = NonNullable<Entry['reviewed']>;

/** The check the engine runs for every answered reply: the entry's `reviewed` when an approval recorded it. */
export function recordedReview(audit: AuditLog, store: Pick<EntryStore, 'fileVersion'>): (entry: Entry) => Review | undefined {
  return (entry) => {
    const r = entry.reviewed;
    if (!r) return undefined;
    const version = store.fileVersion(entry.id);
    return version !== undefined && audit.approved(entry.id, r.by, version) ? r : undefined;
  };
}
