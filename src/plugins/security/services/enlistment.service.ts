import { DateTime } from "luxon";
import { In, MoreThan, type EntityManager } from "typeorm";
import {
  type Actor,
  assertLocalDate,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  OutsideServiceHoursError,
} from "../../../core";
import {
  EnlistmentRegistrationEntity,
  type EnlistmentKind,
} from "../entities/enlistment-registration.entity";
import { EnlistmentSeasonEntity } from "../entities/enlistment-season.entity";
import { csvLine } from "./csv";
import { assertSecurityStaff } from "./security-staff";

const REGISTRATION_KEYS = [
  "uq_security_registration_student",
  "security_enlistment_registration.seasonId",
];

/** A season runs for at most a year; longer is surely a typo in a date. */
const MAX_SEASON_DAYS = 366;
/** Rows read per query while writing the CSV, so a large season is not held in one result. */
const EXPORT_BATCH = 500;

export const CSV_COLUMNS = [
  "season",
  "student_no",
  "name",
  "kind",
  "age_at_registration",
  "health_declared",
  "registered_at",
];

export interface SeasonValues {
  name: string;
  opensOn: string;
  closesOn: string;
  minAge: number;
  maxAge: number;
}

/** A change to a season: absent or null fields stay as they are. */
export type SeasonFields = { [K in keyof SeasonValues]?: SeasonValues[K] | null };

export interface RegistrationForm {
  kind: EnlistmentKind;
  birthDate: string;
  healthDeclaration: boolean;
}

/**
 * Registration seasons and the registrations in them. Seasons never overlap, so "the season
 * open today" is one row or none; a student has one registration per season, held by a
 * unique key whatever the concurrency.
 */
export class EnlistmentService {
  constructor(private readonly services: HallServices) {}

  async createSeason(actor: Actor, fields: SeasonValues): Promise<EnlistmentSeasonEntity> {
    assertSecurityStaff(actor);
    const season = checkSeason(fields, {});
    return this.services.database.transaction(async (tx) => {
      await this.assertNoOverlap(tx, season, null);
      const created = tx.create(EnlistmentSeasonEntity, season);
      await tx.save(created);
      const dates = { opensOn: created.opensOn, closesOn: created.closesOn };
      await this.audit(tx, actor, "security.createSeason", created.id, dates);
      return created;
    });
  }

  async updateSeason(actor: Actor, id: string, fields: SeasonFields): Promise<EnlistmentSeasonEntity> {
    assertSecurityStaff(actor);
    return this.services.database.transaction(async (tx) => {
      const query = tx.createQueryBuilder(EnlistmentSeasonEntity, "s").where("s.id = :id", { id });
      if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
      const season = await query.getOne();
      if (!season) throw new NotFoundError("Enlistment season");
      Object.assign(season, checkSeason(season, fields));
      await this.assertNoOverlap(tx, season, season.id);
      await tx.save(season);
      const dates = { opensOn: season.opensOn, closesOn: season.closesOn };
      await this.audit(tx, actor, "security.updateSeason", season.id, dates);
      return season;
    });
  }

  async season(id: string): Promise<EnlistmentSeasonEntity> {
    const season = await this.services.database.manager.findOneBy(EnlistmentSeasonEntity, { id });
    if (!season) throw new NotFoundError("Enlistment season");
    return season;
  }

  async seasonsByIds(ids: readonly string[]): Promise<Map<string, EnlistmentSeasonEntity>> {
    const seasons = await this.services.database.manager.findBy(EnlistmentSeasonEntity, {
      id: In([...ids]),
    });
    return new Map(seasons.map((season) => [season.id, season]));
  }

  /** The season open on the hall's today, or null. */
  async openSeason(): Promise<EnlistmentSeasonEntity | null> {
    const today = this.today();
    return this.services.database.manager
      .createQueryBuilder(EnlistmentSeasonEntity, "s")
      .where("s.opensOn <= :today AND s.closesOn >= :today", { today })
      .orderBy("s.opensOn", "DESC")
      .getOne();
  }

  isOpen(season: EnlistmentSeasonEntity): boolean {
    const today = this.today();
    return season.opensOn <= today && today <= season.closesOn;
  }

  // TODO: a student cannot withdraw a registration, and the window cannot register a walk-in
  // on their behalf: the API has neither yet. Matters once a student registers by mistake.
  /**
   * A student registers in the season open today. Refused outside a season
   * (OUTSIDE_SERVICE_HOURS, with the next opening when one is set), for an age outside the
   * season's range or without the health declaration (CONFLICT naming the field), and a second
   * time in one season (CONFLICT).
   */
  async register(actor: Actor, form: RegistrationForm): Promise<EnlistmentRegistrationEntity> {
    const today = this.today();
    assertLocalDate(form.birthDate, "birthDate");
    if (form.birthDate >= today) {
      throw new BadInputError("birthDate", "birthDate must be a day before today.");
    }
    if (!actor.studentNo) {
      throw new BadInputError("studentNo", "Your account has no student number; ask the hall to add it.");
    }
    const season = await this.seasonForRegistration(today);

    const age = wholeYears(form.birthDate, today);
    if (age < season.minAge || age > season.maxAge) {
      throw new ConflictError(
        `Registration in ${season.name} is for students aged ${season.minAge} to ${season.maxAge} ` +
          `on the day they register; by the birth date given you are ${age}.`,
        "birthDate",
      );
    }
    if (form.healthDeclaration !== true) {
      throw new ConflictError(
        "Registration needs the health declaration. A student with a health condition may ask " +
          "at the Security Office's window whether it bars service.",
        "healthDeclaration",
      );
    }

    try {
      return await this.services.database.transaction(async (tx) => {
        const earlier = await tx.findOneBy(EnlistmentRegistrationEntity, {
          seasonId: season.id,
          studentAccountId: actor.accountId,
        });
        if (earlier) throw alreadyRegistered(season);
        const registration = tx.create(EnlistmentRegistrationEntity, {
          seasonId: season.id,
          kind: form.kind,
          studentAccountId: actor.accountId,
          studentNo: actor.studentNo!,
          studentName: actor.name,
          birthDate: form.birthDate,
          ageAtRegistration: age,
          healthDeclared: true,
          registeredAt: this.services.clock.now(),
        });
        await tx.insert(EnlistmentRegistrationEntity, registration);
        // The season and kind only: the birth date and the name stay out of the audit trail.
        const details = { seasonId: season.id, kind: form.kind };
        await this.audit(tx, actor, "security.register", registration.id, details);
        return registration;
      });
    } catch (error) {
      if (isUniqueViolation(error, ...REGISTRATION_KEYS)) throw alreadyRegistered(season);
      throw error;
    }
  }

  /**
   * The season's registrations as CSV, by student number, for Security Office staff: what the
   * office needs to call students up, without the birth date. The export is written to the
   * audit trail (who, which season, how many rows), never its content to any log.
   */
  async exportCsv(actor: Actor, seasonId: string, kind: EnlistmentKind | null): Promise<string> {
    assertSecurityStaff(actor);
    const season = await this.season(seasonId);
    const zone = this.services.calendar.calendar.timeZone;
    let csv = csvLine(CSV_COLUMNS);
    let rows = 0;
    let after: { studentNo: string; id: string } | null = null;
    // Bounded by the season's rows: each pass reads the next batch after the last one read.
    for (;;) {
      const query = this.services.database.manager
        .createQueryBuilder(EnlistmentRegistrationEntity, "r")
        .where("r.seasonId = :season", { season: season.id });
      if (kind) query.andWhere("r.kind = :kind", { kind });
      if (after) {
        query.andWhere("(r.studentNo > :no OR (r.studentNo = :no AND r.id > :id))", {
          no: after.studentNo,
          id: after.id,
        });
      }
      const batch = await query
        .orderBy("r.studentNo", "ASC")
        .addOrderBy("r.id", "ASC")
        .take(EXPORT_BATCH)
        .getMany();
      for (const r of batch) {
        csv += csvLine([
          season.name,
          r.studentNo,
          r.studentName,
          r.kind,
          r.ageAtRegistration,
          r.healthDeclared ? "yes" : "no",
          DateTime.fromJSDate(r.registeredAt, { zone }).toISO({ suppressMilliseconds: true }),
        ]);
      }
      rows += batch.length;
      if (batch.length < EXPORT_BATCH) break;
      after = { studentNo: batch[batch.length - 1].studentNo, id: batch[batch.length - 1].id };
    }
    await this.services.database.transaction((tx) =>
      this.audit(tx, actor, "security.exportRegistrations", season.id, { kind, rows }),
    );
    return csv;
  }

  today(): string {
    return this.services.calendar.calendar.localDate(this.services.clock.now());
  }

  private async seasonForRegistration(today: string): Promise<EnlistmentSeasonEntity> {
    const open = await this.openSeason();
    if (open) return open;
    const next = await this.services.database.manager.findOne(EnlistmentSeasonEntity, {
      where: { opensOn: MoreThan(today) },
      order: { opensOn: "ASC" },
    });
    if (!next) {
      throw new OutsideServiceHoursError(
        `Enlistment registration is closed on ${today}, and no season is set yet; ` +
          "the Security Office announces the next.",
        null,
      );
    }
    const zone = this.services.calendar.calendar.timeZone;
    const opensAt = DateTime.fromISO(next.opensOn, { zone }).toJSDate();
    throw new OutsideServiceHoursError(
      `Enlistment registration is closed on ${today}; ${next.name} opens on ${next.opensOn} ` +
        `and closes on ${next.closesOn}.`,
      opensAt,
    );
  }

  /**
   * Refuses a season whose days touch another's. The locking read also takes InnoDB's gap
   * locks, so of two overlapping seasons created at once one deadlocks, is retried, and then
   * sees the other.
   */
  private async assertNoOverlap(
    tx: EntityManager,
    season: { opensOn: string; closesOn: string },
    exceptId: string | null,
  ) {
    const query = tx
      .createQueryBuilder(EnlistmentSeasonEntity, "s")
      .where("s.opensOn <= :closes AND s.closesOn >= :opens", {
        opens: season.opensOn,
        closes: season.closesOn,
      });
    if (exceptId) query.andWhere("s.id <> :id", { id: exceptId });
    if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
    const clash = await query.getOne();
    if (clash) {
      throw new ConflictError(
        `The season overlaps ${clash.name} (${clash.opensOn} to ${clash.closesOn}); ` +
          "seasons may not overlap.",
        "opensOn",
      );
    }
  }

  private audit(
    tx: EntityManager,
    actor: Actor,
    action: string,
    subjectId: string,
    details: Record<string, unknown>,
  ) {
    return this.services.audit.record(tx, {
      actorId: actor.accountId,
      action,
      subjectType: "Enlistment",
      subjectId,
      details,
    });
  }
}

/** A season's values after a change, checked as a whole: the dates and ages depend on each other. */
function checkSeason(current: SeasonValues, changes: SeasonFields): SeasonValues {
  const merged: SeasonValues = {
    name: (changes.name ?? current.name).trim(),
    opensOn: changes.opensOn ?? current.opensOn,
    closesOn: changes.closesOn ?? current.closesOn,
    minAge: changes.minAge ?? current.minAge,
    maxAge: changes.maxAge ?? current.maxAge,
  };
  if (!merged.name) throw new BadInputError("name", "name must not be blank.");
  assertLocalDate(merged.opensOn, "opensOn");
  assertLocalDate(merged.closesOn, "closesOn");
  if (merged.closesOn < merged.opensOn) {
    throw new BadInputError("closesOn", "closesOn must not be before opensOn.");
  }
  const days = DateTime.fromISO(merged.closesOn).diff(DateTime.fromISO(merged.opensOn), "days").days;
  if (days >= MAX_SEASON_DAYS) throw new BadInputError("closesOn", "A season lasts at most a year.");
  if (merged.maxAge < merged.minAge) {
    throw new BadInputError("maxAge", "maxAge must not be below minAge.");
  }
  return merged;
}

/** Whole years from a birth date to a day; someone born on 29 February turns a year older on 1 March. */
export function wholeYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function alreadyRegistered(season: EnlistmentSeasonEntity): ConflictError {
  return new ConflictError(
    `You are already registered in ${season.name}; a student registers once a season.`,
  );
}
