import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { loadConfig, type HallPlugin } from "../src/core";
import { CORE_MIGRATIONS } from "../src/core/database/core-schema";
import { openDatabase } from "../src/core/hall";
import { offeredPlugins } from "../src/plugins";
import { lostAndFoundPlugin } from "./fixtures/lost-and-found.plugin";
import { freshDatabase, startTestHall, testDialect } from "./support/test-hall";

/** What TypeORM would change to make the tables match the entities: nothing, if the migrations are right. */
async function pendingChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ name: string }> =
    dataSource.options.type === "better-sqlite3"
      ? await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        )
      : await dataSource.query(
          `SELECT TABLE_NAME AS name FROM information_schema.tables WHERE TABLE_SCHEMA = DATABASE()`,
        );
  return rows.map((row) => row.name).sort();
}

describe("migrations", () => {
  it("after a hall starts, TypeORM finds nothing to change in its tables", async () => {
    const hall = await startTestHall();
    try {
      expect(await pendingChanges(hall.hall.dataSource)).toEqual([]);
    } finally {
      await hall.stop();
    }
  });

  it("with a plugin's own hand-written migrations too", async () => {
    const hall = await startTestHall({ offered: [...offeredPlugins, lostAndFoundPlugin] });
    try {
      expect(await pendingChanges(hall.hall.dataSource)).toEqual([]);
    } finally {
      await hall.stop();
    }
  });

  describe("on one database, opened twice", () => {
    let db: { url: string; drop: () => Promise<void> };
    let dataDir: string;
    const opened: DataSource[] = [];
    const open = (plugins: HallPlugin[]) => {
      const config = loadConfig({ DATABASE_URL: db.url, ONESTOP_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
      return openDatabase(config, plugins).then((result) => {
        opened.push(result.dataSource);
        return result;
      });
    };

    beforeEach(async () => {
      db = await freshDatabase();
      dataDir = mkdtempSync(join(tmpdir(), "onestop-migrations-"));
    });
    afterEach(async () => {
      for (const dataSource of opened.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("the first opening applies every migration, the second none", async () => {
      const plugins = [...offeredPlugins, lostAndFoundPlugin];
      const first = await open(plugins);
      const dialect = testDialect();
      const expected = [
        ...CORE_MIGRATIONS[dialect],
        ...plugins.flatMap((plugin) => plugin.migrations?.[dialect] ?? []),
      ];
      expect(first.applied).toHaveLength(expected.length);
      expect(first.applied).toContain("LostAndFoundInitial1796400000001");
      await first.dataSource.destroy();

      const second = await open(plugins);
      expect(second.applied).toEqual([]);
      expect(await pendingChanges(second.dataSource)).toEqual([]);
    });

    it("a plugin added later gets its migrations on the next opening, and only those", async () => {
      const first = await open(offeredPlugins);
      expect(first.applied).not.toContain("LostAndFoundInitial1796400000001");
      await first.dataSource.destroy();

      const second = await open([...offeredPlugins, lostAndFoundPlugin]);
      expect(second.applied).toEqual(["LostAndFoundInitial1796400000001"]);
      expect(await tableNames(second.dataSource)).toContain("lost_item");
    });

    it("undoing every migration in turn leaves only the migrations table", async () => {
      const { dataSource, applied } = await open([...offeredPlugins, lostAndFoundPlugin]);
      for (let undone = 0; undone < applied.length; undone++) {
        await dataSource.undoLastMigration({ transaction: "each" });
      }
      expect(await tableNames(dataSource)).toEqual(["migrations"]);
      expect(await dataSource.query(`SELECT name FROM migrations`)).toEqual([]);
    });
  });
});
