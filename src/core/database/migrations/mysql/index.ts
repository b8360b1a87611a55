import * as m0 from "./1796396771139-initial";

/** Migrations of this folder, oldest first (generated). */
export const migrations: Function[] = [m0].flatMap((m) =>
  Object.values(m).filter((value): value is Function => typeof value === "function"),
);
