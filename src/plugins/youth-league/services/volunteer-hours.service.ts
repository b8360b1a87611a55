import {
  type Actor,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  type Page,
} from "../../../core";
import { VolunteerHoursEntity } from "../entities/volunteer-hours.entity";
import { activityService } from "./activity.service";
import { assertLeagueStaff, perHall, studentByNo, text } from "./league-access";
import { pageByTime } from "./paging";

export interface RecordHoursFields {
  activityId: string;
  studentNo: string;
  hours: number;
  note?: string | null;
}

/** Volunteer service hours: recorded by League staff per activity, read back per student. */
export class VolunteerHoursService {
  constructor(private readonly services: HallServices) {}

  // TODO: an entry recorded wrongly cannot be corrected or withdrawn yet (a second record is
  // refused); corrections need their own mutation with an audit entry.
  async record(actor: Actor, fields: RecordHoursFields): Promise<VolunteerHoursEntity> {
    assertLeagueStaff(actor);
    // Half hours, as service records are kept; whole minutes underneath add up exactly.
    const { hours } = fields;
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24 || !Number.isInteger(hours * 2)) {
      throw new BadInputError("hours", "Hours are 0.5 to 24, in half hours.");
    }
    const note = text(fields.note, "note", 200, false);
    const student = await studentByNo(this.services, fields.studentNo);
    const activity = await activityService(this.services).get(fields.activityId);
    const now = this.services.clock.now();
    if (now.getTime() < activity.startsAt.getTime()) {
      throw new ConflictError("Hours are recorded once the activity has begun.", "activityId");
    }
    const refused = () =>
      new ConflictError(`Hours of student ${student.studentNo} at this activity are recorded already.`, "studentNo");
    try {
      return await this.services.database.transaction(async (tx) => {
        const key = { activityId: activity.id, studentAccountId: student.accountId };
        if (await tx.findOneBy(VolunteerHoursEntity, key)) throw refused();
        const entry = tx.create(VolunteerHoursEntity, {
          activityId: activity.id,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          minutes: Math.round(fields.hours * 60),
          note,
          recordedByAccountId: actor.accountId,
          recordedAt: now,
        });
        await tx.insert(VolunteerHoursEntity, entry);
        return entry;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_league_volunteer_hours", "league_volunteer_hours.activityId")) throw refused();
      throw error;
    }
  }

  async totalMinutes(studentAccountId: string): Promise<number> {
    const row = await this.services.database.manager
      .createQueryBuilder(VolunteerHoursEntity, "h")
      .select("COALESCE(SUM(h.minutes), 0)", "total")
      .where("h.studentAccountId = :id", { id: studentAccountId })
      .getRawOne<{ total: string | number }>();
    // MySQL returns SUM as a DECIMAL string.
    return Number(row?.total ?? 0);
  }

  async entries(studentAccountId: string, first?: number, after?: string): Promise<Page<VolunteerHoursEntity>> {
    const query = this.services.database.manager
      .createQueryBuilder(VolunteerHoursEntity, "h")
      .where("h.studentAccountId = :id", { id: studentAccountId });
    return pageByTime(query, "recordedAt", "DESC", first, after);
  }
}

export const volunteerHoursService = perHall((services) => new VolunteerHoursService(services));
