import type { MaterialDefinition } from "../plugin/hall-plugin";
import type { MaterialCount } from "./case.entity";

/** Adds received materials to what came before, by name. */
export function addUp(received: MaterialCount[], more: MaterialCount[]): MaterialCount[] {
  const totals = new Map<string, number>();
  for (const item of [...received, ...more]) {
    totals.set(item.name.trim(), (totals.get(item.name.trim()) ?? 0) + item.count);
  }
  return [...totals].map(([name, count]) => ({ name, count }));
}

/** What is still short of the required list, given everything received. */
export function stillMissing(required: MaterialDefinition[], received: MaterialCount[]): MaterialCount[] {
  const have = new Map(received.map((m) => [m.name.trim(), m.count]));
  return required
    .map((m) => ({ name: m.name, count: m.count - (have.get(m.name.trim()) ?? 0) }))
    .filter((m) => m.count > 0);
}
