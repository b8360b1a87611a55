import { type EntityManager, In } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  decodeCursor,
  ForbiddenError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  type Page,
  pageSize,
  Role,
  sqlTime,
  toPage,
} from "../../../core";
import { ActivitySignUpEntity, type SignUpStatus } from "../entities/activity-sign-up.entity";
import { LeagueActivityEntity } from "../entities/league-activity.entity";
import { assertAtLeagueDesk, assertLeagueStaff, perHall, studentByNo, text } from "./league-access";
import { pageByTime } from "./paging";

export interface PublishActivityFields {
  title: string;
  description?: string | null;
  place: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

const MAX_CAPACITY = 5000;
const MAX_LENGTH_MS = 7 * 24 * 3600_000;
/** Check-in opens this long before the start, for people who come early. */
const CHECK_IN_EARLY_MS = 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Activities, sign-ups and the waiting list. Every sign-up and cancellation of an activity
 * locks its row first (MySQL; SQLite serialises writes), so the place count, the waiting
 * list and the move-up on a cancellation are decided one at a time and in one transaction.
 */
export class ActivityService {
  constructor(private readonly services: HallServices) {}

  // TODO: a published activity cannot be edited or called off yet; a change of capacity would
  // also have to move the waiting list up (or down) in the same transaction.
  async publish(actor: Actor, fields: PublishActivityFields): Promise<LeagueActivityEntity> {
    assertLeagueStaff(actor);
    const title = text(fields.title, "title", 100)!;
    const place = text(fields.place, "place", 100)!;
    const description = text(fields.description, "description", 2000, false);
    if (!Number.isInteger(fields.capacity) || fields.capacity < 1 || fields.capacity > MAX_CAPACITY) {
      throw new BadInputError("capacity", `The capacity is 1 to ${MAX_CAPACITY} places.`);
    }
    if (fields.startsAt.getTime() <= this.services.clock.now().getTime()) {
      throw new BadInputError("startsAt", "An activity is published before it starts.");
    }
    const length = fields.endsAt.getTime() - fields.startsAt.getTime();
    if (length <= 0 || length > MAX_LENGTH_MS) {
      throw new BadInputError("endsAt", "An activity ends after it starts, within seven days.");
    }
    return this.services.database.transaction(async (tx) => {
      const activity = tx.create(LeagueActivityEntity, {
        title,
        place,
        description,
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        capacity: fields.capacity,
        confirmed: 0,
        waiting: 0,
        lastSeq: 0,
        publishedByAccountId: actor.accountId,
      });
      return tx.save(activity);
    });
  }

  /**
   * A student signs up (or the League's window signs one up): a place while places are
   * left, else the end of the waiting list. One standing sign-up per student and activity.
   */
  async signUp(actor: Actor, activityId: string, studentNo: string | null): Promise<ActivitySignUpEntity> {
    const student = await this.studentFor(actor, studentNo);
    const refused = () => new ConflictError("This student is signed up for the activity already.");
    try {
      return await this.services.database.transaction(async (tx) => {
        const activity = await this.lockActivity(tx, activityId);
        const now = this.services.clock.now();
        if (now.getTime() >= activity.startsAt.getTime()) {
          throw new ConflictError("Sign-ups close when the activity starts.");
        }
        const activeKey = `${activity.id}:${student.accountId}`;
        if (await tx.findOneBy(ActivitySignUpEntity, { activeKey })) throw refused();

        // The conditional UPDATE is what keeps places within capacity, lock or no lock.
        const placed = await tx
          .createQueryBuilder()
          .update(LeagueActivityEntity)
          .set({ confirmed: () => "confirmed + 1", lastSeq: () => "lastSeq + 1" })
          .where("id = :id AND confirmed < capacity", { id: activity.id })
          .execute();
        if (!placed.affected) {
          await tx
            .createQueryBuilder()
            .update(LeagueActivityEntity)
            .set({ waiting: () => "waiting + 1", lastSeq: () => "lastSeq + 1" })
            .where("id = :id", { id: activity.id })
            .execute();
        }
        const { lastSeq } = await tx.findOneByOrFail(LeagueActivityEntity, { id: activity.id });
        const signUp = tx.create(ActivitySignUpEntity, {
          activityId: activity.id,
          seq: lastSeq,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          studentName: student.name,
          status: placed.affected ? "CONFIRMED" : "WAITING",
          activeKey,
          promoted: false,
          signedUpAt: now,
          confirmedAt: placed.affected ? now : null,
          cancelledAt: null,
          checkedInAt: null,
          checkedInByAccountId: null,
        });
        await tx.insert(ActivitySignUpEntity, signUp);
        return signUp;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_league_sign_up_active", "league_activity_sign_up.activeKey")) throw refused();
      throw error;
    }
  }

  /**
   * Gives up a place or a place on the waiting list, before the start. A place given up goes,
   * in the same transaction, to the first student waiting.
   */
  async cancel(actor: Actor, signUpId: string): Promise<ActivitySignUpEntity> {
    const found = await this.visibleSignUp(actor, signUpId);
    if (actor.role !== Role.STUDENT) await assertAtLeagueDesk(this.services, actor);

    return this.services.database.transaction(async (tx) => {
      // The activity first, as sign-ups lock it first: one order, no deadlock.
      const activity = await this.lockActivity(tx, found.activityId);
      const signUp = await this.lockSignUp(tx, found.id);
      if (signUp.status === "CANCELLED") throw new ConflictError("This sign-up is cancelled already.");
      const now = this.services.clock.now();
      if (now.getTime() >= activity.startsAt.getTime()) {
        throw new ConflictError("The activity has started; a sign-up can no longer be cancelled.");
      }
      const was = signUp.status;
      Object.assign(signUp, { status: "CANCELLED", activeKey: null, cancelledAt: now });
      await tx.save(signUp);

      // TODO: the student who moves up is not told; they see it in myActivitySignUps only. A
      // subscription (or a hall notice) is needed before waiting lists get long.
      const next = was === "CONFIRMED" ? await this.firstWaiting(tx, activity.id) : null;
      if (next) {
        Object.assign(next, { status: "CONFIRMED", confirmedAt: now, promoted: true });
        await tx.save(next);
      }
      // A waiting student leaving, or one moving up, shortens the list; a place nobody takes frees up.
      const counters =
        was === "WAITING" || next ? { waiting: () => "waiting - 1" } : { confirmed: () => "confirmed - 1" };
      await tx
        .createQueryBuilder()
        .update(LeagueActivityEntity)
        .set(counters)
        .where("id = :id", { id: activity.id })
        .execute();
      return signUp;
    });
  }

  /** League staff check a student in at the activity, from an hour before the start to its end. */
  async checkIn(actor: Actor, activityId: string, studentNo: string): Promise<ActivitySignUpEntity> {
    assertLeagueStaff(actor);
    const student = await studentByNo(this.services, studentNo);
    const activity = await this.get(activityId);
    const now = this.services.clock.now().getTime();
    if (now < activity.startsAt.getTime() - CHECK_IN_EARLY_MS || now > activity.endsAt.getTime()) {
      throw new ConflictError("Check-in is open from an hour before the activity until it ends.");
    }
    return this.services.database.transaction(async (tx) => {
      const signUp = await tx.findOneBy(ActivitySignUpEntity, { activeKey: `${activity.id}:${student.accountId}` });
      if (!signUp) throw new NotFoundError(`A sign-up of student ${studentNo} for this activity`);
      if (signUp.status === "WAITING") {
        throw new ConflictError("The student is on the waiting list and has no place.");
      }
      const checked = await tx
        .createQueryBuilder()
        .update(ActivitySignUpEntity)
        .set({ checkedInAt: this.services.clock.now(), checkedInByAccountId: actor.accountId })
        .where("id = :id AND status = 'CONFIRMED' AND checkedInAt IS NULL", { id: signUp.id })
        .execute();
      if (!checked.affected) throw new ConflictError("The student is checked in already.");
      return tx.findOneByOrFail(ActivitySignUpEntity, { id: signUp.id });
    });
  }

  async get(id: string): Promise<LeagueActivityEntity> {
    const manager = this.services.database.manager;
    const activity = UUID.test(id) ? await manager.findOneBy(LeagueActivityEntity, { id }) : null;
    if (!activity) throw new NotFoundError("Activity");
    return activity;
  }

  /** Activities not yet over (or all), by start time. */
  async list(includePast: boolean, first?: number, after?: string): Promise<Page<LeagueActivityEntity>> {
    const query = this.services.database.manager.createQueryBuilder(LeagueActivityEntity, "a");
    if (!includePast) query.where("a.endsAt > :now", { now: sqlTime(this.services.clock.now()) });
    return pageByTime(query, "startsAt", "ASC", first, after);
  }

  /** The signed-in student's sign-ups, newest first. */
  async mine(actor: Actor, first?: number, after?: string): Promise<Page<ActivitySignUpEntity>> {
    const query = this.services.database.manager
      .createQueryBuilder(ActivitySignUpEntity, "s")
      .where("s.studentAccountId = :me", { me: actor.accountId });
    return pageByTime(query, "signedUpAt", "DESC", first, after);
  }

  /** An activity's sign-ups in the order they came, for League staff. */
  async ofActivity(
    actor: Actor,
    activityId: string,
    status: SignUpStatus | null,
    first?: number,
    after?: string,
  ): Promise<Page<ActivitySignUpEntity>> {
    assertLeagueStaff(actor, true);
    const activity = await this.get(activityId);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.services.database.manager
      .createQueryBuilder(ActivitySignUpEntity, "s")
      .where("s.activityId = :id", { id: activity.id });
    if (status) query.andWhere("s.status = :status", { status });
    if (cursor) {
      if (!/^\d{1,9}$/.test(cursor.key)) throw new BadInputError("after", "The cursor is not one this server gave out.");
      query.andWhere("s.seq > :seq", { seq: Number(cursor.key) });
    }
    const rows = await query.orderBy("s.seq", "ASC").take(size + 1).getMany();
    return toPage(rows, size, (s) => ({ key: String(s.seq), id: s.id }));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, LeagueActivityEntity>> {
    const rows = await this.services.database.manager.findBy(LeagueActivityEntity, { id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The caller's standing sign-ups for many activities, in one query. */
  async standingFor(
    studentAccountId: string,
    activityIds: readonly string[],
  ): Promise<Map<string, ActivitySignUpEntity>> {
    const keys = activityIds.map((id) => `${id}:${studentAccountId}`);
    const rows = await this.services.database.manager.findBy(ActivitySignUpEntity, { activeKey: In(keys) });
    return new Map(rows.map((row) => [row.activityId, row]));
  }

  /** Places on the waiting list (1 = next to move up) of many sign-ups, in one query. */
  async waitingPositions(signUps: readonly ActivitySignUpEntity[]): Promise<Map<string, number | null>> {
    const result = new Map<string, number | null>(signUps.map((s) => [s.id, null]));
    const waiting = signUps.filter((s) => s.status === "WAITING");
    if (waiting.length === 0) return result;
    const rows: Array<Pick<ActivitySignUpEntity, "activityId" | "seq">> = await this.services.database.manager.find(
      ActivitySignUpEntity,
      {
        select: { activityId: true, seq: true },
        where: { status: "WAITING", activityId: In([...new Set(waiting.map((s) => s.activityId))]) },
      },
    );
    for (const signUp of waiting) {
      const ahead = rows.filter((r) => r.activityId === signUp.activityId && r.seq < signUp.seq).length;
      result.set(signUp.id, ahead + 1);
    }
    return result;
  }

  /** A sign-up the caller may act on: a student's own, or any for League staff and desk. */
  private async visibleSignUp(actor: Actor, id: string): Promise<ActivitySignUpEntity> {
    const manager = this.services.database.manager;
    const signUp = UUID.test(id) ? await manager.findOneBy(ActivitySignUpEntity, { id }) : null;
    const theirs = signUp && actor.role === Role.STUDENT && signUp.studentAccountId !== actor.accountId;
    if (!signUp || theirs) throw new NotFoundError("Sign-up");
    return signUp;
  }

  private async studentFor(actor: Actor, studentNo: string | null) {
    if (actor.role === Role.STUDENT) {
      if (studentNo && studentNo !== actor.studentNo) {
        throw new ForbiddenError("A student signs up for themselves only.");
      }
      if (!actor.studentNo) throw new ForbiddenError("This account has no student number.");
      return { accountId: actor.accountId, studentNo: actor.studentNo, name: actor.name };
    }
    await assertAtLeagueDesk(this.services, actor);
    return studentByNo(this.services, studentNo);
  }

  private async lockActivity(tx: EntityManager, id: string): Promise<LeagueActivityEntity> {
    if (!UUID.test(id)) throw new NotFoundError("Activity");
    const query = tx.createQueryBuilder(LeagueActivityEntity, "a").where("a.id = :id", { id });
    if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
    const activity = await query.getOne();
    if (!activity) throw new NotFoundError("Activity");
    return activity;
  }

  private async lockSignUp(tx: EntityManager, id: string): Promise<ActivitySignUpEntity> {
    const query = tx.createQueryBuilder(ActivitySignUpEntity, "s").where("s.id = :id", { id });
    if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
    return query.getOneOrFail();
  }

  /** The student longest on the waiting list; a locking read, so it sees every committed sign-up. */
  private async firstWaiting(tx: EntityManager, activityId: string): Promise<ActivitySignUpEntity | null> {
    const query = tx
      .createQueryBuilder(ActivitySignUpEntity, "s")
      .where("s.activityId = :id AND s.status = 'WAITING'", { id: activityId })
      .orderBy("s.seq", "ASC")
      .limit(1);
    if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
    return query.getOne();
  }
}

export const activityService = perHall((services) => new ActivityService(services));
