import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection } from "mysql2/promise";
import { DataSource, type DataSourceOptions } from "typeorm";
import type { DatabaseConfig } from "../config/config";
import { TimestampsSubscriber } from "./timestamps.subscriber";

export interface DataSourceParts {
  database: DatabaseConfig;
  entities: Function[];
  migrations: { sqlite: Function[]; mysql: Function[] };
  /** SQL logging, for tests that count queries. */
  logger?: DataSourceOptions["logger"];
}

/**
 * Builds the TypeORM data source for either database. `synchronize` stays off everywhere:
 * the schema changes only through migrations, so SQLite and MySQL get the same steps.
 */
export async function createDataSource(parts: DataSourceParts): Promise<DataSource> {
  const common = {
    entities: parts.entities,
    subscribers: [TimestampsSubscriber],
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: "migrations",
    logging: parts.logger ? (["query"] as const) : false,
    logger: parts.logger,
  };
  const db = parts.database;
  if (db.type === "sqlite") {
    if (db.path !== ":memory:") mkdirSync(dirname(db.path), { recursive: true });
    return new DataSource({
      ...common,
      type: "better-sqlite3",
      database: db.path,
      migrations: parts.migrations.sqlite,
      // WAL lets readers go on while the one writer commits; the busy timeout covers a second
      // process (npm run migrate) touching the same file.
      prepareDatabase: (handle: { pragma(sql: string): unknown }) => {
        if (db.path !== ":memory:") handle.pragma("journal_mode = WAL");
        handle.pragma("foreign_keys = ON");
        handle.pragma("busy_timeout = 5000");
      },
    } as DataSourceOptions);
  }
  return new DataSource({
    ...common,
    // TypeORM reads MariaDB's catalogue differently (a nullable column's default shows as
    // 'NULL'); without the right type every schema check reports changes that are not there.
    type: await mysqlFlavor(db.url),
    url: db.url,
    timezone: "Z",
    charset: "utf8mb4_unicode_ci",
    migrations: parts.migrations.mysql,
    extra: { connectionLimit: 20 },
  } as DataSourceOptions);
}

async function mysqlFlavor(url: string): Promise<"mysql" | "mariadb"> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query("SELECT VERSION() AS version");
    return /mariadb/i.test((rows as Array<{ version: string }>)[0].version) ? "mariadb" : "mysql";
  } finally {
    await connection.end();
  }
}
