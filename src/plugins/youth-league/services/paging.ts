import type { SelectQueryBuilder } from "typeorm";
import { decodeCursor, type Page, pageSize, sqlTime, toPage } from "../../../core";

/**
 * One keyset page of `query`, ordered by a time column and then by id (which breaks ties
 * between rows written in one millisecond, or under a pinned clock).
 */
export async function pageByTime<T extends { id: string }>(
  query: SelectQueryBuilder<T>,
  column: keyof T & string,
  order: "ASC" | "DESC",
  first?: number,
  after?: string,
): Promise<Page<T>> {
  const size = pageSize(first);
  const cursor = decodeCursor(after);
  const alias = query.alias;
  const [at, id, beyond] = [`${alias}.${column}`, `${alias}.id`, order === "ASC" ? ">" : "<"];
  if (cursor) {
    query.andWhere(`(${at} ${beyond} :key OR (${at} = :key AND ${id} ${beyond} :cid))`, {
      key: cursor.key,
      cid: cursor.id,
    });
  }
  const rows = await query.orderBy(at, order).addOrderBy(id, order).take(size + 1).getMany();
  return toPage(rows, size, (row) => ({ key: sqlTime(row[column] as Date), id: row.id }));
}
