/**
 * The hall's error family. Domain code throws these without knowing GraphQL; the server's
 * error formatter (server/format-error.ts) is the one place that turns them into GraphQL errors.
 */
export type HallErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "OUTSIDE_SERVICE_HOURS"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL";

export class HallError extends Error {
  constructor(
    readonly code: HallErrorCode,
    message: string,
    /** Extra facts a client may act on (the field at fault, the next opening time). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HallError";
  }
}

export class UnauthenticatedError extends HallError {
  constructor(message = "Sign in first.") {
    super("UNAUTHENTICATED", message);
  }
}

export class ForbiddenError extends HallError {
  constructor(message = "You may not do this.") {
    super("FORBIDDEN", message);
  }
}

/** Bad input, naming the field at fault so that a form can mark it. */
export class BadInputError extends HallError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super("BAD_USER_INPUT", message, { field });
  }
}

export class NotFoundError extends HallError {
  constructor(what: string) {
    // `what` may quote the caller's input; a long one is not echoed back whole.
    super("NOT_FOUND", `${what.length > 120 ? `${what.slice(0, 117)}...` : what} was not found.`);
  }
}

export class ConflictError extends HallError {
  constructor(message: string, field?: string) {
    super("CONFLICT", message, field ? { field } : {});
  }
}

export class OutsideServiceHoursError extends HallError {
  constructor(message: string, nextOpening: Date | null) {
    super("OUTSIDE_SERVICE_HOURS", message, { nextOpening: nextOpening?.toISOString() ?? null });
  }
}

export class TooManyRequestsError extends HallError {
  constructor(message: string, retryAfterSeconds: number) {
    super("TOO_MANY_REQUESTS", message, { retryAfterSeconds });
  }
}
