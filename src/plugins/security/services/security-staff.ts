import { type Actor, assertActsForDepartment, Role } from "../../../core";

/** The department code this plugin serves, as in its plugin object. */
export const SECURITY = "security";

/** Security staff and admins set seasons and export lists; other departments' staff do not. */
export function assertSecurityStaff(actor: Actor): void {
  assertActsForDepartment(actor, SECURITY);
}

/** Who may read the registrations: Security Office staff, supervisors and admins. */
export function overseesSecurity(actor: Actor): boolean {
  return (
    actor.role === Role.ADMIN ||
    actor.role === Role.SUPERVISOR ||
    (actor.role === Role.STAFF && actor.department === SECURITY)
  );
}
