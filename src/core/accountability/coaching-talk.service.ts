import { type Actor, Role } from "../auth/role";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { Clock } from "../common/clock";
import type { HallDatabase } from "../database/hall-database";
import { BadInputError, ForbiddenError } from "../errors/hall-error";
import type { Logger } from "../logger";
import { WindowEntity } from "../windows/window.entity";
import type { WindowService } from "../windows/window.service";
import { type CoachingOutcome, CoachingTalkEntity } from "./coaching-talk.entity";
import { toFeed } from "./feed-topics";
import type { LadderService } from "./ladder.service";
import { findVolunteer } from "./volunteers";

export interface CoachingTalkFields {
  badgeNo: string;
  heldAt: Date;
  department?: string | null;
  participants: string[];
  notes: string;
  outcome: CoachingOutcome;
}

/** A talk may be written down a little after it was held, never before. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** Coaching talks (诫勉谈话): recorded by a supervisor, read back by the volunteer. */
export class CoachingTalkService {
  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly windows: WindowService,
    private readonly ladder: LadderService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async record(actor: Actor, fields: CoachingTalkFields): Promise<CoachingTalkEntity> {
    if (actor.role !== Role.SUPERVISOR && actor.role !== Role.ADMIN) {
      throw new ForbiddenError("Supervisors and admins record coaching talks.");
    }
    const checked = this.check(fields);
    const talk = await this.database.transaction(async (tx, outbox) => {
      const volunteer = await findVolunteer(tx, fields.badgeNo);
      const now = this.clock.now();
      const talk = tx.create(CoachingTalkEntity, {
        volunteerAccountId: volunteer.accountId,
        badgeNo: volunteer.badgeNo,
        ...checked,
        recordedByAccountId: actor.accountId,
        recordedAt: now,
      });
      await tx.insert(CoachingTalkEntity, talk);
      await this.ladder.clearFlags(tx, talk);
      if (talk.outcome === "REPLACE") await this.ladder.removeFromDuty(tx, talk);
      const summary = `A coaching talk with badge ${talk.badgeNo} ended ${talk.outcome}.`;
      toFeed(outbox, "COACHING_TALK_RECORDED", now, summary, {
        badgeNo: talk.badgeNo,
        department: talk.departmentCode ?? volunteer.department,
      });
      return talk;
    });
    if (talk.outcome === "REPLACE") await this.signOffEverywhere(actor, talk);
    return talk;
  }

  /**
   * REPLACE takes the volunteer off the window they are at now. WindowService writes in its own
   * transaction, so this runs after the talk's commit; the duty gate already bars a new sign-on.
   *
   * TODO: if this sign-off fails (logged), the volunteer stays at the window they are at until
   * someone signs them off; a WindowService sign-off that joins the caller's transaction would
   * make the talk and the sign-off one write.
   */
  private async signOffEverywhere(actor: Actor, talk: CoachingTalkEntity): Promise<void> {
    const manager = this.database.manager;
    const window = await manager.findOneBy(WindowEntity, { onDutyAccountId: talk.volunteerAccountId });
    if (!window) return;
    await this.windows.signOff(actor, window.id).catch((error) => {
      this.logger.error({ err: error, talkId: talk.id }, "could not sign a replaced volunteer off their window");
    });
  }

  private check(fields: CoachingTalkFields) {
    const latest = this.clock.now().getTime() + CLOCK_SLACK_MS;
    if (Number.isNaN(fields.heldAt.getTime()) || fields.heldAt.getTime() > latest) {
      throw new BadInputError("heldAt", "A coaching talk is recorded after it was held.");
    }
    const department = fields.department?.trim() || null;
    if (department && !this.departments.has(department)) {
      throw new BadInputError("department", `There is no department "${department}".`);
    }
    const participants = fields.participants.map((p) => p.trim()).filter(Boolean);
    if (participants.length === 0) throw new BadInputError("participants", "Name who took part in the talk.");
    const notes = fields.notes.trim();
    if (!notes) throw new BadInputError("notes", "Write down what was said.");
    return { heldAt: fields.heldAt, departmentCode: department, participants, notes, outcome: fields.outcome };
  }
}
