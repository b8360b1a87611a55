import type { EntityManager, ObjectLiteral } from "typeorm";
import type { Clock } from "../common/clock";
import type { HallDatabase } from "../database/hall-database";
import { sqlTime } from "../database/time";
import type { Logger } from "../logger";
import { ComplaintEntity } from "./complaint.entity";
import { target } from "./complaint.service";
import { type FeedEventKind, toFeed } from "./feed-topics";
import { FollowUpEntity } from "./follow-up.entity";

/** One kind of deadline: which rows have missed it, and the column that marks it told. */
interface Deadline<T extends ObjectLiteral> {
  entity: { new (): T };
  kind: FeedEventKind;
  /** SQL over alias "r": rows past due (:now) and not done. */
  missed: string;
  marker: keyof T & string;
  /** Complaints also move their lastChangedAt, so a supervisor's catch-up shows the miss. */
  touches: boolean;
  summary(row: T): string;
  facts(row: T): Parameters<typeof toFeed>[4];
}

const complaintFacts = (c: ComplaintEntity) => ({
  department: c.departmentCode,
  badgeNo: c.badgeNo,
  complaintId: c.id,
  complaintStatus: c.status,
});

const DEADLINES: Array<Deadline<any>> = [
  {
    entity: ComplaintEntity,
    kind: "ACKNOWLEDGEMENT_MISSED",
    missed: "r.status = 'FILED' AND r.acknowledgeDueAt < :now",
    marker: "acknowledgeMissedAt",
    touches: true,
    summary: (c: ComplaintEntity) => `The complaint against ${target(c)} was not acknowledged in time.`,
    facts: complaintFacts,
  } satisfies Deadline<ComplaintEntity>,
  {
    entity: ComplaintEntity,
    kind: "CONCLUSION_MISSED",
    missed: "r.status IN ('FILED', 'ACKNOWLEDGED', 'INVESTIGATING') AND r.concludeDueAt < :now",
    marker: "concludeMissedAt",
    touches: true,
    summary: (c: ComplaintEntity) => `The complaint against ${target(c)} was not concluded in time.`,
    facts: complaintFacts,
  } satisfies Deadline<ComplaintEntity>,
  {
    entity: ComplaintEntity,
    kind: "APPEAL_DECISION_MISSED",
    missed: "r.appealStatus = 'PENDING' AND r.appealDueAt < :now",
    marker: "appealMissedAt",
    touches: true,
    summary: (c: ComplaintEntity) => `The appeal on ${target(c)} was not decided in time.`,
    facts: complaintFacts,
  } satisfies Deadline<ComplaintEntity>,
  {
    entity: FollowUpEntity,
    kind: "FOLLOW_UP_MISSED",
    missed: "r.doneAt IS NULL AND r.dueAt < :now",
    marker: "missedAlertedAt",
    touches: false,
    summary: (f: FollowUpEntity) => `A follow-up of ${f.departmentCode} is past its due time.`,
    facts: (f: FollowUpEntity) => ({
      department: f.departmentCode,
      badgeNo: f.badgeNo,
      followUpId: f.id,
      ratingId: f.ratingId,
    }),
  } satisfies Deadline<FollowUpEntity>,
];

/** At most this many of one kind per sweep; the next sweep takes the rest. */
const BATCH = 200;

/**
 * Looks at the clock for missed deadlines of complaints, appeals and follow-ups, and tells
 * the feed of each once. The conditional update makes "once" hold with several processes.
 * Overdue cases are the case sweeper's; the feed merges its alerts in.
 */
export class DeadlineWatch {
  constructor(
    private readonly database: HallDatabase,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    const now = this.clock.now();
    let told = 0;
    for (const deadline of DEADLINES) told += await this.sweepOne(deadline, now);
    return told;
  }

  private async sweepOne<T extends ObjectLiteral & { id: string }>(deadline: Deadline<T>, now: Date) {
    const due: T[] = await this.database.manager
      .createQueryBuilder(deadline.entity, "r")
      .where(deadline.missed, { now: sqlTime(now) })
      .andWhere(`r.${deadline.marker} IS NULL`)
      .limit(BATCH)
      .getMany();
    let told = 0;
    for (const row of due) {
      const marked = await this.database.transaction(async (tx, outbox) => {
        if (!(await mark(tx, deadline, row.id, now))) return false;
        toFeed(outbox, deadline.kind, now, deadline.summary(row), deadline.facts(row));
        return true;
      });
      if (marked) told++;
    }
    return told;
  }
}

async function mark<T extends ObjectLiteral>(tx: EntityManager, deadline: Deadline<T>, id: string, now: Date) {
  const result = await tx
    .createQueryBuilder()
    .update(deadline.entity)
    .set({ [deadline.marker]: now, ...(deadline.touches ? { lastChangedAt: now } : {}) } as never)
    .where(`id = :id AND ${deadline.marker} IS NULL`, { id })
    .execute();
  return Boolean(result.affected);
}

/** Runs the watch every `seconds`, one sweep at a time; stop it with clearInterval. */
export function startDeadlineWatch(watch: DeadlineWatch, seconds: number, logger: Logger): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    watch
      .sweep()
      .then((told) => told > 0 && logger.info({ told }, "missed accountability deadlines told to the feed"))
      .catch((error) => logger.error({ err: error }, "accountability deadline sweep failed"))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return timer;
}
