import * as m0 from "./1796398352221-initial";

/** Migrations of this folder, oldest first (generated). */
export const migrations: Function[] = [m0].flatMap((m) =>
  Object.values(m as Record<string, unknown>).filter((value): value is Function => typeof value === "function"),
);
