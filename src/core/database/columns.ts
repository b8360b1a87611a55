import { Column, type ColumnOptions, CreateDateColumn, UpdateDateColumn } from "typeorm";

/*
 * Column helpers that read the same on SQLite and MySQL. Times are UTC instants kept to
 * the microsecond on MySQL (a plain DATETIME drops even milliseconds; precision 6 is also
 * what TypeORM's CURRENT_TIMESTAMP(6) defaults expect, so migrations show no phantom diff).
 * The MySQL connection runs with timezone 'Z' and TypeORM writes UTC strings to SQLite,
 * so no local time gets in.
 */

export function UtcDateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "datetime", precision: 6, ...options });
}

export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: "datetime", precision: 6 });
}

export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ type: "datetime", precision: 6 });
}

/** A JSON value kept as text, so both databases store it alike. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "simple-json", ...options });
}
