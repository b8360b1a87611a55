import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "../core/server/http-handler";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** A fixed file, read once and kept: the thin clients are a handful of small files. */
export function fileRoute(path: string): Route {
  let cached: Buffer | null = null;
  const type = TYPES[extname(path)] ?? "application/octet-stream";
  return async (_req: IncomingMessage, res: ServerResponse) => {
    cached ??= await readFile(path);
    res.writeHead(200, {
      "content-type": type,
      "cache-control": "no-cache",
      // The clients talk only to this server; nothing else may be loaded or framed.
      "content-security-policy":
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
    });
    res.end(cached);
  };
}

/** Every file of one folder (not below it) under a URL prefix, e.g. /vendor/graphql-ws/. */
export function folderRoutes(prefix: string, folder: string, extensions: string[]): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const name of readdirSync(folder)) {
    if (!extensions.includes(extname(name))) continue;
    const file = normalize(join(folder, name));
    if (!file.startsWith(normalize(folder) + sep)) continue;
    routes.set(`${prefix}${name}`, fileRoute(file));
  }
  return routes;
}
