import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { decodeCursor, type Page, type PageArgs, pageSize, sqlTime, toPage } from "../../../core";

/**
 * One page of a query in `key, id` order, resumed after the cursor's row. `key` is a column
 * of the alias holding a string or a UTC instant written by the hall (to the millisecond).
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  key: keyof T & string,
  direction: "ASC" | "DESC",
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const cmp = direction === "ASC" ? ">" : "<";
  if (after) {
    const column = `${alias}.${key}`;
    query.andWhere(
      `(${column} ${cmp} :pageKey OR (${column} = :pageKey AND ${alias}.id ${cmp} :pageId))`,
      { pageKey: after.key, pageId: after.id },
    );
  }
  const rows = await query
    .orderBy(`${alias}.${key}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(size + 1)
    .getMany();
  return toPage(rows, size, (row) => {
    const value = row[key] as unknown;
    return { key: value instanceof Date ? sqlTime(value) : String(value), id: row.id };
  });
}
