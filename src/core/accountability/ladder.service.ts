import { MoreThan, MoreThanOrEqual, Not, IsNull, type EntityManager } from "typeorm";
import type { Actor } from "../auth/role";
import type { Clock } from "../common/clock";
import type { HallConfig } from "../config/config";
import type { HallDatabase, Outbox } from "../database/hall-database";
import { isUniqueViolation } from "../database/unique-violation";
import { ConflictError, ForbiddenError } from "../errors/hall-error";
import { CoachingTalkEntity } from "./coaching-talk.entity";
import { ComplaintEntity } from "./complaint.entity";
import { DutyRemovalEntity } from "./duty-removal.entity";
import { toFeed } from "./feed-topics";
import { RatingEntity } from "./rating.entity";
import { type LadderRule, VolunteerFlagEntity } from "./volunteer-flag.entity";
import { findVolunteer, type Volunteer } from "./volunteers";

/** Where a volunteer stands on the ladder now. */
export interface Standing {
  volunteer: Volunteer;
  openFlags: VolunteerFlagEntity[];
  removal: DutyRemovalEntity | null;
}

/**
 * The accountability ladder: rules over a rolling window flag a volunteer; a coaching talk
 * answers the flags; a REPLACE outcome takes them off window duty until an admin reinstates
 * them. Counting starts afresh after each coaching talk, so one bad spell raises one flag
 * rather than a new one with every later rating.
 */
export class LadderService {
  constructor(
    private readonly database: HallDatabase,
    private readonly config: HallConfig,
    private readonly clock: Clock,
  ) {}

  /** After a bad rating, inside its transaction: the last N ratings since the last talk. */
  async afterBadRating(tx: EntityManager, outbox: Outbox, rating: RatingEntity): Promise<void> {
    if (!rating.volunteerAccountId) return;
    const since = await this.lastTalkAt(tx, rating.volunteerAccountId);
    const recent: Array<Pick<RatingEntity, "bad">> = await tx.find(RatingEntity, {
      select: { bad: true },
      where: { volunteerAccountId: rating.volunteerAccountId, ratedAt: MoreThan(since) },
      order: { ratedAt: "DESC" },
      take: this.config.ladderWindow,
    });
    const bad = recent.filter((r) => r.bad).length;
    if (bad < this.config.ladderBadRatings) return;
    const detail = `${bad} of the last ${recent.length} ratings were dissatisfied or very dissatisfied.`;
    const volunteer = rating.volunteerAccountId;
    await this.raise(tx, outbox, volunteer, rating.badgeNo, "BAD_RATINGS", detail, rating.departmentCode);
  }

  /** After a complaint is upheld, inside that transaction. */
  async afterUpheldComplaint(tx: EntityManager, outbox: Outbox, complaint: ComplaintEntity): Promise<void> {
    if (!complaint.volunteerAccountId) return;
    const days = this.config.ladderUpheldDays;
    const windowStart = new Date(this.clock.now().getTime() - days * 24 * 3600_000);
    const lastTalk = await this.lastTalkAt(tx, complaint.volunteerAccountId);
    const since = lastTalk > windowStart ? lastTalk : windowStart;
    const upheld = await tx.countBy(ComplaintEntity, {
      volunteerAccountId: complaint.volunteerAccountId,
      upheldAt: MoreThanOrEqual(since),
    });
    if (upheld < this.config.ladderUpheldComplaints) return;
    const detail = `${upheld} complaints upheld within ${days} days.`;
    const volunteer = complaint.volunteerAccountId;
    await this.raise(tx, outbox, volunteer, complaint.badgeNo, "UPHELD_COMPLAINTS", detail, complaint.departmentCode);
  }

  /** A coaching talk answers every open flag of the volunteer. */
  async clearFlags(tx: EntityManager, talk: CoachingTalkEntity): Promise<void> {
    await tx.update(
      VolunteerFlagEntity,
      { volunteerAccountId: talk.volunteerAccountId, openKey: Not(IsNull()) },
      { clearedAt: talk.recordedAt, talkId: talk.id, openKey: null },
    );
  }

  /** REPLACE: off window duty. A removal already in force stays the one in force. */
  async removeFromDuty(tx: EntityManager, talk: CoachingTalkEntity): Promise<void> {
    if (await tx.findOneBy(DutyRemovalEntity, { activeKey: talk.volunteerAccountId })) return;
    await tx.insert(DutyRemovalEntity, {
      volunteerAccountId: talk.volunteerAccountId,
      badgeNo: talk.badgeNo,
      talkId: talk.id,
      removedAt: talk.recordedAt,
      reinstatedAt: null,
      reinstatedByAccountId: null,
      reinstateNote: null,
      activeKey: talk.volunteerAccountId,
    });
  }

  /** The duty gate of WindowService: a volunteer taken off duty cannot sign on. */
  readonly dutyGate = async (tx: EntityManager, actor: Actor): Promise<void> => {
    const removal = await tx.findOneBy(DutyRemovalEntity, { activeKey: actor.accountId });
    if (!removal) return;
    throw new ForbiddenError(
      `Badge ${removal.badgeNo ?? actor.badgeNo ?? "?"} was taken off window duty after a coaching talk; ` +
        "an admin must reinstate it first.",
    );
  };

  /** An admin lets a volunteer back on duty; the removal stays in the history. */
  async reinstate(actor: Actor, badgeNo: string, note: string): Promise<Standing> {
    return this.database.transaction(async (tx, outbox) => {
      const volunteer = await findVolunteer(tx, badgeNo);
      const removal = await tx.findOneBy(DutyRemovalEntity, { activeKey: volunteer.accountId });
      if (!removal) throw new ConflictError(`Badge ${badgeNo} is not off duty.`);
      const now = this.clock.now();
      Object.assign(removal, {
        reinstatedAt: now,
        reinstatedByAccountId: actor.accountId,
        reinstateNote: note,
        activeKey: null,
      });
      await tx.save(removal);
      toFeed(outbox, "VOLUNTEER_REINSTATED", now, `Badge ${badgeNo} may go on window duty again.`, {
        badgeNo,
        department: volunteer.department,
      });
      return this.standingIn(tx, volunteer);
    });
  }

  async standing(badgeNo: string): Promise<Standing> {
    const manager = this.database.manager;
    return this.standingIn(manager, await findVolunteer(manager, badgeNo));
  }

  private async standingIn(manager: EntityManager, volunteer: Volunteer): Promise<Standing> {
    const [openFlags, removal] = await Promise.all([
      manager.find(VolunteerFlagEntity, {
        where: { volunteerAccountId: volunteer.accountId, openKey: Not(IsNull()) },
        order: { raisedAt: "ASC" },
      }),
      manager.findOneBy(DutyRemovalEntity, { activeKey: volunteer.accountId }),
    ]);
    return { volunteer, openFlags, removal };
  }

  private async lastTalkAt(tx: EntityManager, volunteerAccountId: string): Promise<Date> {
    const last = await tx.findOne(CoachingTalkEntity, {
      select: { recordedAt: true },
      where: { volunteerAccountId },
      order: { recordedAt: "DESC" },
    });
    return last?.recordedAt ?? new Date(0);
  }

  /** One open flag per volunteer and rule; the unique key settles a race between two ratings. */
  private async raise(
    tx: EntityManager,
    outbox: Outbox,
    volunteerAccountId: string,
    badgeNo: string | null,
    rule: LadderRule,
    detail: string,
    department: string,
  ): Promise<void> {
    const openKey = `${volunteerAccountId}:${rule}`;
    if (await tx.findOneBy(VolunteerFlagEntity, { openKey })) return;
    const now = this.clock.now();
    try {
      await tx.insert(VolunteerFlagEntity, {
        volunteerAccountId,
        badgeNo,
        rule,
        detail,
        raisedAt: now,
        clearedAt: null,
        talkId: null,
        openKey,
      });
    } catch (error) {
      // The other transaction flagged them first; MySQL undoes only this statement.
      if (isUniqueViolation(error, "uq_volunteer_flag_open", "volunteer_flag.openKey")) return;
      throw error;
    }
    toFeed(outbox, "VOLUNTEER_FLAGGED", now, `Badge ${badgeNo ?? "?"} is flagged: ${detail}`, {
      badgeNo,
      department,
      flagRule: rule,
    });
  }
}
