/**
 * Measures the HTTP layer under Apollo, so the choice of a plain node:http handler rests
 * on figures taken on this machine, in one run, against a baseline taken in the same run.
 *
 *   npm run bench
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=100 BENCH_ROUNDS=5 npm run bench
 *
 * The servers run in a child process and the load generator (autocannon) in this one, so
 * that the two do not share an event loop. The cases take turns for several rounds and each
 * figure is the median of its rounds, so a burst of other work on the machine moves one
 * round of every case rather than every round of one case. Everything listens on 127.0.0.1 only. The figures
 * are also written to bench-results/latest.json (ignored by git).
 */
import "reflect-metadata";
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import autocannon from "autocannon";
import express from "express";
import pino from "pino";
import { createHall, loadConfig, type HallContext } from "../src/core";
import { createErrorFormatter } from "../src/core/server/format-error";
import { hallValidationRules } from "../src/core/server/validation-rules";
import { offeredPlugins } from "../src/plugins";

const SECONDS = bounded("BENCH_SECONDS", 5, 1, 30);
const CONNECTIONS = bounded("BENCH_CONNECTIONS", 50, 1, 200);
const ROUNDS = bounded("BENCH_ROUNDS", 3, 1, 9);
const WARM_UP_SECONDS = 1;
const ADMIN_PASSWORD = "bench-admin-password";
/** Rows added to the temp catalogue so the database case reads more than the seeded few. */
const EXTRA_SERVICES = 20;

const TRIVIAL = `{ hall { timeZone } }`;
const ROWS = `{ services(department: "student-affairs") { code name feeFen } }`;

interface Ports {
  bare: number;
  hall: number;
  express: number;
}

interface Case {
  name: string;
  port: keyof Ports;
  query: string;
}

const CASES: Case[] = [
  { name: "bare node:http, fixed JSON", port: "bare", query: TRIVIAL },
  { name: "hall handler, trivial query", port: "hall", query: TRIVIAL },
  { name: "hall handler, services (DB rows)", port: "hall", query: ROWS },
  { name: "Express 5, trivial query", port: "express", query: TRIVIAL },
  { name: "Express 5, services (DB rows)", port: "express", query: ROWS },
];

interface Round {
  result: autocannon.Result;
  /** The servers' CPU time (user + system) per answered request, in microseconds. */
  cpuMicrosPerRequest: number;
}

interface Measured {
  name: string;
  requestsPerSecond: number;
  p99Ms: number;
  /**
   * Server CPU per request: unlike req/s, it hardly moves when other work on the machine
   * takes cores away from the servers, so it is the steadier figure on a shared machine.
   */
  cpuMicrosPerRequest: number;
  errors: number;
  non2xx: number;
  /** Each round's req/s, in order, to see how steady the machine was. */
  rounds: number[];
}

// ---------------------------------------------------------------------------------------
// The servers (child process)
// ---------------------------------------------------------------------------------------

async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "onestop-bench-"));
  const logger = pino({ level: "silent" });
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `sqlite:${join(dir, "bench.sqlite")}`,
    ONESTOP_DATA_DIR: dir,
    ONESTOP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ONESTOP_JWT_SECRET: "bench-secret-bench-secret-bench-secret",
    LOG_LEVEL: "silent",
    NODE_ENV: "production",
  });
  const hall = await createHall({ config, offeredPlugins, logger });
  const { port: hallPort } = await hall.listen();
  await addServices(hallPort);

  // The same schema, rules and error masking as the hall, through Express 5 instead.
  const apollo = new ApolloServer<HallContext>({
    schema: hall.schema,
    introspection: false,
    validationRules: hallValidationRules(config.production),
    formatError: createErrorFormatter(logger, config.production),
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  let requests = 0;
  const app = express();
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async () => ({
        requestId: `express-${++requests}`,
        actor: null,
        services: hall.services,
        logger,
        loaders: new Map(),
      }),
    }),
  );
  const expressServer = await listen(createServer(app));

  // The baseline: reads the request and answers a fixed JSON, as small as the trivial reply.
  const fixed = JSON.stringify({ data: { hall: { timeZone: "Asia/Shanghai" } } });
  const bareServer = await listen(
    createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        res.end(fixed);
      });
    }),
  );

  process.send!({ bare: port(bareServer), hall: hallPort, express: port(expressServer) } satisfies Ports);
  process.on("message", async (message) => {
    if (message === "cpu") {
      process.send!(process.cpuUsage());
      return;
    }
    await new Promise<void>((resolve) => bareServer.close(() => resolve()));
    expressServer.closeAllConnections();
    await new Promise<void>((resolve) => expressServer.close(() => resolve()));
    await apollo.stop();
    await hall.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** Signs in as the admin and adds catalogue rows, through the API like any client. */
async function addServices(hallPort: number): Promise<void> {
  const login = await post(hallPort, `mutation($p: String!) { login(account: "admin", password: $p) { token } }`, {
    p: ADMIN_PASSWORD,
  });
  const token = login.data.login.token as string;
  for (let i = 1; i <= EXTRA_SERVICES; i++) {
    const reply = await post(
      hallPort,
      `mutation($input: CreateServiceInput!) { createService(input: $input) { code } }`,
      {
        input: {
          code: `bench-item-${String(i).padStart(2, "0")}`,
          department: "student-affairs",
          name: `测试事项 ${i}`,
          nameEn: `Bench item ${i}`,
          feeFen: 200 * i,
          mode: "ON_THE_SPOT",
          steps: ["Bring the form."],
          materials: [{ name: "申请表", nameEn: "Application form", count: 1 }],
        },
      },
      token,
    );
    if (reply.errors) throw new Error(`createService failed: ${JSON.stringify(reply.errors)}`);
  }
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

// ---------------------------------------------------------------------------------------
// The load (parent process)
// ---------------------------------------------------------------------------------------

async function measureAll(): Promise<void> {
  const child = fork(__filename, ["--serve"], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // A hard stop, whatever happens: the run never outlives its budget.
  const budgetMs = (CASES.length * (ROUNDS * SECONDS + WARM_UP_SECONDS) + 120) * 1000;
  const guard = setTimeout(() => {
    process.stderr.write(`bench: over its ${budgetMs / 1000} s budget, stopping\n`);
    child.kill("SIGKILL");
    process.exit(1);
  }, budgetMs);

  try {
    const ports = await portsOf(child);
    for (const c of CASES) await check(c, ports[c.port]);

    for (const c of CASES) await load(c, ports[c.port], WARM_UP_SECONDS);
    const rounds: Round[][] = CASES.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, c] of CASES.entries()) {
        process.stderr.write(`bench: round ${round}/${ROUNDS}: ${c.name}\n`);
        const before = await cpuOf(child);
        const result = await load(c, ports[c.port], SECONDS);
        const after = await cpuOf(child);
        const cpuMicros = after.user - before.user + after.system - before.system;
        rounds[i].push({ result, cpuMicrosPerRequest: cpuMicros / Math.max(result.requests.total, 1) });
      }
    }
    report(
      CASES.map((c, i) => ({
        name: c.name,
        requestsPerSecond: median(rounds[i].map((r) => r.result.requests.average)),
        p99Ms: median(rounds[i].map((r) => r.result.latency.p99)),
        cpuMicrosPerRequest: median(rounds[i].map((r) => r.cpuMicrosPerRequest)),
        errors: sum(rounds[i].map(({ result: r }) => r.errors + r.timeouts)),
        non2xx: sum(rounds[i].map((r) => r.result.non2xx)),
        rounds: rounds[i].map((r) => r.result.requests.average),
      })),
    );
  } finally {
    if (child.exitCode === null && child.connected) {
      child.send("stop");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    clearTimeout(guard);
  }
}

function cpuOf(child: ChildProcess): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once("message", (usage) => resolve(usage as NodeJS.CpuUsage));
    child.send("cpu");
  });
}

function portsOf(child: ChildProcess): Promise<Ports> {
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message as Ports));
    child.once("exit", (code) => reject(new Error(`the bench servers exited early (code ${code})`)));
  });
}

/** One request first: a case that answers errors would measure nothing worth a figure. */
async function check(c: Case, target: number): Promise<void> {
  const reply = await post(target, c.query);
  if (reply.errors || !reply.data) throw new Error(`${c.name}: ${JSON.stringify(reply)}`);
}

function load(c: Case, target: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${target}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: c.query }),
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
  });
}

function report(results: Measured[]): void {
  const base = results[0];
  const rows = results.map((r) => [
    r.name,
    Math.round(r.requestsPerSecond).toLocaleString("en-US"),
    String(r.p99Ms),
    String(Math.round(r.cpuMicrosPerRequest)),
    `${(r.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×`,
    `${(r.p99Ms / Math.max(base.p99Ms, 1)).toFixed(1)}×`,
    `${(r.cpuMicrosPerRequest / base.cpuMicrosPerRequest).toFixed(1)}×`,
    r.rounds.map((n) => Math.round(n)).join(" "),
  ]);
  const header = ["case", "req/s", "p99 ms", "CPU µs/req", "req/s vs bare", "p99 vs bare", "CPU vs bare", "rounds' req/s"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

  process.stdout.write(
    `\nNode ${process.version}, ${cpus().length} cores, ${CONNECTIONS} connections, ` +
      `median of ${ROUNDS} rounds of ${SECONDS} s per case, load generator on the same machine\n\n`,
  );
  process.stdout.write(`${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const r of results.filter((r) => r.errors || r.non2xx)) {
    process.stdout.write(`warning: ${r.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers\n`);
  }

  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    join("bench-results", "latest.json"),
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, cpus: cpus().length, CONNECTIONS, SECONDS, ROUNDS, results },
      null,
      2,
    ),
  );
}

// ---------------------------------------------------------------------------------------

async function post(target: number, query: string, variables?: Record<string, unknown>, token?: string) {
  const response = await fetch(`http://127.0.0.1:${target}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function bounded(variable: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${variable} accepts a number from ${min} to ${max}`);
  }
  return value;
}

const role = process.argv.includes("--serve") ? serve : measureAll;
role().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
