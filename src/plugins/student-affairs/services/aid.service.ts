import { In, IsNull } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  type Page,
  type PageArgs,
  sqlTime,
} from "../../../core";
import { AidBatchEntity, type AidBatchKind } from "../entities/aid-batch.entity";
import { AidSubmissionEntity, type ReceivedMaterial } from "../entities/aid-submission.entity";
import {
  addUp,
  assertDepartmentStaff,
  assertDesk,
  assertOversees,
  missing,
  newestFirst,
  requiredText,
  studentByNo,
} from "./desk";

export const AID_KINDS: AidBatchKind[] = ["SCHOLARSHIP", "FINANCIAL_AID", "HARDSHIP_RECOGNITION"];
const ACADEMIC_YEAR = /^(\d{4})-(\d{4})$/;
const MAX_MATERIALS = 20;

export interface AidBatchFields {
  title: string;
  kind: AidBatchKind;
  academicYear: string;
  opensAt: Date;
  closesAt: Date;
  requiredMaterials: string[];
}

export interface AidBatchCounts {
  submissions: number;
  complete: number;
  handedOut: number;
}

/**
 * Scholarship and financial-aid paperwork (奖助): batches open for a season, the window
 * collects each student's materials inside it, hands out the awards, and counts per batch.
 */
export class AidService {
  constructor(private readonly services: HallServices) {}

  async createBatch(actor: Actor, fields: AidBatchFields): Promise<AidBatchEntity> {
    assertDepartmentStaff(actor);
    const values = checkBatch(fields);
    const { database, clock, audit } = this.services;
    return database.transaction(async (tx) => {
      const batch = tx.create(AidBatchEntity, { ...values, createdByAccountId: actor.accountId, createdAt: clock.now() });
      await tx.save(batch);
      await audit.record(tx, {
        actorId: actor.accountId,
        action: "student-affairs.createAidBatch",
        subjectType: "AidBatch",
        subjectId: batch.id,
        details: { kind: batch.kind, academicYear: batch.academicYear },
      });
      return batch;
    });
  }

  /** Moves a batch's season, e.g. to give students a few more days. */
  async setWindow(actor: Actor, batchId: string, opensAt: Date, closesAt: Date): Promise<AidBatchEntity> {
    assertDepartmentStaff(actor);
    checkWindow(opensAt, closesAt);
    const { database, audit } = this.services;
    return database.transaction(async (tx) => {
      const batch = await tx.findOneBy(AidBatchEntity, { id: batchId });
      if (!batch) throw new NotFoundError("Aid batch");
      Object.assign(batch, { opensAt, closesAt });
      await tx.save(batch);
      await audit.record(tx, {
        actorId: actor.accountId,
        action: "student-affairs.setAidBatchWindow",
        subjectType: "AidBatch",
        subjectId: batch.id,
        details: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      });
      return batch;
    });
  }

  /** Takes in materials from a student, only while the batch is open; they add up by name. */
  async collect(actor: Actor, batchId: string, studentNo: string, materials: ReceivedMaterial[]) {
    if (materials.length === 0) throw new BadInputError("materials", "Say what the student handed in.");
    for (const item of materials) {
      requiredText("materials.name", item.name, 200);
      if (!Number.isInteger(item.count) || item.count < 1 || item.count > 100) {
        throw new BadInputError("materials.count", "A count is 1 to 100.");
      }
    }
    const student = await studentByNo(this.services, studentNo);
    const { database, clock, audit } = this.services;
    try {
      return await database.transaction(async (tx) => {
        await assertDesk(tx, actor);
        const batch = await tx.findOneBy(AidBatchEntity, { id: batchId });
        if (!batch) throw new NotFoundError("Aid batch");
        const now = clock.now();
        assertOpen(batch, now);
        const unknown = materials.find((m) => !batch.requiredMaterials.includes(m.name.trim()));
        if (unknown) {
          throw new BadInputError(
            "materials",
            `"${unknown.name}" is not asked for in ${batch.title}; it asks for: ${batch.requiredMaterials.join("; ")}.`,
          );
        }
        const required = batch.requiredMaterials.map((name) => ({ name, count: 1 }));
        // Locked on MySQL so two windows adding to one student's pile do not lose each other's
        // materials; SQLite's writes are one at a time anyway.
        const existing = tx
          .createQueryBuilder(AidSubmissionEntity, "s")
          .where("s.batchId = :batchId AND s.studentAccountId = :student", { batchId, student: student.accountId });
        if (database.dialect === "mysql") existing.setLock("pessimistic_write");
        let submission = await existing.getOne();
        if (submission) {
          submission.materials = addUp(submission.materials, materials);
          Object.assign(submission, {
            lastCollectedAt: now,
            collectedByAccountId: actor.accountId,
            collectedByBadgeNo: actor.badgeNo,
          });
        } else {
          submission = tx.create(AidSubmissionEntity, {
            batchId,
            studentAccountId: student.accountId,
            studentNo: student.studentNo,
            materials: addUp([], materials),
            firstCollectedAt: now,
            lastCollectedAt: now,
            collectedByAccountId: actor.accountId,
            collectedByBadgeNo: actor.badgeNo,
            handedOutAt: null,
            handedOutByAccountId: null,
            handedOutByBadgeNo: null,
            handedOutNote: null,
          });
        }
        submission.complete = missing(required, submission.materials).length === 0;
        await tx.save(submission);
        await audit.record(tx, {
          actorId: actor.accountId,
          action: "student-affairs.collectAidMaterials",
          subjectType: "AidSubmission",
          subjectId: submission.id,
          details: { batchId, complete: submission.complete },
        });
        return submission;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_sa_aid_submission_student", "sa_aid_submission.batchId")) {
        throw new ConflictError("Another window took this student's materials just now; look again and add to them.");
      }
      throw error;
    }
  }

  /** Hands the award to a student whose materials are complete; once only. */
  async handOut(actor: Actor, batchId: string, studentNo: string, note: string): Promise<AidSubmissionEntity> {
    const what = requiredText("note", note, 200);
    const student = await studentByNo(this.services, studentNo);
    const { database, clock, audit } = this.services;
    return database.transaction(async (tx) => {
      await assertDesk(tx, actor);
      const batch = await tx.findOneBy(AidBatchEntity, { id: batchId });
      if (!batch) throw new NotFoundError("Aid batch");
      const submission = await tx.findOneBy(AidSubmissionEntity, { batchId, studentAccountId: student.accountId });
      if (!submission) {
        throw new ConflictError(`No materials were collected from ${student.studentNo} for ${batch.title}.`, "studentNo");
      }
      if (submission.handedOutAt) {
        throw new ConflictError(`It was handed out to ${student.studentNo} on ${submission.handedOutAt.toISOString()}.`);
      }
      const short = missing(batch.requiredMaterials.map((name) => ({ name, count: 1 })), submission.materials);
      if (short.length) {
        throw new ConflictError(`The materials are not complete; still missing: ${short.map((m) => m.name).join("; ")}.`);
      }
      const values = {
        handedOutAt: clock.now(),
        handedOutByAccountId: actor.accountId,
        handedOutByBadgeNo: actor.badgeNo,
        handedOutNote: what,
      };
      const done = await tx.update(AidSubmissionEntity, { id: submission.id, handedOutAt: IsNull() }, values);
      if (!done.affected) throw new ConflictError("It was handed out at another window just now.");
      Object.assign(submission, values);
      await audit.record(tx, {
        actorId: actor.accountId,
        action: "student-affairs.handOutAid",
        subjectType: "AidSubmission",
        subjectId: submission.id,
        details: { batchId },
      });
      return submission;
    });
  }

  async batch(id: string): Promise<AidBatchEntity> {
    const batch = await this.services.database.manager.findOneBy(AidBatchEntity, { id });
    if (!batch) throw new NotFoundError("Aid batch");
    return batch;
  }

  async batchesById(ids: readonly string[]): Promise<Map<string, AidBatchEntity>> {
    const rows = await this.services.database.manager.findBy(AidBatchEntity, { id: In([...ids]) });
    return new Map(rows.map((b) => [b.id, b]));
  }

  /** Batches, latest season first; with `openAt`, only those open at that moment. */
  batches(openAt: Date | null, args: PageArgs): Promise<Page<AidBatchEntity>> {
    return newestFirst(this.services.database.manager, AidBatchEntity, "opensAt", args, (q) => {
      if (openAt) q.andWhere("r.opensAt <= :at AND r.closesAt > :at", { at: sqlTime(openAt) });
    });
  }

  /** The figures of many batches in one grouped query. */
  async counts(batchIds: readonly string[]): Promise<Map<string, AidBatchCounts>> {
    const rows: Array<Record<string, unknown>> = await this.services.database.manager
      .createQueryBuilder(AidSubmissionEntity, "s")
      .select("s.batchId", "batchId")
      .addSelect("COUNT(*)", "submissions")
      // Booleans are 1 and 0 on both databases; better-sqlite3 cannot bind `true`.
      .addSelect("SUM(CASE WHEN s.complete = 1 THEN 1 ELSE 0 END)", "complete")
      .addSelect("SUM(CASE WHEN s.handedOutAt IS NULL THEN 0 ELSE 1 END)", "handedOut")
      .where("s.batchId IN (:...ids)", { ids: [...batchIds] })
      .groupBy("s.batchId")
      .getRawMany();
    return new Map(
      rows.map((r) => [
        String(r.batchId),
        { submissions: Number(r.submissions), complete: Number(r.complete), handedOut: Number(r.handedOut) },
      ]),
    );
  }

  async submissions(actor: Actor, batchId: string, args: PageArgs): Promise<Page<AidSubmissionEntity>> {
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    await this.batch(batchId);
    return newestFirst(manager, AidSubmissionEntity, "lastCollectedAt", args, (q) =>
      q.andWhere("r.batchId = :batchId", { batchId }),
    );
  }

  mine(actor: Actor, args: PageArgs): Promise<Page<AidSubmissionEntity>> {
    return newestFirst(this.services.database.manager, AidSubmissionEntity, "lastCollectedAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }
}

function checkBatch(fields: AidBatchFields) {
  const title = requiredText("title", fields.title, 200);
  if (!AID_KINDS.includes(fields.kind)) throw new BadInputError("kind", `The kind is one of ${AID_KINDS.join(", ")}.`);
  const year = ACADEMIC_YEAR.exec(fields.academicYear);
  if (!year || Number(year[2]) !== Number(year[1]) + 1) {
    throw new BadInputError("academicYear", "An academic year is written like 2026-2027.");
  }
  checkWindow(fields.opensAt, fields.closesAt);
  const names = fields.requiredMaterials.map((name) => requiredText("requiredMaterials", name, 200));
  if (names.length === 0 || names.length > MAX_MATERIALS) {
    throw new BadInputError("requiredMaterials", `Name 1 to ${MAX_MATERIALS} materials.`);
  }
  if (new Set(names).size !== names.length) throw new BadInputError("requiredMaterials", "A material is named twice.");
  const { kind, academicYear, opensAt, closesAt } = fields;
  return { title, kind, academicYear, opensAt, closesAt, requiredMaterials: names };
}

function checkWindow(opensAt: Date, closesAt: Date): void {
  if (Number.isNaN(opensAt.getTime())) throw new BadInputError("opensAt", "opensAt is not a valid time.");
  if (Number.isNaN(closesAt.getTime()) || closesAt.getTime() <= opensAt.getTime()) {
    throw new BadInputError("closesAt", "closesAt must be after opensAt.");
  }
}

function assertOpen(batch: AidBatchEntity, now: Date): void {
  if (now.getTime() < batch.opensAt.getTime()) {
    throw new ConflictError(`${batch.title} opens on ${batch.opensAt.toISOString()}; materials are taken from then.`);
  }
  if (now.getTime() >= batch.closesAt.getTime()) {
    throw new ConflictError(`${batch.title} closed on ${batch.closesAt.toISOString()}; materials are no longer taken.`);
  }
}
