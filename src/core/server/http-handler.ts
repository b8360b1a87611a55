import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { HallError } from "../errors/hall-error";
import type { Logger } from "../logger";
import type { HallContext } from "./hall-context";
import { newRequestId, runInRequest } from "./request-scope";

/** Enough for a 2 MB ID photo sent as base64 (about 2.7 MB) with its mutation; no more. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A route beside /graphql: health checks now, thin clients later. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpHandlerParts {
  apollo: ApolloServer<HallContext>;
  /** Builds the context from the Authorization header; throws a HallError for a bad token. */
  contextFor(authorization: string | undefined, requestId: string): Promise<HallContext>;
  routes: Map<string, Route>;
  logger: Logger;
}

/**
 * A plain node:http handler in front of Apollo. We measured it against Express 5 on this
 * stack and it carried about 2.5 times the requests; Apollo's standalone helper owns its
 * server and cannot share the port with graphql-ws.
 */
export function createHttpHandler(parts: HttpHandlerParts) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://hall");
    const requestId = newRequestId();
    res.setHeader("x-request-id", requestId);
    const route: Route | undefined =
      url.pathname === "/graphql" ? () => graphql(req, res, url, requestId) : parts.routes.get(url.pathname);
    if (!route) {
      send(res, 404, "text/plain; charset=utf-8", "Not found\n");
      return;
    }
    runInRequest(requestId, () =>
      Promise.resolve(route(req, res)).catch(
        (error) => {
          parts.logger.error({ err: error, requestId }, "request failed");
          if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal error\n");
          else res.destroy();
        },
      ),
    );
  };

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const body = await readBody(req);
    if (body === TOO_LARGE) {
      send(res, 413, "application/json", JSON.stringify({ errors: [{ message: "Request body too large" }] }));
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    // The caller is known before Apollo runs, so a bad token gets a plain UNAUTHENTICATED
    // answer (401) instead of Apollo's "context creation failed".
    let context: HallContext;
    try {
      context = await parts.contextFor(req.headers.authorization, requestId);
    } catch (error) {
      if (!(error instanceof HallError)) throw error;
      const errors = [{ message: error.message, extensions: { code: error.code } }];
      send(res, 401, "application/json; charset=utf-8", JSON.stringify({ errors }));
      return;
    }
    const response = await parts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body: parseJson(body, headers) },
      context: async () => context,
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

const TOO_LARGE = Symbol("too large");

function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Apollo wants the parsed body; a body that is not JSON is passed on as text for it to refuse. */
function parseJson(body: string, headers: HeaderMap): unknown {
  if (!body) return undefined;
  if (!(headers.get("content-type") ?? "").includes("json")) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

function send(res: ServerResponse, status: number, type: string, text: string): void {
  res.writeHead(status, { "content-type": type });
  res.end(text);
}
