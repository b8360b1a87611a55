// GraphiQL for the teams that write dashboards: queries over HTTP, subscriptions over
// graphql-ws on the same path. Put `{"authorization": "Bearer <token>"}` in the headers pane.
import { createClient } from "/vendor/graphql-ws/client.js";

const url = `${location.origin}/graphql`;
let wsClient = null;

function socketFor(headers) {
  const token = (headers?.authorization ?? headers?.Authorization ?? "").replace(/^Bearer\s+/i, "");
  wsClient?.dispose();
  wsClient = createClient({
    url: url.replace(/^http/, "ws"),
    connectionParams: token ? { authorization: token } : {},
  });
  return wsClient;
}

const httpFetcher = window.GraphiQL.createFetcher({ url });

/** HTTP for queries and mutations; graphql-ws for subscriptions (the server refuses others there). */
function fetcher(params, options) {
  if (!/^\s*subscription\b/.test(params.query)) return httpFetcher(params, options);
  const client = socketFor(options?.headers);
  return {
    [Symbol.asyncIterator]() {
      const queue = [];
      let wake = null;
      let done = false;
      const stop = client.subscribe(params, {
        next: (value) => { queue.push(value); wake?.(); },
        error: (error) => { queue.push({ errors: [{ message: String(error?.reason ?? error) }] }); done = true; wake?.(); },
        complete: () => { done = true; wake?.(); },
      });
      return {
        async next() {
          while (!queue.length && !done) await new Promise((resolve) => (wake = resolve));
          return queue.length ? { value: queue.shift(), done: false } : { value: undefined, done: true };
        },
        async return() { stop(); return { value: undefined, done: true }; },
      };
    },
  };
}

const root = window.ReactDOM.createRoot(document.getElementById("graphiql"));
root.render(window.React.createElement(window.GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
