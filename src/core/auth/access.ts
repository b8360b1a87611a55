import { ForbiddenError, UnauthenticatedError } from "../errors/hall-error";
import type { HallContext } from "../server/hall-context";
import { type Actor, Role } from "./role";

/**
 * Root fields marked public, as "Class.method". Every query, mutation and subscription
 * either carries @Authorized or @Public; a test walks the schema to hold us to it.
 */
export const publicFields = new Set<string>();

/** Marks a root field that anyone may call, signed in or not. */
export function Public(): MethodDecorator {
  return (target, propertyKey) => {
    publicFields.add(`${(target as { constructor: Function }).constructor.name}.${String(propertyKey)}`);
  };
}

/** The caller, or UNAUTHENTICATED. */
export function requireActor(context: Pick<HallContext, "actor">): Actor {
  if (!context.actor) throw new UnauthenticatedError();
  return context.actor;
}

export function requireRole(context: Pick<HallContext, "actor">, ...roles: Role[]): Actor {
  const actor = requireActor(context);
  if (!roles.includes(actor.role)) throw new ForbiddenError();
  return actor;
}

/** Admins and supervisors act for any department; staff only for their own. */
export function assertActsForDepartment(actor: Actor, department: string): void {
  if (actor.role === Role.ADMIN || actor.role === Role.SUPERVISOR) return;
  if (actor.role === Role.STAFF && actor.department === department) return;
  throw new ForbiddenError(`You may act only for your own department.`);
}
