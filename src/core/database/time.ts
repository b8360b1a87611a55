/**
 * A UTC instant as both databases compare it in raw SQL: `YYYY-MM-DD HH:MM:SS.mmm`.
 * TypeORM converts entity fields itself; query-builder parameters need this by hand,
 * since better-sqlite3 cannot bind a Date.
 */
export function sqlTime(at: Date): string {
  return at.toISOString().replace("T", " ").replace("Z", "");
}
