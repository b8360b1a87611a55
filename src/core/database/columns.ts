import { Column, type ColumnOptions, CreateDateColumn, UpdateDateColumn } from "typeorm";

/*
 * Column helpers that read the same on SQLite and MySQL. Times are UTC instants with
 * milliseconds (a plain MySQL DATETIME drops them); the MySQL connection runs with
 * timezone 'Z' and TypeORM writes UTC strings to SQLite, so no local time gets in.
 */

export function UtcDateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "datetime", precision: 3, ...options });
}

export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: "datetime", precision: 3 });
}

export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ type: "datetime", precision: 3 });
}

/** A JSON value kept as text, so both databases store it alike. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: "simple-json", ...options });
}
