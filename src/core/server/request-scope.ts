import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request id of the operation being run, so that error formatting (which Apollo and
 * graphql-ws call without our context) can quote it to the client and the log alike.
 */
const scope = new AsyncLocalStorage<{ requestId: string }>();

export function newRequestId(): string {
  return randomUUID();
}

export function runInRequest<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
