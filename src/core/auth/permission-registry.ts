import type { PermissionDefinition } from "../plugin/hall-plugin";
import type { Role } from "./role";

/** Which roles hold each plugin-defined permission (used by @Authorized("perm.code")). */
export class PermissionRegistry {
  private readonly grants = new Map<string, Set<Role>>();

  constructor(permissions: PermissionDefinition[]) {
    for (const permission of permissions) this.grants.set(permission.code, new Set(permission.roles));
  }

  isPermission(code: string): boolean {
    return this.grants.has(code);
  }

  allows(code: string, role: Role): boolean {
    return this.grants.get(code)?.has(role) ?? false;
  }
}
