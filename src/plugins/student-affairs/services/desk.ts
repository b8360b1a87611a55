import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import {
  type Actor,
  assertAtDesk,
  BadInputError,
  decodeCursor,
  ForbiddenError,
  type HallServices,
  NotFoundError,
  type Page,
  type PageArgs,
  pageSize,
  Role,
  sqlTime,
  toPage,
} from "../../../core";

export const DEPARTMENT = "student-affairs";

const STUDENT_NO = /^[A-Za-z0-9-]{1,32}$/;

export interface Student {
  accountId: string;
  studentNo: string;
}

/**
 * The student behind a number. Every record here is one the student follows or reads back
 * later, so the student must have an account.
 */
export async function studentByNo(services: HallServices, studentNo: string): Promise<Student> {
  const number = studentNo.trim();
  if (!STUDENT_NO.test(number)) {
    throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
  }
  const account = await services.accounts.byStudentNo(number);
  if (!account || !account.active || (account.role !== Role.STUDENT && account.role !== Role.VOLUNTEER)) {
    throw new BadInputError("studentNo", `No student account has the number ${number}.`);
  }
  return { accountId: account.id, studentNo: number };
}

/** Desk work: the department's staff, or a volunteer serving at its windows. */
export function assertDesk(manager: EntityManager, actor: Actor): Promise<void> {
  return assertAtDesk(manager, actor, DEPARTMENT);
}

/** Work only the department's own staff do: the seal, the booklets, the certificates. */
export function assertDepartmentStaff(actor: Actor): void {
  if (actor.role !== Role.STAFF || actor.department !== DEPARTMENT) {
    throw new ForbiddenError("Only the Student Affairs Department's staff may do this.");
  }
}

/** Whether the caller may read every student's records here. */
export async function oversees(manager: EntityManager, actor: Actor): Promise<boolean> {
  if (actor.role === Role.ADMIN || actor.role === Role.SUPERVISOR) return true;
  if (actor.role === Role.STAFF) return actor.department === DEPARTMENT;
  if (actor.role !== Role.VOLUNTEER) return false;
  return assertDesk(manager, actor).then(
    () => true,
    () => false,
  );
}

export async function assertOversees(manager: EntityManager, actor: Actor): Promise<void> {
  if (!(await oversees(manager, actor))) {
    throw new ForbiddenError("Only the Student Affairs Department, its windows and supervisors see these records.");
  }
}

/** A record its student or an overseer may see; NOT_FOUND otherwise, so ids are not confirmed. */
export async function assertMaySee(
  manager: EntityManager,
  actor: Actor,
  record: { studentAccountId: string } | null,
  what: string,
): Promise<void> {
  if (record && (record.studentAccountId === actor.accountId || (await oversees(manager, actor)))) return;
  throw new NotFoundError(what);
}

/** Names shown to staff and supervisors; students and volunteers see badges only. */
export function seesNames(actor: Actor | null): boolean {
  return !!actor && (actor.role === Role.STAFF || actor.role === Role.SUPERVISOR || actor.role === Role.ADMIN);
}

/** A trimmed text of 1 to `max` characters, or BAD_USER_INPUT naming the field. */
export function requiredText(field: string, value: string | null | undefined, max: number): string {
  const text = value?.trim() ?? "";
  if (!text || text.length > max) throw new BadInputError(field, `${field} is 1 to ${max} characters.`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = value?.trim() ?? "";
  if (text.length > max) throw new BadInputError(field, `${field} is at most ${max} characters.`);
  return text || null;
}

/**
 * A page of one table, newest first by a time column, with the id breaking ties; `scope`
 * adds the where clauses.
 */
export async function newestFirst<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  timeColumn: keyof T & string,
  args: PageArgs,
  scope: (query: SelectQueryBuilder<T>) => void,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const query = manager.createQueryBuilder(entity, "r").where("1 = 1");
  scope(query);
  if (cursor) {
    query.andWhere(`(r.${timeColumn} < :at OR (r.${timeColumn} = :at AND r.id < :id))`, {
      at: cursor.key,
      id: cursor.id,
    });
  }
  const rows = await query
    .orderBy(`r.${timeColumn}`, "DESC")
    .addOrderBy("r.id", "DESC")
    .take(size + 1)
    .getMany();
  return toPage(rows, size, (row) => ({ key: sqlTime(row[timeColumn] as Date), id: row.id }));
}

/** Adds received materials to what came before, by name. */
export function addUp(
  earlier: Array<{ name: string; count: number }>,
  more: Array<{ name: string; count: number }>,
): Array<{ name: string; count: number }> {
  const totals = new Map<string, number>();
  for (const item of [...earlier, ...more]) totals.set(item.name.trim(), (totals.get(item.name.trim()) ?? 0) + item.count);
  return [...totals].map(([name, count]) => ({ name, count }));
}

/** The required names (with counts) not yet covered by what was received. */
export function missing(
  required: Array<{ name: string; count: number }>,
  received: Array<{ name: string; count: number }>,
): Array<{ name: string; count: number }> {
  const have = new Map(received.map((m) => [m.name.trim(), m.count]));
  return required
    .map((m) => ({ name: m.name, count: m.count - (have.get(m.name.trim()) ?? 0) }))
    .filter((m) => m.count > 0);
}
