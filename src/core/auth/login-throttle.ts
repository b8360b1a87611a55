import { TooManyRequestsError } from "../errors/hall-error";

const FREE_ATTEMPTS = 5;
const MAX_LOCK_SECONDS = 15 * 60;

/**
 * Slows down guessing: after five failed sign-ins for one account name, each further
 * failure doubles the wait before the next try (up to 15 minutes). It is keyed by the name
 * typed, whether or not such an account exists, so the wait itself reveals nothing.
 *
 * TODO: the counts live in this process; with several servers behind a load balancer they
 * should move to Redis so that an attacker cannot spread guesses across processes.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  assertMayTry(account: string): void {
    const entry = this.failures.get(key(account));
    if (!entry || entry.lockedUntil <= this.now()) return;
    const seconds = Math.ceil((entry.lockedUntil - this.now()) / 1000);
    throw new TooManyRequestsError(`Too many failed sign-ins; try again in ${seconds} s.`, seconds);
  }

  recordFailure(account: string): void {
    const k = key(account);
    const entry = this.failures.get(k) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      const seconds = Math.min(MAX_LOCK_SECONDS, 2 ** (entry.count - FREE_ATTEMPTS));
      entry.lockedUntil = this.now() + seconds * 1000;
    }
    this.failures.set(k, entry);
    if (this.failures.size > 10_000) this.forgetOldest();
  }

  recordSuccess(account: string): void {
    this.failures.delete(key(account));
  }

  private forgetOldest(): void {
    const oldest = this.failures.keys().next().value;
    if (oldest !== undefined) this.failures.delete(oldest);
  }
}

function key(account: string): string {
  return account.trim().toLowerCase();
}
