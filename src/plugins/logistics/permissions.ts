import { type PermissionDefinition, Role } from "../../core";

/**
 * Permissions grant roles; which department a staff member belongs to is checked in the
 * services, since a permission cannot say "logistics staff only".
 */
export const LOGISTICS_PERMISSIONS = {
  manageRooms: "logistics.manage-rooms",
  decideDormitory: "logistics.decide-dormitory-requests",
} as const;

export const permissions: PermissionDefinition[] = [
  {
    code: LOGISTICS_PERMISSIONS.manageRooms,
    description: "Add community activity rooms, change their capacity, take them out of use.",
    roles: [Role.STAFF, Role.ADMIN],
  },
  {
    code: LOGISTICS_PERMISSIONS.decideDormitory,
    description: "Approve or refuse dormitory requests and complete move-outs.",
    roles: [Role.STAFF, Role.ADMIN],
  },
];
