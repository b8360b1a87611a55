import { Mutex } from "async-mutex";
import type { DataSource, EntityManager } from "typeorm";
import type { EventBus, HallEvent } from "../events/event-bus";

/** Collects events during a transaction; they go out only once it has committed. */
export interface Outbox {
  publish(topic: string, payload: Record<string, unknown>): void;
}

type Work<T> = (tx: EntityManager, outbox: Outbox) => Promise<T>;

const MYSQL_RETRYABLE = new Set(["ER_LOCK_DEADLOCK", "ER_LOCK_WAIT_TIMEOUT"]);

/**
 * The one way the hall writes. Each mutation runs in one transaction; its events reach
 * subscribers after the commit and never for work that rolled back.
 *
 * SQLite has one writer and no row locks, and TypeORM's better-sqlite3 driver shares one
 * connection, so writes are serialised here by a mutex. MySQL runs them concurrently and
 * relies on row locks and unique keys; a transaction that loses a deadlock is run again.
 */
export class HallDatabase {
  private readonly writeLock = new Mutex();
  readonly dialect: "sqlite" | "mysql";

  constructor(
    readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {
    this.dialect = ["mysql", "mariadb"].includes(dataSource.options.type) ? "mysql" : "sqlite";
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  transaction<T>(work: Work<T>): Promise<T>;
  /** With an isolation level for MySQL; SQLite transactions are serialisable anyway. */
  transaction<T>(options: { isolation: "READ COMMITTED" }, work: Work<T>): Promise<T>;
  async transaction<T>(first: Work<T> | { isolation: "READ COMMITTED" }, second?: Work<T>): Promise<T> {
    const work = (typeof first === "function" ? first : second)!;
    const isolation = typeof first === "function" ? undefined : first.isolation;
    const { result, events } =
      this.dialect === "sqlite"
        ? await this.writeLock.runExclusive(() => this.attempt(work))
        : await this.withDeadlockRetry(() => this.attempt(work, isolation));
    for (const event of events) this.events.publish(event);
    return result;
  }

  private async attempt<T>(work: Work<T>, isolation?: "READ COMMITTED") {
    const events: HallEvent[] = [];
    const outbox: Outbox = { publish: (topic, payload) => events.push({ topic, payload }) };
    const run = (tx: EntityManager) => work(tx, outbox);
    const result = isolation
      ? await this.dataSource.transaction(isolation, run)
      : await this.dataSource.transaction(run);
    return { result, events };
  }

  private async withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || !code || !MYSQL_RETRYABLE.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }
}
