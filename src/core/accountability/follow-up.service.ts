import type { EntityManager } from "typeorm";
import { type Actor, Role } from "../auth/role";
import type { CalendarService } from "../calendar/calendar.service";
import type { Clock } from "../common/clock";
import type { HallConfig } from "../config/config";
import type { HallDatabase } from "../database/hall-database";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import { FollowUpEntity } from "./follow-up.entity";
import type { RatingEntity } from "./rating.entity";

export interface FollowUpRecord {
  calledBack: boolean;
  action: string;
}

/** Follow-ups of dissatisfied ratings: opened with the rating, closed by the department. */
export class FollowUpService {
  constructor(
    private readonly database: HallDatabase,
    private readonly calendar: CalendarService,
    private readonly config: HallConfig,
    private readonly clock: Clock,
  ) {}

  /** Opens the follow-up inside the rating's transaction, due in the configured working days. */
  async openFor(tx: EntityManager, rating: RatingEntity, studentNo: string | null): Promise<FollowUpEntity> {
    const followUp = tx.create(FollowUpEntity, {
      ratingId: rating.id,
      departmentCode: rating.departmentCode,
      badgeNo: rating.badgeNo,
      studentAccountId: rating.studentAccountId,
      studentNo,
      openedAt: rating.ratedAt,
      dueAt: this.calendar.calendar.dueAt(rating.ratedAt, this.config.followUpWorkingDays),
      doneAt: null,
      doneByAccountId: null,
      calledBack: null,
      action: null,
      missedAlertedAt: null,
    });
    await tx.insert(FollowUpEntity, followUp);
    return followUp;
  }

  /** The department writes down what was done; once. */
  async record(actor: Actor, id: string, record: FollowUpRecord): Promise<FollowUpEntity> {
    const action = record.action.trim();
    if (!action) throw new BadInputError("action", "Write down what was done to put it right.");
    return this.database.transaction(async (tx) => {
      const followUp = await this.lock(tx, id);
      assertActsFor(actor, followUp);
      if (followUp.doneAt) throw new ConflictError("This follow-up was recorded already.");
      Object.assign(followUp, {
        doneAt: this.clock.now(),
        doneByAccountId: actor.accountId,
        calledBack: record.calledBack,
        action,
      });
      await tx.save(followUp);
      return followUp;
    });
  }

  private async lock(tx: EntityManager, id: string): Promise<FollowUpEntity> {
    const query = tx.createQueryBuilder(FollowUpEntity, "f").where("f.id = :id", { id });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const followUp = await query.getOne();
    if (!followUp) throw new NotFoundError("Follow-up");
    return followUp;
  }
}

function assertActsFor(actor: Actor, followUp: FollowUpEntity): void {
  if (actor.role === Role.ADMIN || actor.role === Role.SUPERVISOR) return;
  if (actor.role === Role.STAFF && actor.department === followUp.departmentCode) return;
  throw new ForbiddenError("Only the department concerned, a supervisor or an admin records a follow-up.");
}
