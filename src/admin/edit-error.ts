/** An edit refused for a reason staff can fix; `status` is the HTTP status the API answers with. */
import type { FieldError } from './entry-check.js';

/** A refused edit (400 invalid, 403 four-eyes, 404 unknown, 409 conflict, 412 stale, 428 no If-Match). */
export class EditError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 412 | 428,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'EditError';
  }
}
