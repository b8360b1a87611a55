import { type Actor, BadInputError, ForbiddenError, type HallServices, NotFoundError, Role } from "../../../core";

export const YOUTH_LEAGUE = "youth-league";

/** League staff, and admins, run activities, hours and the charity stock. */
export function assertLeagueStaff(actor: Actor, reading = false): void {
  if (actor.role === Role.ADMIN || (reading && actor.role === Role.SUPERVISOR)) return;
  if (actor.role === Role.STAFF && actor.department === YOUTH_LEAGUE) return;
  throw new ForbiddenError("Only Youth League Committee staff may do this.");
}

/** At the League's window: its staff, an admin, or the volunteer signed on to one of its windows. */
export async function assertAtLeagueDesk(services: HallServices, actor: Actor): Promise<void> {
  if (actor.role === Role.ADMIN || (actor.role === Role.STAFF && actor.department === YOUTH_LEAGUE)) return;
  if (actor.role === Role.VOLUNTEER) {
    const windows = await services.windows.list(YOUTH_LEAGUE);
    if (windows.some((w) => w.onDutyAccountId === actor.accountId)) return;
  }
  throw new ForbiddenError("This is done at the Youth League Committee's window.");
}

/** An active student by number; NOT_FOUND for a number no student has. */
export async function studentByNo(services: HallServices, studentNo: string | null | undefined) {
  if (!studentNo || !/^[A-Za-z0-9-]{1,32}$/.test(studentNo)) {
    throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
  }
  const account = await services.accounts.byStudentNo(studentNo);
  if (!account || account.role !== Role.STUDENT || !account.active) throw new NotFoundError(`Student ${studentNo}`);
  return { accountId: account.id, studentNo, name: account.name };
}

/** One instance of a plugin service per hall, so that two halls in one process keep apart. */
export function perHall<T>(make: (services: HallServices) => T): (services: HallServices) => T {
  const made = new WeakMap<HallServices, T>();
  return (services) => {
    let instance = made.get(services);
    if (!instance) {
      instance = make(services);
      made.set(services, instance);
    }
    return instance;
  };
}

/** Text input trimmed and checked: BAD_USER_INPUT naming the field when empty or too long. */
export function text(value: string | null | undefined, field: string, max: number, required = true): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) {
    if (required) throw new BadInputError(field, `${field} must not be empty.`);
    return null;
  }
  if (trimmed.length > max) throw new BadInputError(field, `${field} is at most ${max} characters.`);
  return trimmed;
}
