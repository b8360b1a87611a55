import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestHall } from "./test-hall";

/** One message a subscription delivered, stamped with when it arrived. */
export interface Heard {
  at: number;
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** What one subscription has delivered so far. */
export interface Listener {
  heard: Heard[];
  /** An `error` message of the protocol, or the socket's close event. */
  failure: unknown;
  completed: boolean;
  /** Waits for the first message, from `from` on, that satisfies `match`. */
  waitFor(match: (heard: Heard) => boolean, ms?: number, from?: number): Promise<Heard>;
  stop(): void;
}

/**
 * A socket to the hall as a board or a student's phone opens it: graphql-ws on the HTTP
 * port and path, the token (if any) in connectionParams, and no retries, so a refusal shows.
 */
export function hallSocket(hall: TestHall, token?: string): Client {
  return createClient({
    url: `ws://127.0.0.1:${hall.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: token } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export function listen(client: Client, query: string, variables?: Record<string, unknown>): Listener {
  const listener: Listener = {
    heard: [],
    failure: undefined,
    completed: false,
    stop: () => undefined,
    waitFor: async (match, ms = 2000, from = 0) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = listener.heard.slice(from).find(match);
        if (found) return found;
        if (listener.failure !== undefined || listener.completed || Date.now() > deadline) {
          throw new Error(
            `no matching message within ${ms} ms; heard ${JSON.stringify(listener.heard)}` +
              (listener.failure !== undefined ? `, failure ${describe(listener.failure)}` : ""),
          );
        }
        await pause(10);
      }
    },
  };
  listener.stop = client.subscribe(
    { query, variables },
    {
      next: (result) => void listener.heard.push({ at: Date.now(), ...(result as object) }),
      error: (error) => void (listener.failure = error),
      complete: () => void (listener.completed = true),
    },
  );
  return listener;
}

/**
 * Waits until the server has registered the subscription, by publishing a probe on its
 * topic straight onto the hall's event bus until the listener hears one. graphql-ws does
 * not acknowledge a subscribe, and an event sent before the server subscribed is lost, so
 * without this a test would race its own mutation. Probes are marked by `isProbe`.
 */
export async function untilLive(
  hall: TestHall,
  listener: Listener,
  topic: string,
  payload: Record<string, unknown>,
  isProbe: (heard: Heard) => boolean,
): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (listener.failure !== undefined || listener.completed) break;
    hall.hall.services.events.publish({ topic, payload });
    await pause(20);
    if (listener.heard.some(isProbe)) return;
  }
  throw new Error(`the subscription never went live: ${describe(listener.failure)}`);
}

/** A board's probe: shaped like a queue event, with a number no ticket has. */
export const PROBE_NUMBER = "PROBE";

export function boardProbe(department: string): Record<string, unknown> {
  return { department, kind: "TAKEN", number: PROBE_NUMBER, window: null, waiting: -1, at: new Date().toISOString() };
}

export const isBoardProbe = (heard: Heard) => heard.data?.queueUpdated?.number === PROBE_NUMBER;

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(value: unknown): string {
  if (value === undefined) return "none";
  if (value instanceof Error) return value.message;
  const close = value as { code?: number; reason?: string };
  if (typeof close?.code === "number") return `close ${close.code} ${close.reason ?? ""}`;
  return JSON.stringify(value);
}
