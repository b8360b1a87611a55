import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createConnection } from "mysql2/promise";
import pino from "pino";
import type { Logger as TypeOrmLogger } from "typeorm";
import { createHall, loadConfig, type Hall, type HallOptions, type HallPlugin } from "../../src/core";
import { offeredPlugins } from "../../src/plugins";

export const ADMIN_PASSWORD = "admin-pass-for-tests";

export interface GraphQLReply<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }>;
}

export interface TestHall {
  hall: Hall;
  url: string;
  port: number;
  adminToken: string;
  /** The database this hall runs on, to start a later hall on it (with `keepDatabase`). */
  databaseUrl: string;
  /** Which database this hall runs on: the suite runs once per database. */
  dialect: "sqlite" | "mysql";
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLReply<T>>;
  login(account: string, password: string): Promise<string>;
  /** Makes an account through the API, as an admin would, and signs it in. */
  account(input: Record<string, unknown>): Promise<{ id: string; token: string }>;
  stop(): Promise<void>;
}

export interface TestHallOptions {
  /** PLUGINS; all offered plugins when absent. */
  plugins?: string[];
  /** Plugins offered by the build; the real six when absent. */
  offered?: HallPlugin[];
  env?: Record<string, string>;
  sqlLogger?: TypeOrmLogger;
  /** Extra HTTP routes, e.g. the thin clients for browser tests. */
  routes?: HallOptions["routes"];
  /** Reuse a database made by an earlier hall of the same file (restart tests). */
  databaseUrl?: string;
  /**
   * Leave the database in place on stop, for a later hall to start on. Without it, stop drops
   * the database, a reused one included, so that the last hall of a restart test cleans up.
   */
  keepDatabase?: boolean;
}

/**
 * Starts a real hall on a free port with a database of its own: a SQLite file, or, when
 * TEST_DATABASE_URL is a MySQL URL, a fresh database on that server named after the test
 * file and dropped afterwards.
 */
export async function startTestHall(options: TestHallOptions = {}): Promise<TestHall> {
  const db = options.databaseUrl
    ? { url: options.databaseUrl, drop: () => dropDatabase(options.databaseUrl!) }
    : await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "onestop-data-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: db.url,
    ONESTOP_DATA_DIR: dataDir,
    ONESTOP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ONESTOP_JWT_SECRET: "test-secret-test-secret-test-secret-0123",
    LOG_LEVEL: "silent",
    HALL_OPENING_HOURS: "Mon-Sun 00:00-24:00",
    ONESTOP_PASSWORD_HASH_MEMORY_KIB: "1024",
    // PLUGINS from the environment runs the whole suite against a subset of departments.
    ...(options.plugins
      ? { PLUGINS: options.plugins.join(",") }
      : process.env.PLUGINS?.trim()
        ? { PLUGINS: [...suitePlugins(), ...fixtureCodes(options.offered)].join(",") }
        : {}),
    ...options.env,
  });
  const hall = await createHall({
    config,
    offeredPlugins: options.offered ?? offeredPlugins,
    logger: pino({ level: "silent" }),
    sqlLogger: options.sqlLogger,
    routes: options.routes,
  });
  const { url, port } = await hall.listen();

  const gql = async <T = any>(query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLReply<T>;
    return { ...body, status: response.status };
  };
  const login = async (account: string, password: string) => {
    const reply = await gql(`mutation($a:String!,$p:String!){ login(account:$a,password:$p){ token } }`, {
      a: account,
      p: password,
    });
    if (!reply.data?.login) throw new Error(`login failed: ${JSON.stringify(reply.errors)}`);
    return reply.data.login.token as string;
  };
  const adminToken = await login("admin", ADMIN_PASSWORD);

  return {
    hall,
    url,
    port,
    adminToken,
    databaseUrl: db.url,
    dialect: hall.config.database.type,
    gql,
    login,
    account: async (input) => {
      const password = (input.password as string) ?? "password-123";
      const reply = await gql(
        `mutation($input: CreateAccountInput!){ createAccount(input:$input){ id } }`,
        { input: { password, ...input } },
        adminToken,
      );
      if (!reply.data?.createAccount) throw new Error(`createAccount failed: ${JSON.stringify(reply.errors)}`);
      return { id: reply.data.createAccount.id, token: await login(input.account as string, password) };
    },
    stop: async () => {
      await hall.stop();
      if (!options.keepDatabase) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new empty database for one test file: SQLite by default, MySQL when asked. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  const name = `onestop_t_${testFileSlug()}_${randomBytes(3).toString("hex")}`;
  if (server && /^(mysql|mariadb):/.test(server)) {
    const admin = await createConnection(server);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    return {
      url: server.replace(/\/[^/?]*(\?.*)?$/, `/${name}`),
      drop: async () => {
        const again = await createConnection(server);
        await again.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await again.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "onestop-db-"));
  return {
    url: `sqlite:${join(dir, `${name}.sqlite`)}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Drops a database that freshDatabase made, given its URL. */
export async function dropDatabase(url: string): Promise<void> {
  if (/^(mysql|mariadb):/.test(url)) {
    const server = new URL(url);
    const name = decodeURIComponent(server.pathname.slice(1));
    if (!name.startsWith("onestop_t_")) throw new Error(`refusing to drop "${name}": not a test database`);
    // Connect to the server, not the database, so that dropping one already gone is harmless.
    server.pathname = "/";
    const connection = await createConnection(server.toString());
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
    return;
  }
  const file = url.slice("sqlite:".length).replace(/^\/\//, "");
  // freshDatabase puts each SQLite file in a folder of its own; take the folder only then.
  const dir = dirname(file);
  if (basename(dir).startsWith("onestop-db-")) rmSync(dir, { recursive: true, force: true });
  else for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

export function testDialect(): "sqlite" | "mysql" {
  return /^(mysql|mariadb):/.test(process.env.TEST_DATABASE_URL ?? "") ? "mysql" : "sqlite";
}

function testFileSlug(): string {
  const path = expect.getState().testPath ?? "suite";
  return basename(path).replace(/\.test\.ts$/, "").replace(/[^a-z0-9]+/gi, "_").slice(0, 30);
}

/**
 * Whether the suite runs with these plugins loaded (all six unless PLUGINS narrows them), so
 * a file about one department can skip itself: `(pluginsEnabled("logistics") ? describe : describe.skip)`.
 */
export function pluginsEnabled(...codes: string[]): boolean {
  const wanted = process.env.PLUGINS?.split(",").map((c) => c.trim()).filter(Boolean);
  // An empty PLUGINS loads every plugin, as the configuration reads it.
  return !wanted?.length || codes.every((code) => wanted.includes(code));
}

/** `describe` when the suite runs with these departments' plugins, `describe.skip` otherwise. */
export function describeWith(...codes: string[]): jest.Describe {
  return pluginsEnabled(...codes) ? describe : describe.skip;
}

/** The real plugins this run of the suite loads: PLUGINS, or all the build offers. */
export function suitePlugins(): string[] {
  const wanted = process.env.PLUGINS?.split(",").map((c) => c.trim()).filter(Boolean);
  return wanted?.length ? wanted : offeredPlugins.map((p) => p.code);
}

/** Test-only fixture plugins a file offers load whatever PLUGINS says: they are the test's own. */
function fixtureCodes(offered: HallPlugin[] | undefined): string[] {
  const real = new Set(offeredPlugins.map((p) => p.code));
  return (offered ?? []).map((p) => p.code).filter((code) => !real.has(code));
}
