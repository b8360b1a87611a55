import type { EntityManager } from "typeorm";
import type { Actor } from "../auth/role";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import { CaseEntity } from "../cases/case.entity";
import type { Clock } from "../common/clock";
import type { HallDatabase } from "../database/hall-database";
import { isUniqueViolation } from "../database/unique-violation";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import { TicketEntity } from "../queue/ticket.entity";
import { toFeed } from "./feed-topics";
import type { FollowUpService } from "./follow-up.service";
import type { LadderService } from "./ladder.service";
import { BAD_LEVELS, RatingEntity, type RatingLevel, type RatingReason } from "./rating.entity";

export interface RatingFields {
  ticketId?: string | null;
  caseId?: string | null;
  level: RatingLevel;
  reasons?: RatingReason[] | null;
  comment?: string | null;
}

/** The visit being rated, as the rating will remember it. */
type Remembered = "visitKey" | "ticketId" | "caseId" | "departmentCode" | "windowId" | "windowNumber";
type Visit = Pick<RatingEntity, Remembered | "volunteerAccountId" | "badgeNo"> & { studentNo: string | null };

const TAKEN = "You have rated this visit already.";

/**
 * Ratings (好差评). Only the visit's own student rates it, only once it is completed or
 * closed, and only once; nobody rates their own service. A bad rating opens a follow-up,
 * goes to the supervisors' feed and is weighed by the ladder, all in the rating's transaction.
 *
 * TODO: a visit may be rated any time after it; should the hall want a limit (a week, say),
 * it needs a config variable and a check of finishedAt/closedAt in the two visit methods.
 */
export class RatingService {
  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly followUps: FollowUpService,
    private readonly ladder: LadderService,
    private readonly clock: Clock,
  ) {}

  async rate(actor: Actor, fields: RatingFields): Promise<RatingEntity> {
    const { reasons, comment } = checkFields(fields);
    try {
      return await this.database.transaction(async (tx, outbox) => {
        const visit = fields.ticketId
          ? await this.ticketVisit(tx, actor, fields.ticketId)
          : await this.caseVisit(tx, actor, fields.caseId!);
        if (await tx.findOneBy(RatingEntity, { visitKey: visit.visitKey })) throw new ConflictError(TAKEN);
        const { studentNo, ...remembered } = visit;
        const rating = tx.create(RatingEntity, {
          ...remembered,
          studentAccountId: actor.accountId,
          level: fields.level,
          bad: BAD_LEVELS.includes(fields.level),
          reasons,
          comment,
          ratedAt: this.clock.now(),
        });
        await tx.insert(RatingEntity, rating);
        if (!rating.bad) return rating;

        const followUp = await this.followUps.openFor(tx, rating, studentNo);
        const where = rating.badgeNo ? `badge ${rating.badgeNo}` : rating.departmentCode;
        toFeed(outbox, "BAD_RATING", rating.ratedAt, `A visit to ${where} was rated ${rating.level}.`, {
          department: rating.departmentCode,
          badgeNo: rating.badgeNo,
          ratingId: rating.id,
          ratingLevel: rating.level,
          followUpId: followUp.id,
        });
        await this.ladder.afterBadRating(tx, outbox, rating);
        return rating;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_rating_visit", "rating.visitKey")) throw new ConflictError(TAKEN);
      throw error;
    }
  }

  private async ticketVisit(tx: EntityManager, actor: Actor, ticketId: string): Promise<Visit> {
    const ticket = await tx.findOneBy(TicketEntity, { id: ticketId });
    // Another student's visit is not found rather than forbidden, so ids are not confirmed.
    const theirs = ticket?.studentAccountId === actor.accountId;
    if (!ticket || !theirs || !this.departments.has(ticket.departmentCode)) throw new NotFoundError("Ticket");
    if (ticket.volunteerAccountId === actor.accountId) throw new ForbiddenError("Nobody rates their own service.");
    if (ticket.status !== "COMPLETED") {
      const state = ticket.status.toLowerCase();
      throw new ConflictError(`Ticket ${ticket.number} is ${state}; it can be rated once it is completed.`);
    }
    return {
      visitKey: `TICKET:${ticket.id}`,
      ticketId: ticket.id,
      caseId: null,
      departmentCode: ticket.departmentCode,
      windowId: ticket.windowId,
      windowNumber: ticket.windowNumber,
      volunteerAccountId: ticket.badgeNo ? ticket.volunteerAccountId : null,
      badgeNo: ticket.badgeNo,
      studentNo: ticket.studentNo,
    };
  }

  /** A case is answered for by its first responder (首问责任制), wherever it went after. */
  private async caseVisit(tx: EntityManager, actor: Actor, caseId: string): Promise<Visit> {
    const item = await tx.findOneBy(CaseEntity, { id: caseId });
    if (!item || !this.departments.has(item.departmentCode) || item.studentAccountId !== actor.accountId) {
      throw new NotFoundError("Case");
    }
    if (item.firstResponderAccountId === actor.accountId || item.ownerAccountId === actor.accountId) {
      throw new ForbiddenError("Nobody rates their own service.");
    }
    if (item.status !== "CLOSED") throw new ConflictError("The case can be rated once it is closed.");
    const ticket = item.ticketId ? await tx.findOneBy(TicketEntity, { id: item.ticketId }) : null;
    return {
      visitKey: `CASE:${item.id}`,
      ticketId: null,
      caseId: item.id,
      departmentCode: item.departmentCode,
      windowId: ticket?.windowId ?? null,
      windowNumber: ticket?.windowNumber ?? null,
      volunteerAccountId: item.firstResponderBadgeNo ? item.firstResponderAccountId : null,
      badgeNo: item.firstResponderBadgeNo,
      studentNo: item.studentNo,
    };
  }
}

function checkFields(fields: RatingFields): { reasons: RatingReason[]; comment: string | null } {
  if (Boolean(fields.ticketId) === Boolean(fields.caseId)) {
    throw new BadInputError("ticketId", "Rate either a ticket or a case: give one of ticketId and caseId.");
  }
  const reasons = [...new Set(fields.reasons ?? [])];
  const comment = fields.comment?.trim() || null;
  if (comment && comment.length > 500) {
    throw new BadInputError("comment", "A comment is at most 500 characters.");
  }
  return { reasons, comment };
}
