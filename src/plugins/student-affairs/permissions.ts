import { type PermissionDefinition, Role } from "../../core";

/** Desk work at the department's windows: its staff, and volunteers on duty there. */
export const DESK = "student-affairs.desk";
/** The university's seal on recommendation forms and employment agreements. */
export const STAMP = "student-affairs.stamp";
/** Making booklets ready and printing report certificates. */
export const ISSUE = "student-affairs.issue";
/** Opening and moving scholarship and aid batches. */
export const AID = "student-affairs.aid";

/**
 * Roles only; the services also check the department, since a permission cannot tell the
 * Student Affairs Department's staff from another department's.
 */
export const permissions: PermissionDefinition[] = [
  {
    code: DESK,
    description: "Serve at a Student Affairs window: fees, registrations, handing out.",
    roles: [Role.VOLUNTEER, Role.STAFF],
  },
  {
    code: STAMP,
    description: "Stamp recommendation forms and endorse employment agreements.",
    roles: [Role.STAFF],
  },
  {
    code: ISSUE,
    description: "Make student ID booklets ready and print report certificates.",
    roles: [Role.STAFF],
  },
  {
    code: AID,
    description: "Open and change scholarship and financial-aid batches.",
    roles: [Role.STAFF],
  },
];
