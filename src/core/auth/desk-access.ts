import type { EntityManager } from "typeorm";
import { ForbiddenError } from "../errors/hall-error";
import { WindowEntity } from "../windows/window.entity";
import { type Actor, Role } from "./role";

/**
 * Whether the caller serves `department` at a desk: its own staff, or a volunteer assigned to
 * it or on duty at one of its windows now. Taking money and handing out documents are desk
 * work, so admins and supervisors, who watch the hall, are refused here too.
 */
export async function assertAtDesk(manager: EntityManager, actor: Actor, department: string): Promise<void> {
  if (actor.role === Role.STAFF && actor.department === department) return;
  if (actor.role === Role.VOLUNTEER) {
    if (actor.department === department) return;
    const window = await manager.findOneBy(WindowEntity, { onDutyAccountId: actor.accountId, departmentCode: department });
    if (window) return;
    throw new ForbiddenError(`You are not on duty at a window of ${department}.`);
  }
  throw new ForbiddenError(`Only ${department}'s staff and the volunteers at its windows may do this.`);
}
