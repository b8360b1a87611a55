import type { Logger } from "../logger";
import type { Actor } from "../auth/role";
import type { HallServices } from "../hall-services";

/** What every resolver receives: who is calling, and the hall's services. */
export interface HallContext {
  requestId: string;
  /** Null for a caller who has not signed in. */
  actor: Actor | null;
  services: HallServices;
  logger: Logger;
  /** Per-request memo for DataLoaders, so nested fields are batched, never one query per row. */
  loaders: Map<string, unknown>;
}
