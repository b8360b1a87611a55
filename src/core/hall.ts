import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import { AccountService } from "./auth/account.service";
import { PermissionRegistry } from "./auth/permission-registry";
import type { Actor } from "./auth/role";
import { bearerToken, TokenKeeper } from "./auth/token-keeper";
import { AuditService } from "./audit/audit.service";
import { CalendarService } from "./calendar/calendar.service";
import { CatalogueService } from "./catalogue/catalogue.service";
import { DepartmentRegistry } from "./catalogue/department-registry";
import type { HallConfig } from "./config/config";
import { createDataSource } from "./database/data-source";
import { HallDatabase } from "./database/hall-database";
import { CORE_ENTITIES, CORE_MIGRATIONS } from "./database/core-schema";
import { EventBus } from "./events/event-bus";
import { QueueService } from "./queue/queue.service";
import { CaseService } from "./cases/case.service";
import { Clock } from "./common/clock";
import { FeeService } from "./fees/fee.service";
import { AnnouncementService } from "./announcements/announcement.service";
import { WindowService } from "./windows/window.service";
import { createAccountabilityServices } from "./accountability/accountability-services";
import { startDeadlineWatch } from "./accountability/deadline-watch";
import { StatsService } from "./stats/stats.service";
import type { HallServices } from "./hall-services";
import { createLogger, type Logger } from "./logger";
import { entityClasses, selectPlugins } from "./plugin/compose";
import type { HallPlugin, PluginContext } from "./plugin/hall-plugin";
import { createErrorFormatter } from "./server/format-error";
import type { HallContext } from "./server/hall-context";
import { createHttpHandler, type Route } from "./server/http-handler";
import { buildHallSchema } from "./server/schema";
import { hallValidationRules } from "./server/validation-rules";
import { startWebSocketServer } from "./server/ws-server";

export interface HallOptions {
  config: HallConfig;
  /** Every plugin this build offers; config.plugins picks among them. */
  offeredPlugins: HallPlugin[];
  logger?: Logger;
  /** A TypeORM logger, for tests that count SQL queries. */
  sqlLogger?: TypeOrmLogger;
  /** Extra HTTP routes beside /graphql and /healthz. */
  routes?: Map<string, Route>;
}

/** A composed hall: database migrated and seeded, schema built, plugins started. */
export interface Hall {
  readonly config: HallConfig;
  readonly services: HallServices;
  readonly schema: GraphQLSchema;
  readonly plugins: HallPlugin[];
  readonly dataSource: DataSource;
  /** Set when the first admin's password was generated on this start, to be shown once. */
  readonly generatedAdminPassword: string | null;
  listen(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

/** Opens the database and runs every migration of the core and the loaded plugins. */
export async function openDatabase(config: HallConfig, plugins: HallPlugin[], sqlLogger?: TypeOrmLogger) {
  const dataSource = await createDataSource({
    database: config.database,
    entities: [...CORE_ENTITIES, ...plugins.flatMap(entityClasses)],
    migrations: {
      sqlite: [...CORE_MIGRATIONS.sqlite, ...plugins.flatMap((p) => p.migrations?.sqlite ?? [])],
      mysql: [...CORE_MIGRATIONS.mysql, ...plugins.flatMap((p) => p.migrations?.mysql ?? [])],
    },
    logger: sqlLogger,
  });
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return { dataSource, applied: applied.map((m) => m.name) };
}

/**
 * The one composition step: picks the configured plugins, opens and migrates the database,
 * seeds departments, catalogue and calendar, builds the schema, and starts the plugins in
 * order. `stop` undoes it in reverse.
 */
export async function createHall(options: HallOptions): Promise<Hall> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel, config.production);
  const plugins = selectPlugins(options.offeredPlugins, config.plugins);
  logger.info(
    { database: config.database.type, plugins: plugins.map((p) => p.code), timeZone: config.timeZone },
    "starting the hall",
  );

  const events = new EventBus(config.redisUrl, logger);
  // Two plugins claiming one GraphQL type or field are refused before the database is touched.
  let schema: GraphQLSchema;
  try {
    schema = buildHallSchema(plugins, events);
  } catch (error) {
    await events.close();
    throw error;
  }

  const { dataSource, applied } = await openDatabase(config, plugins, options.sqlLogger);
  if (applied.length > 0) logger.info({ migrations: applied }, "migrations applied");
  const database = new HallDatabase(dataSource, events);
  const departments = new DepartmentRegistry(plugins.map((p) => p.department));
  const permissions = new PermissionRegistry(plugins.flatMap((p) => p.permissions ?? []));
  const audit = new AuditService();
  const tokens = new TokenKeeper(TokenKeeper.secretFrom(config.jwtSecret, config.dataDir), config.tokenTtlSeconds);
  const accounts = new AccountService(database, tokens, departments, audit, config.passwordHashMemoryKib);
  const catalogue = new CatalogueService(database, departments, audit);
  const calendar = new CalendarService(
    database,
    events,
    audit,
    config.timeZone,
    config.openingHours,
    logger.child({ module: "calendar" }),
  );
  const clock = new Clock();
  const windows = new WindowService(database, departments, audit);
  const queue = new QueueService(database, catalogue, departments, calendar, windows, accounts, config, clock);
  const cases = new CaseService(database, catalogue, departments, calendar, accounts, clock);
  const accountability = createAccountabilityServices({
    config,
    database,
    events,
    departments,
    calendar,
    windows,
    clock,
    logger: logger.child({ module: "accountability" }),
  });
  // The ladder's REPLACE outcome bars sign-on until an admin reinstates the volunteer.
  windows.addDutyGate(accountability.ladder.dutyGate);
  const stats = new StatsService(database, clock);
  const fees = new FeeService(database, catalogue, departments, calendar, audit, clock);
  const announcements = new AnnouncementService(database, departments, audit, clock);
  const services: HallServices = {
    config,
    logger,
    database,
    events,
    departments,
    permissions,
    accounts,
    catalogue,
    calendar,
    audit,
    windows,
    queue,
    cases,
    clock,
    ...accountability,
    stats,
    fees,
    announcements,
  };

  await catalogue.seed(plugins, logger);
  await calendar.start();
  const generatedAdminPassword = await accounts.ensureFirstAdmin(config.adminPassword);

  const started: HallPlugin[] = [];
  const pluginContext = (plugin: HallPlugin): PluginContext => ({
    config,
    dataSource,
    services,
    logger: logger.child({ plugin: plugin.code }),
  });
  for (const plugin of plugins) {
    try {
      await plugin.start?.(pluginContext(plugin));
    } catch (error) {
      // A plugin that cannot start stops the boot; undo what was started, in reverse.
      for (const done of [...started].reverse()) {
        await Promise.resolve(done.stop?.(pluginContext(done))).catch(() => undefined);
      }
      calendar.stop();
      await events.close();
      await dataSource.destroy();
      throw error;
    }
    started.push(plugin);
  }

  const contextFor = (actor: Actor | null, requestId: string): HallContext => ({
    requestId,
    actor,
    services,
    logger,
    loaders: new Map(),
  });
  const formatError = createErrorFormatter(logger, config.production);

  const httpServer: Server = createServer();
  const apollo = new ApolloServer<HallContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    validationRules: hallValidationRules(config.production),
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    // The hall stops itself (plugins, sockets, database) on SIGTERM; Apollo must not race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const routes = new Map<string, Route>(options.routes ?? []);
  routes.set("/healthz", async (_req, res) => {
    await dataSource.query("SELECT 1");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", plugins: plugins.map((p) => p.code) }));
  });
  httpServer.on(
    "request",
    createHttpHandler({
      apollo,
      routes,
      logger,
      contextFor: async (authorization, requestId) => {
        const token = bearerToken(authorization);
        const actor = token ? (await accounts.actorFromToken(token)).actor : null;
        return contextFor(actor, requestId);
      },
    }),
  );
  // After the GraphQL handler, which has set the request id by then: the comment book's limit.
  accountability.requestAddresses.attach(httpServer);
  const ws = startWebSocketServer({
    httpServer,
    schema,
    production: config.production,
    logger,
    authenticate: (token) => accounts.actorFromToken(token),
    contextFor,
    formatError: formatError as never,
  });
  accounts.onRevoked((accountId) => ws.closeAccount(accountId));

  const sweeper = startSweeper(config, queue, cases, logger);
  const deadlineWatch = startDeadlineWatch(accountability.deadlines, config.sweepSeconds, logger);

  let stopping: Promise<void> | null = null;
  return {
    config,
    services,
    schema,
    plugins,
    dataSource,
    generatedAdminPassword,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          const url = `http://${config.host}:${port}/graphql`;
          logger.info({ url }, "the hall is open for requests");
          resolve({ url, port });
        });
      }),
    stop: () =>
      (stopping ??= (async () => {
        logger.info("stopping the hall");
        clearInterval(sweeper);
        clearInterval(deadlineWatch);
        await ws.close();
        // Apollo's drain plugin stops accepting, lets requests in flight finish, then closes.
        if (httpServer.listening) await apollo.stop();
        for (const plugin of [...started].reverse()) {
          await Promise.resolve(plugin.stop?.(pluginContext(plugin))).catch((error) =>
            logger.error({ err: error, plugin: plugin.code }, "plugin failed to stop"),
          );
        }
        calendar.stop();
        await events.close();
        await dataSource.destroy();
        logger.info("the hall has stopped");
      })()),
  };
}

/** Looks at the clock: numbers left from earlier days, expired handovers, due or overdue cases. */
function startSweeper(config: HallConfig, queue: QueueService, cases: CaseService, logger: Logger): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([queue.expireEarlierDays(), cases.sweep(config.handoverAcceptMinutes, config.dueSoonHours)])
      .then(([, alerts]) => alerts)
      .then((alerts) => alerts > 0 && logger.info({ alerts }, "case alerts raised"))
      .catch((error) => logger.error({ err: error }, "case sweep failed"))
      .finally(() => {
        running = false;
      });
  }, config.sweepSeconds * 1000);
  timer.unref();
  return timer;
}
