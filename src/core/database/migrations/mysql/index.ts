import * as m0 from "./1796397308660-initial";
import * as m1 from "./1796397522510-cases";
import * as m2 from "./1796398311572-fees-and-announcements";
import * as m3 from "./1796398624973-accountability";

/** Migrations of this folder, oldest first (generated). */
export const migrations: Function[] = [m0, m1, m2, m3].flatMap((m) =>
  Object.values(m as Record<string, unknown>).filter((value): value is Function => typeof value === "function"),
);
