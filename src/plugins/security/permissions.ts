import { type PermissionDefinition, Role } from "../../core";

/**
 * Permissions grant roles; that a staff member belongs to the Security Office is checked in
 * the service, since a permission cannot say "security staff only".
 */
export const SECURITY_PERMISSIONS = {
  manageSeasons: "security.manage-enlistment-seasons",
  exportRegistrations: "security.export-enlistment-registrations",
} as const;

export const permissions: PermissionDefinition[] = [
  {
    code: SECURITY_PERMISSIONS.manageSeasons,
    description: "Open, move and close the pre-enlistment and military service registration seasons.",
    roles: [Role.STAFF, Role.ADMIN],
  },
  {
    code: SECURITY_PERMISSIONS.exportRegistrations,
    description: "Export a season's registrations as CSV for the recruitment office.",
    roles: [Role.STAFF, Role.ADMIN],
  },
];
