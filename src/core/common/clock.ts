/**
 * The hall's sense of "now". Production reads the system clock; tests pin it to a moment
 * (a Friday evening, the eve of a holiday) to check opening hours and due dates.
 */
export class Clock {
  private pinned: Date | null = null;

  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }

  /** Pins the clock; `null` returns to the system clock. */
  set(at: Date | null): void {
    this.pinned = at ? new Date(at) : null;
  }
}
