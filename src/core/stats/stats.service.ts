import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from "typeorm";
import { FollowUpEntity } from "../accountability/follow-up.entity";
import { ComplaintEntity } from "../accountability/complaint.entity";
import { RatingEntity } from "../accountability/rating.entity";
import { CaseEntity } from "../cases/case.entity";
import type { Clock } from "../common/clock";
import type { HallDatabase } from "../database/hall-database";
import { sqlTime } from "../database/time";
import { TicketEntity } from "../queue/ticket.entity";
import { emptyTally, type Tally, type TicketTimes } from "./tally";

/** Whose figures: one department, one badge (within a department for staff), or the hall. */
export interface StatsScope {
  departments: string[];
  badgeNo?: string | null;
}

export interface Period {
  from: Date;
  to: Date;
}

/** The badge column of each table: who served, who first received, who was rated or complained of. */
const BADGE = {
  ticket: "badgeNo",
  case: "firstResponderBadgeNo",
  rating: "badgeNo",
  complaint: "badgeNo",
  followUp: "badgeNo",
};

/**
 * Dashboard figures in six SQL queries whatever the number of rows: counts are GROUP BY in
 * SQL, and only the wait and service times of called tickets come back as rows (four instants
 * each), because a median cannot be computed in SQL alike on SQLite and MySQL. Every query
 * groups by department, so the hall's figures and each department's come from the same rows.
 *
 * TODO: a year of the whole hall brings back every called ticket of the year (some 100,000
 * rows) for the medians; a daily summary table, filled by the sweeper, would keep that small
 * once dashboards ask for long periods often.
 */
export class StatsService {
  constructor(
    private readonly database: HallDatabase,
    private readonly clock: Clock,
  ) {}

  async tally(scope: StatsScope, period: Period): Promise<Map<string, Tally>> {
    const tallies = new Map<string, Tally>(scope.departments.map((code) => [code, emptyTally()]));
    if (scope.departments.length === 0) return tallies;
    const manager = this.database.manager;
    const [tickets, times, cases, ratings, complaints, followUps] = await Promise.all([
      this.ticketCounts(manager, scope, period),
      this.ticketTimes(manager, scope, period),
      this.caseCounts(manager, scope, period),
      this.grouped(manager, RatingEntity, "r", "level", "ratedAt", BADGE.rating, scope, period),
      this.grouped(manager, ComplaintEntity, "c", "status", "filedAt", BADGE.complaint, scope, period),
      this.followUpCounts(manager, scope, period),
    ]);
    const at = (code: string) => tallies.get(code);
    for (const row of tickets) at(row.d)?.tickets.set(row.k, Number(row.n));
    for (const row of times) at(row.departmentCode)?.times.push(timesOf(row));
    for (const row of cases) if (at(row.d)) Object.assign(at(row.d)!.cases, numbers(row));
    for (const row of ratings) at(row.d)?.ratings.set(row.k, Number(row.n));
    for (const row of complaints) at(row.d)?.complaints.set(row.k, Number(row.n));
    for (const row of followUps) if (at(row.d)) Object.assign(at(row.d)!.followUps, numbers(row));
    return tallies;
  }

  private ticketCounts(manager: EntityManager, scope: StatsScope, period: Period) {
    return this.grouped(manager, TicketEntity, "t", "status", "takenAt", BADGE.ticket, scope, period);
  }

  private ticketTimes(manager: EntityManager, scope: StatsScope, period: Period): Promise<TicketEntity[]> {
    const query = manager
      .createQueryBuilder(TicketEntity, "t")
      .select(["t.departmentCode", "t.status", "t.takenAt", "t.calledAt", "t.servingAt", "t.finishedAt"])
      .andWhere("t.calledAt IS NOT NULL");
    return within(query, "t", "takenAt", BADGE.ticket, scope, period).getMany();
  }

  /** Opened, closed, closed by the due time, and overdue: cases due in the period and late. */
  private caseCounts(manager: EntityManager, scope: StatsScope, period: Period) {
    const now = this.clock.now();
    const until = period.to.getTime() < now.getTime() ? period.to : now;
    const inPeriod = (column: string) => `(c.${column} >= :from AND c.${column} < :to)`;
    const late = "(c.closedAt IS NULL OR c.closedAt > c.dueAt)";
    const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    const query = manager
      .createQueryBuilder(CaseEntity, "c")
      .select("c.departmentCode", "d")
      .addSelect(count(inPeriod("createdAt")), "opened")
      .addSelect(count(inPeriod("closedAt")), "closed")
      .addSelect(count(`${inPeriod("closedAt")} AND c.dueAt IS NOT NULL`), "closedWithDue")
      .addSelect(count(`${inPeriod("closedAt")} AND c.closedAt <= c.dueAt`), "closedOnTime")
      .addSelect(count(`c.dueAt >= :from AND c.dueAt < :until AND ${late}`), "overdue")
      .where(`(${inPeriod("createdAt")} OR ${inPeriod("closedAt")} OR ${inPeriod("dueAt")})`)
      .setParameters({ from: sqlTime(period.from), to: sqlTime(period.to), until: sqlTime(until) })
      .groupBy("c.departmentCode");
    scoped(query, "c", BADGE.case, scope);
    return query.getRawMany<Record<"d" | "opened" | "closed" | "closedWithDue" | "closedOnTime" | "overdue", string>>();
  }

  /** Opened in the period: how many, done, done by the due time, and open past it now. */
  private followUpCounts(manager: EntityManager, scope: StatsScope, period: Period) {
    const query = manager
      .createQueryBuilder(FollowUpEntity, "f")
      .select("f.departmentCode", "d")
      .addSelect("COUNT(*)", "opened")
      .addSelect("SUM(CASE WHEN f.doneAt IS NOT NULL THEN 1 ELSE 0 END)", "done")
      .addSelect("SUM(CASE WHEN f.doneAt IS NOT NULL AND f.doneAt <= f.dueAt THEN 1 ELSE 0 END)", "doneOnTime")
      .addSelect("SUM(CASE WHEN f.doneAt IS NULL AND f.dueAt < :now THEN 1 ELSE 0 END)", "overdue")
      .setParameter("now", sqlTime(this.clock.now()))
      .groupBy("f.departmentCode");
    return within(query, "f", "openedAt", BADGE.followUp, scope, period).getRawMany<
      Record<"d" | "opened" | "done" | "doneOnTime" | "overdue", string>
    >();
  }

  /** COUNT(*) per department and one column's value. */
  private grouped<T extends ObjectLiteral>(
    manager: EntityManager,
    entity: { new (): T },
    alias: string,
    column: string,
    timeColumn: string,
    badgeColumn: string,
    scope: StatsScope,
    period: Period,
  ): Promise<Array<{ d: string; k: string; n: unknown }>> {
    const query = manager
      .createQueryBuilder(entity, alias)
      .select(`${alias}.departmentCode`, "d")
      .addSelect(`${alias}.${column}`, "k")
      .addSelect("COUNT(*)", "n")
      .groupBy(`${alias}.departmentCode`)
      .addGroupBy(`${alias}.${column}`);
    return within(query, alias, timeColumn, badgeColumn, scope, period).getRawMany();
  }
}

function within<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  timeColumn: string,
  badgeColumn: string,
  scope: StatsScope,
  period: Period,
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.${timeColumn} >= :from AND ${alias}.${timeColumn} < :to`, {
    from: sqlTime(period.from),
    to: sqlTime(period.to),
  });
  return scoped(query, alias, badgeColumn, scope);
}

function scoped<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  badgeColumn: string,
  scope: StatsScope,
): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.departmentCode IN (:...departments)`, { departments: scope.departments });
  if (scope.badgeNo) query.andWhere(`${alias}.${badgeColumn} = :badgeNo`, { badgeNo: scope.badgeNo });
  return query;
}

function timesOf(ticket: TicketEntity): TicketTimes {
  const seconds = (from: Date | null, to: Date | null) =>
    from && to ? (to.getTime() - from.getTime()) / 1000 : null;
  return {
    waitSeconds: seconds(ticket.takenAt, ticket.calledAt),
    serviceSeconds: ticket.status === "COMPLETED" ? seconds(ticket.servingAt, ticket.finishedAt) : null,
  };
}

/** MySQL returns SUM as a decimal string and SQLite as a number; both become numbers. */
function numbers(row: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(row)) if (key !== "d") out[key] = Number(value ?? 0);
  return out;
}
