import { type Client, createClient, type SubscribePayload } from "graphql-ws";
import WebSocket from "ws";

export interface WsClosed {
  code: number;
  reason: string;
}

/** Results and errors of one subscription, collected for a test to wait on. */
export interface Collected {
  results: Array<{ data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  /** Errors sent as a graphql-ws `error` message, or the socket's close event. */
  failure: unknown;
  completed: boolean;
  stop(): void;
}

/**
 * A graphql-ws client of a test hall that never retries, so that a refused connection
 * shows up as its close event instead of being tried again.
 */
export function wsClient(port: number, token?: string, options: { lazy?: boolean } = {}): Client & {
  closed: Promise<WsClosed>;
  connected: Promise<void>;
} {
  let onClosed!: (event: WsClosed) => void;
  let onConnected!: () => void;
  const closed = new Promise<WsClosed>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: options.lazy ?? true,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
      connected: () => onConnected(),
    },
  });
  return Object.assign(client, { closed, connected });
}

/** Subscribes and collects what arrives, until stopped, completed or failed. */
export function collect(client: Client, payload: SubscribePayload): Collected {
  const collected: Collected = {
    results: [],
    failure: undefined,
    completed: false,
    stop: () => undefined,
  };
  collected.stop = client.subscribe(payload, {
    next: (result) => void collected.results.push(result as Collected["results"][number]),
    error: (error) => void (collected.failure = error),
    complete: () => void (collected.completed = true),
  });
  return collected;
}

/** Waits for a condition, checking every 20 ms, for at most `ms`. */
export async function until(condition: () => boolean, ms = 5000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves with the promise's value, or rejects after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
