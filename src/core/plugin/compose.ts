import { getMetadataArgsStorage } from "typeorm";
import { ConfigError } from "../config/config";
import type { HallPlugin } from "./hall-plugin";

/** Two plugins claim one thing; the hall refuses to boot and names both. */
export class PluginConflictError extends Error {
  constructor(what: string, first: string, second: string) {
    super(`plugins "${first}" and "${second}" both claim ${what}`);
    this.name = "PluginConflictError";
  }
}

/**
 * Picks the configured plugins out of those the build offers, in the configured order,
 * and refuses any two that claim one code, department, queue prefix, entity, table,
 * permission, topic or catalogue item. GraphQL type names are checked when the schema is
 * built (see schema.ts), since only the schema builder knows which types a plugin reaches.
 */
export function selectPlugins(offered: HallPlugin[], wanted: string[] | null): HallPlugin[] {
  const byCode = new Map<string, HallPlugin>();
  for (const plugin of offered) {
    // Keyed by code, a second plugin of one code would silently replace the first.
    const earlier = byCode.get(plugin.code);
    if (earlier && earlier !== plugin) {
      const what = `plugin code "${plugin.code}"`;
      throw new PluginConflictError(what, describe(earlier), describe(plugin));
    }
    byCode.set(plugin.code, plugin);
  }
  const selected = (wanted ?? offered.map((plugin) => plugin.code)).map((code) => {
    const plugin = byCode.get(code);
    if (!plugin) {
      throw new ConfigError(
        "PLUGINS",
        `accepts a comma list of ${[...byCode.keys()].join(", ")}; "${code}" is not a plugin`,
      );
    }
    return plugin;
  });
  assertNoClaimsCollide(selected);
  return selected;
}

/** Names a plugin where its code alone would not tell two apart. */
function describe(plugin: HallPlugin): string {
  return `${plugin.code} (${plugin.department.nameEn})`;
}

export function assertNoClaimsCollide(plugins: HallPlugin[]): void {
  const claims = new Map<string, string>();
  const claim = (what: string, owner: string) => {
    const earlier = claims.get(what);
    if (earlier !== undefined && earlier !== owner) throw new PluginConflictError(what, earlier, owner);
    claims.set(what, owner);
  };
  const tables = getMetadataArgsStorage().tables;

  for (const plugin of plugins) {
    claim(`plugin code "${plugin.code}"`, plugin.code);
    claim(`department "${plugin.department.code}"`, plugin.code);
    claim(`queue prefix "${plugin.department.ticketPrefix}"`, plugin.code);
    for (const entity of entityClasses(plugin)) {
      claim(`entity "${entity.name}"`, plugin.code);
      const table = tables.find((t) => t.target === entity)?.name;
      if (table) claim(`table "${table}"`, plugin.code);
    }
    for (const permission of plugin.permissions ?? []) {
      claim(`permission "${permission.code}"`, plugin.code);
    }
    for (const topic of plugin.topics ?? []) claim(`topic "${topic}"`, plugin.code);
    for (const item of plugin.catalogue ?? []) claim(`service "${item.code}"`, plugin.code);
  }
}

export function entityClasses(plugin: HallPlugin): Function[] {
  const entities = plugin.entities ?? [];
  return (Array.isArray(entities) ? entities : Object.values(entities)).filter(
    (entity): entity is Function => typeof entity === "function",
  );
}
