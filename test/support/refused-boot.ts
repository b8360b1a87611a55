import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { DataSource } from "typeorm";
import { createHall, loadConfig, type HallPlugin } from "../../src/core";
import * as dataSourceModule from "../../src/core/database/data-source";
import { ADMIN_PASSWORD, freshDatabase } from "./test-hall";

export interface RefusedBoot {
  /** What createHall rejected with; null when the hall started after all. */
  error: unknown;
  /** Data sources the refused boot had opened and not closed again. */
  leftOpen: number;
}

/**
 * Calls createHall as startTestHall would, on a database of its own, and expects it to be
 * refused. Unlike startTestHall it cleans up after a refusal: the database is dropped and
 * any data source the refused boot left open is closed, so a MySQL pool does not keep jest
 * running.
 */
export async function refusedBoot(options: {
  offered: HallPlugin[];
  plugins?: string[];
}): Promise<RefusedBoot> {
  const db = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "onestop-data-"));
  const opened: DataSource[] = [];
  const original = dataSourceModule.createDataSource;
  const spy = jest.spyOn(dataSourceModule, "createDataSource").mockImplementation(async (parts) => {
    const dataSource = await original(parts);
    opened.push(dataSource);
    return dataSource;
  });
  try {
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      ONESTOP_DATA_DIR: dataDir,
      ONESTOP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      ONESTOP_JWT_SECRET: "test-secret-test-secret-test-secret-0123",
      LOG_LEVEL: "silent",
      ...(options.plugins ? { PLUGINS: options.plugins.join(",") } : {}),
    });
    try {
      const logger = pino({ level: "silent" });
      const hall = await createHall({ config, offeredPlugins: options.offered, logger });
      await hall.stop();
      return { error: null, leftOpen: 0 };
    } catch (error) {
      return { error, leftOpen: opened.filter((dataSource) => dataSource.isInitialized).length };
    }
  } finally {
    spy.mockRestore();
    for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
