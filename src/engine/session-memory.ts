/** A small bounded memory of the options last offered to each session (for "reply 1, 2 or 3"). */

/** Remembers up to `capacity` sessions' clarify options, oldest forgotten first. */
export class SessionMemory {
  private readonly map = new Map<string, string[]>();

  /** @param capacity how many sessions are remembered (default: 10_000) */
  constructor(private readonly capacity = 10_000) {}

  get(session: string): string[] | undefined {
    return this.map.get(session);
  }

  set(session: string, ids: string[]): void {
    this.map.delete(session);
    this.map.set(session, ids);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  delete(session: string): void {
    this.map.delete(session);
  }
}
