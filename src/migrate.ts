import "reflect-metadata";
import { ConfigError, loadConfig } from "./core";
import { openDatabase } from "./core/hall";
import { selectPlugins } from "./core/plugin/compose";
import { offeredPlugins } from "./plugins";

/** `npm run migrate`: applies pending migrations of the core and the configured plugins. */
async function main(): Promise<void> {
  const config = loadConfig();
  const plugins = selectPlugins(offeredPlugins, config.plugins);
  const { dataSource, applied } = await openDatabase(config, plugins);
  await dataSource.destroy();
  process.stdout.write(applied.length ? `applied: ${applied.join(", ")}\n` : "nothing to apply\n");
}

main().catch((error) => {
  process.stderr.write(`onestop: ${error instanceof ConfigError ? error.message : error}\n`);
  process.exit(1);
});
