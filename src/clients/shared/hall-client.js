// The thin clients' whole link to the hall: GraphQL over HTTP, subscriptions over graphql-ws.
// Department dashboards can copy this pattern; it uses only the public API.
import { createClient } from "/vendor/graphql-ws/client.js";
import { t } from "/shared/i18n.js";

const TOKEN_KEY = "onestop.token";
const ENDPOINT = "/graphql";

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    resetSocket();
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    resetSocket();
  },
};

/** An error the API gave, with its code and (for bad input) the field at fault. */
export class HallClientError extends Error {
  constructor(code, message, field) {
    super(message);
    this.code = code;
    this.field = field;
  }

  /** What to show a volunteer: the code in their language, then the server's words. */
  describe() {
    return `${t(`err.${this.code}`)}${this.field ? ` (${this.field})` : ""}: ${this.message}`;
  }
}

export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new HallClientError("NETWORK", String(error.message ?? error));
  }
  const body = await response.json().catch(() => ({ errors: [{ message: response.statusText }] }));
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new HallClientError(first.extensions?.code ?? "INTERNAL", first.message, first.extensions?.field);
  }
  return body.data;
}

let socket = null;
const connectedListeners = new Set();
const statusListeners = new Set();

function client() {
  if (socket) return socket;
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${ENDPOINT}`;
  socket = createClient({
    url,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Back off up to 5 s, so a board finds a restarted server quickly without hammering it.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5000, 300 * 2 ** retries))),
    connectionParams: () => (session.token ? { authorization: session.token } : {}),
    on: {
      connected: () => {
        statusListeners.forEach((l) => l(true));
        connectedListeners.forEach((l) => l());
      },
      closed: () => statusListeners.forEach((l) => l(false)),
    },
  });
  return socket;
}

function resetSocket() {
  if (socket) socket.dispose();
  socket = null;
}

/**
 * Subscribes and keeps subscribing across reconnects. `onConnected` runs on every
 * (re)connection, which is when a client catches up by querying the current state.
 */
export function live(query, variables, onData, { onConnected, onError } = {}) {
  if (onConnected) connectedListeners.add(onConnected);
  const stop = client().subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) {
          const [first] = result.errors;
          onError?.(new HallClientError(first.extensions?.code ?? "INTERNAL", first.message));
        } else onData(result.data);
      },
      error: (error) => onError?.(new HallClientError("NETWORK", String(error?.reason ?? error?.message ?? error))),
      complete: () => {},
    },
  );
  return () => {
    if (onConnected) connectedListeners.delete(onConnected);
    stop();
  };
}

export function onConnectionChange(listener) {
  statusListeners.add(listener);
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : String(child));
  return node;
}

let hallZone = null;

/** Loads the hall's time zone once, so times read as the hall's clock, not the device's. */
export async function loadHallZone() {
  if (!hallZone) hallZone = await gql(`{ hall { timeZone } }`).then((d) => d.hall.timeZone).catch(() => undefined);
  return hallZone;
}

/** A UTC instant in the hall's time zone, e.g. 2026-12-04 17:30. */
export function when(iso) {
  if (!iso) return "";
  return new Date(iso).toLocaleString("zh-CN", { timeZone: hallZone ?? undefined, hour12: false });
}
