import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { decodeCursor, type Page, type PageArgs, pageSize, toPage } from "../common/pagination";
import { sqlTime } from "../database/time";

/**
 * One page of a query in (time, id) order, with the cursor of the last row: stable under
 * inserts, unlike an offset. `key` is a time column of the query's alias.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  key: keyof T & string,
  direction: "ASC" | "DESC",
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const column = `${query.alias}.${key}`;
  const id = `${query.alias}.id`;
  const cmp = direction === "ASC" ? ">" : "<";
  if (after) {
    query.andWhere(`(${column} ${cmp} :cursorKey OR (${column} = :cursorKey AND ${id} ${cmp} :cursorId))`, {
      cursorKey: after.key,
      cursorId: after.id,
    });
  }
  const rows = await query.orderBy(column, direction).addOrderBy(id, direction).take(size + 1).getMany();
  return toPage(rows, size, (row) => ({ key: sqlTime(row[key] as Date), id: row.id }));
}
