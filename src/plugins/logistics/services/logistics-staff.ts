import { type Actor, assertActsForDepartment, Role } from "../../../core";

/** The department code this plugin serves, as in its plugin object. */
export const LOGISTICS = "logistics";

/** Logistics staff and admins run rooms and decide requests; other departments' staff do not. */
export function assertLogisticsStaff(actor: Actor): void {
  assertActsForDepartment(actor, LOGISTICS);
}

/** Who may see every booking and request of the department: its staff, supervisors, admins. */
export function overseesLogistics(actor: Actor): boolean {
  return (
    actor.role === Role.ADMIN ||
    actor.role === Role.SUPERVISOR ||
    (actor.role === Role.STAFF && actor.department === LOGISTICS)
  );
}
