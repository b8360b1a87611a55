import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig } from "../src/core";
import { startHallProcess, type HallProcess } from "./support/hall-process";
import { ADMIN_PASSWORD, freshDatabase, describeWith } from "./support/test-hall";

/** The ConfigError that loadConfig throws for this environment. */
function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("an empty environment gives the embedded hall's defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: "127.0.0.1",
      database: { type: "sqlite", path: "data/onestop.sqlite" },
      plugins: null,
      timeZone: "Asia/Shanghai",
      openingHoursText: "Mon-Fri 09:00-19:30",
      adminPassword: null,
      jwtSecret: null,
      dataDir: "data",
      redisUrl: null,
      logLevel: "info",
      production: false,
      graphiql: true,
      tokenTtlSeconds: 12 * 3600,
    });
    // Staggered hours: weekdays 9:00 to 19:30, weekends closed.
    expect(config.openingHours[1]).toEqual([{ from: 9 * 60, to: 19 * 60 + 30 }]);
    expect(config.openingHours[6]).toEqual([]);
    expect(config.openingHours[7]).toEqual([]);
  });

  it("blank values count as unset", () => {
    expect(loadConfig({ PORT: "  ", PLUGINS: "", LOG_LEVEL: " " })).toMatchObject({
      port: 4000,
      plugins: null,
      logLevel: "info",
    });
  });

  it("reads a MySQL URL, a plugin list in order, and production mode", () => {
    const config = loadConfig({
      DATABASE_URL: "mariadb://hall:secret@db.internal:3306/onestop",
      PLUGINS: "security, logistics,security",
      NODE_ENV: "production",
    });
    expect(config.database).toEqual({
      type: "mysql",
      url: "mysql://hall:secret@db.internal:3306/onestop",
      database: "onestop",
    });
    expect(config.plugins).toEqual(["security", "logistics"]);
    expect(config).toMatchObject({ production: true, graphiql: false });
  });

  it("accepts round-the-clock hours, Mon-Sun 00:00-24:00", () => {
    const config = loadConfig({ HALL_OPENING_HOURS: "Mon-Sun 00:00-24:00" });
    for (let day = 1; day <= 7; day++) expect(config.openingHours[day]).toEqual([{ from: 0, to: 24 * 60 }]);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "65536"],
    ["PORT", "-1"],
    ["PORT", "1e3"],
    ["PORT", "0x1F90"],
    ["DATABASE_URL", "postgres://x"],
    ["DATABASE_URL", "sqlite:"],
    ["DATABASE_URL", "mysql://root@127.0.0.1:3306/"],
    ["PLUGINS", "Security!"],
    ["HALL_TIME_ZONE", "Mars/Base"],
    ["HALL_OPENING_HOURS", "garbage"],
    ["HALL_OPENING_HOURS", "Mon-Fri 19:30-09:00"],
    ["LOG_LEVEL", "loud"],
    ["ONESTOP_ADMIN_PASSWORD", "short"],
    ["ONESTOP_JWT_SECRET", "too-short-for-hs256"],
    ["REDIS_URL", "localhost:6379"],
    ["ONESTOP_GRAPHIQL", "maybe"],
    ["ONESTOP_TOKEN_TTL_SECONDS", "0"],
    ["ONESTOP_TOKEN_TTL_SECONDS", "1e9"],
  ])("%s=%j is a ConfigError whose message is one line naming the variable", (variable, value) => {
    const error = refusal({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(variable)).toBe(true);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it("a value with a line break in it is still reported on one line", () => {
    expect(refusal({ LOG_LEVEL: "info\nfatal" }).message).not.toMatch(/[\r\n]/);
  });

  it.each([
    ["ONESTOP_ADMIN_PASSWORD", "hunter2"],
    ["ONESTOP_JWT_SECRET", "hunter2-hunter2"],
    ["DATABASE_URL", "mysql://hall:hunter2@db.internal:3306/"],
    ["DATABASE_URL", "postgres://hall:hunter2@db.internal/onestop"],
    ["DATABASE_URL", "mysql://hall:hun/ter2@db.internal:3306/onestop"],
    ["DATABASE_URL", "mysql://hall:hun@ter2@db.internal:3306/"],
  ])("a refused %s never repeats the secret in it", (variable, value) => {
    const message = refusal({ [variable]: value }).message;
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("ter2");
  });
});

describeWith("logistics", "security")("the hall as a process (npm start)", () => {
  let started: HallProcess | null = null;
  let dataDir: string;
  let db: { url: string; drop: () => Promise<void> };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "onestop-process-"));
    db = await freshDatabase();
  });
  afterEach(async () => {
    started?.kill();
    await started?.exited(10_000).catch(() => undefined);
    started = null;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const environment = (extra: Record<string, string>) => ({
    DATABASE_URL: db.url,
    ONESTOP_DATA_DIR: dataDir,
    ONESTOP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "info",
    ...extra,
  });

  it("an unknown plugin stops it at once: exit code 1 and one line on stderr naming PLUGINS", async () => {
    started = startHallProcess(environment({ PLUGINS: "nope" }));
    const code = await started.exited(60_000);

    expect(code).toBe(1);
    const lines = started.stderr.filter((line) => line.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("PLUGINS");
    expect(lines[0]).toContain('"nope"');
  }, 90_000);

  it("a wrong variable stops it before it touches the database, with one line naming it", async () => {
    started = startHallProcess(environment({ HALL_TIME_ZONE: "Mars/Base" }));
    expect(await started.exited(60_000)).toBe(1);
    const lines = started.stderr.filter((line) => line.trim() !== "");
    expect(lines).toEqual([expect.stringContaining("HALL_TIME_ZONE")]);
  }, 90_000);

  async function serveAndQuery(hall: HallProcess): Promise<void> {
    const opened = await hall.line((line) => line.includes("the hall is open for requests"), 60_000);
    const { url } = JSON.parse(opened) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);

    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ departments { code } }" }),
    });
    expect(await response.json()).toEqual({
      data: { departments: [{ code: "security" }, { code: "logistics" }] },
    });
  }

  it("with a good configuration it logs its address, serves there, and exits 0 on SIGTERM", async () => {
    started = startHallProcess(environment({ PLUGINS: "security,logistics" }));
    await serveAndQuery(started);

    started.child.kill("SIGTERM");
    expect(await started.exited(10_000)).toBe(0);
    expect(started.stdout.some((line) => line.includes("the hall has stopped"))).toBe(true);
    // The admin password was configured, so none is printed; no log line holds it either.
    expect([...started.stdout, ...started.stderr].join("\n")).not.toContain(ADMIN_PASSWORD);
  }, 90_000);
});
