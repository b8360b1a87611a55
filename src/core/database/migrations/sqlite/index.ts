import * as m0 from "./1796397308660-initial";
import * as m1 from "./1796397522510-cases";

/** Migrations of this folder, oldest first (generated). */
export const migrations: Function[] = [m0, m1].flatMap((m) =>
  Object.values(m as Record<string, unknown>).filter((value): value is Function => typeof value === "function"),
);
