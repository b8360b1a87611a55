import { QueryFailedError } from "typeorm";

/**
 * True when a write failed on a unique key. `key` narrows it to one key: MySQL names the
 * index (uq_ticket_active), SQLite the column (ticket.activeKey); pass both spellings.
 */
export function isUniqueViolation(error: unknown, ...keys: string[]): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; message?: string } | undefined;
  const code = driver?.code ?? "";
  if (code !== "ER_DUP_ENTRY" && !code.startsWith("SQLITE_CONSTRAINT")) return false;
  if (keys.length === 0) return true;
  const message = driver?.message ?? error.message;
  return keys.some((key) => message.includes(key));
}
