/**
 * All known events: those defined in knowledge/events/*.yaml and those created by staff in the `events`
 * table. Staff events are read from the database on every lookup, so an event created through
 * {@link createEvent} is live at once. A file event wins over a staff event with the same code.
 */
import type { Db } from '../store/database.js';
import { eventProblems } from './load.js';
import { isEventCode, type EventOrigin, type OutreachEvent } from './schema.js';

/** An event with where it came from. */
export interface KnownEvent extends OutreachEvent {
  origin: EventOrigin;
}

interface EventRow {
  code: string;
  name: string;
  date: string | null;
  place: string | null;
  greeting: string | null;
}

function fromRow(r: EventRow): KnownEvent {
  return { code: r.code, name: r.name, date: r.date ?? '', place: r.place ?? '', greeting: r.greeting ?? '', origin: 'staff' };
}

/** Looks events up by code across the knowledge files and the database. */
export class EventRegistry {
  private readonly files: Map<string, OutreachEvent>;

  /** `fileEvents` from {@link loadEvents}; `db` holds staff events (default: none, files only). */
  constructor(
    fileEvents: readonly OutreachEvent[],
    private readonly db?: Db,
  ) {
    this.files = new Map(fileEvents.map((e) => [e.code, e]));
  }

  /** The event with this exact code, or undefined (also for a malformed code). */
  get(code: string): KnownEvent | undefined {
    if (!isEventCode(code)) return undefined;
    const f = this.files.get(code);
    if (f) return { ...f, origin: 'file' };
    const row = this.db?.prepare('SELECT code, name, date, place, greeting FROM events WHERE code = ?').get(code) as EventRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** True when the code is known. */
  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** Every event, file events first, then staff events; each group by date then code. */
  list(): KnownEvent[] {
    const files = [...this.files.values()].map((e): KnownEvent => ({ ...e, origin: 'file' }));
    const staff = this.db
      ? (this.db.prepare('SELECT code, name, date, place, greeting FROM events').all() as EventRow[]).map(fromRow).filter((e) => !this.files.has(e.code))
      : [];
    const order = (a: KnownEvent, b: KnownEvent) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code);
    return [...files.sort(order), ...staff.sort(order)];
  }
}

/** Why {@link createEvent} refused an input. */
export class EventInputError extends Error {
  /**
   * `field` names the offending field ('' for the whole input); `reason` is `invalid` (fix the input) or
   * `duplicate` (the code is taken: pick another). The message is Chinese and can be shown to staff.
   */
  constructor(
    readonly field: string,
    readonly reason: 'invalid' | 'duplicate',
    message: string,
  ) {
    super(message);
    this.name = 'EventInputError';
  }
}

/** Options of {@link createEvent}. */
export interface CreateEventOptions {
  /** Who creates it, stored in `created_by` (default: null). */
  createdBy?: string;
  /** Codes already taken outside the table, e.g. `(c) => registry.has(c)` (default: only the table is checked). */
  taken?: (code: string) => boolean;
  /** Creation time (default: now). */
  now?: Date;
}

/**
 * Validates `input` against the event schema and stores it in the `events` table; for staff routes
 * (POST /api/admin/events). Throws {@link EventInputError} for bad input or a code already in use; the
 * caller answers 400 (invalid) or 409 (duplicate) with its message.
 */
export function createEvent(db: Db, input: unknown, options: CreateEventOptions = {}): OutreachEvent {
  const problems = eventProblems(input);
  if (problems.length) {
    const p = problems[0];
    throw new EventInputError(p.field, 'invalid', p.field ? `活动信息不正确（字段 ${p.field}）：${p.message}` : `活动信息不正确：${p.message}`);
  }
  const e = input as OutreachEvent;
  const event: OutreachEvent = { code: e.code, name: e.name.trim(), date: e.date, place: e.place.trim(), greeting: e.greeting.trim() };
  if (options.taken?.(event.code)) throw new EventInputError('code', 'duplicate', `活动代码 ${event.code} 已被使用，请换一个。`);
  const result = db
    .prepare('INSERT OR IGNORE INTO events (code, name, date, place, greeting, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(event.code, event.name, event.date, event.place, event.greeting, options.createdBy ?? null, (options.now ?? new Date()).toISOString());
  if (result.changes === 0) throw new EventInputError('code', 'duplicate', `活动代码 ${event.code} 已被使用，请换一个。`);
  return event;
}
