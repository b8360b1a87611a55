import { Max, Min } from "class-validator";
import { ArgsType, type ClassType, Field, Int, ObjectType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadInputError } from "../errors/hall-error";
import { sqlTime } from "../database/time";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many to return: 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} by default.`,
  })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string;
}

@ObjectType({ description: "Where a page ends and whether more follow." })
export class PageInfo {
  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;

  @Field({ description: "True when another page follows this one." })
  hasNextPage!: boolean;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** A page type for `T`, named `<name>Page` in the schema. */
export function PageOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(`${name}Page`, { description: `One page of ${name} records.` })
  abstract class PageClass {
    @Field(() => [item], { description: "The records of this page, in order." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Where this page ends." })
    pageInfo!: PageInfo;
  }
  return PageClass;
}

/** A keyset cursor: the sort key and the id of the last record of a page. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(after: string | undefined): Cursor | null {
  if (!after) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    if (typeof key === "string" && typeof id === "string") return { key, id };
  } catch {
    // fall through to the error below
  }
  throw new BadInputError("after", "The cursor is not one this server gave out.");
}

export function pageSize(first: number | undefined): number {
  return first ?? DEFAULT_PAGE_SIZE;
}

/** Cuts one extra row fetched by the caller into a page and its info. */
export function toPage<T>(rows: T[], size: number, cursorOf: (row: T) => Cursor): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor(cursorOf(last)) : null,
    },
  };
}

/**
 * One page of a query in (key, id) order, resumed after the cursor's row: stable under
 * inserts, unlike an offset. `key` is a column of the query's main alias holding a string or
 * a UTC instant written by the hall (to the millisecond).
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
  return toPage(rows, size, (row) => {
    const value = row[key] as unknown;
    return { key: value instanceof Date ? sqlTime(value) : String(value), id: row.id };
  });
}
