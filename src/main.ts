import "reflect-metadata";
import { ConfigError, createHall, createLogger, loadConfig } from "./core";
import { PluginConflictError } from "./core/plugin/compose";
import { offeredPlugins } from "./plugins";
import { clientRoutes } from "./clients";

/** Starts the hall: `npm start`. Stops cleanly on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, config.production);
  const routes = clientRoutes({ graphiql: config.graphiql });
  const hall = await createHall({ config, offeredPlugins, logger, routes });
  if (hall.generatedAdminPassword) {
    // Printed once, to the terminal only, never to the log stream.
    process.stderr.write(
      `\nThe first admin account was created.\n  account:  admin\n  password: ${hall.generatedAdminPassword}\n` +
        "Keep it now: it is not shown again (set ONESTOP_ADMIN_PASSWORD to choose it).\n\n",
    );
  }
  await hall.listen();

  const stop = (signal: string) => {
    logger.info({ signal }, "signal received");
    hall.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof PluginConflictError) {
    process.stderr.write(`onestop: ${error.message}\n`);
  } else {
    process.stderr.write(`onestop: could not start: ${error instanceof Error ? error.stack : error}\n`);
  }
  process.exit(1);
});
