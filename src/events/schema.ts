/**
 * The shape of an outreach event (普法活动): a 六五环境日 stand, a 送法入企 visit, a training. Defined in
 * knowledge/events/*.yaml or created by staff (stored in the `events` table). The TypeBox schema is the
 * single source of truth for the type and for validation of both.
 */
import { Type, type Static } from '@sinclair/typebox';

/** Pattern of an event code: letters, digits, `_` and `-`, 1 to 32 characters. */
export const EVENT_CODE_PATTERN = '^[A-Za-z0-9_-]{1,32}$';

/** True when `code` is a well-formed event code (it may still be unknown). */
export function isEventCode(code: unknown): code is string {
  return typeof code === 'string' && new RegExp(EVENT_CODE_PATTERN).test(code);
}

/** One event, as written in a YAML file or given to `createEvent`. */
export const EventSchema = Type.Object(
  {
    code: Type.String({ pattern: EVENT_CODE_PATTERN, description: 'Short code used in links and QR codes: letters, digits, _ and -, at most 32 characters.' }),
    name: Type.String({ minLength: 2, maxLength: 60, description: 'Name of the event, in Chinese (the poster title).' }),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Day of the event, YYYY-MM-DD.' }),
    place: Type.String({ minLength: 2, maxLength: 80, description: 'Where it is held.' }),
    greeting: Type.String({ minLength: 2, maxLength: 200, description: 'Welcome line shown on the poster and to participants.' }),
    examples: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 40 }), {
        maxItems: 3,
        description:
          "Up to three example questions printed on the poster, on the event's subject (default: the hot questions). Each should be answered by a published entry.",
      }),
    ),
  },
  { additionalProperties: false },
);

/** An outreach event. */
export type OutreachEvent = Static<typeof EventSchema>;

/** Where an event comes from: a knowledge file or the staff's database table. */
export type EventOrigin = 'file' | 'staff';
