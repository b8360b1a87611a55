import DataLoader from "dataloader";
import type { HallContext } from "../server/hall-context";

/**
 * A DataLoader that lives for one request, so that a nested field asked for on many rows
 * costs one query, not one per row.
 */
export function requestLoader<K, V>(
  context: Pick<HallContext, "loaders">,
  name: string,
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
): DataLoader<K, V> {
  let loader = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { cache: true });
    context.loaders.set(name, loader);
  }
  return loader;
}
