import type { EntityManager } from "typeorm";
import { AccountEntity } from "../auth/account.entity";
import { Role } from "../auth/role";
import { BadInputError } from "../errors/hall-error";

/** A volunteer as the accountability rules know them: by badge, counted by account. */
export interface Volunteer {
  accountId: string;
  badgeNo: string;
  department: string | null;
}

/** The volunteer wearing a badge, or BAD_USER_INPUT naming `field`. */
export async function findVolunteer(manager: EntityManager, badgeNo: string, field = "badgeNo") {
  const badge = badgeNo.trim();
  const account = badge ? await manager.findOneBy(AccountEntity, { badgeNo: badge }) : null;
  if (!account || account.role !== Role.VOLUNTEER) {
    throw new BadInputError(field, `No volunteer wears badge "${badgeNo}".`);
  }
  const volunteer: Volunteer = { accountId: account.id, badgeNo: badge, department: account.department };
  return volunteer;
}
