import { randomUUID } from "node:crypto";
import { In } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  type Page,
  type PageArgs,
} from "../../../core";
import {
  StudentIdApplicationEntity,
  type StudentIdApplicationStatus,
  type StudentIdReplacementReason,
} from "../entities/student-id-application.entity";
import { StudentIdPhotoChunkEntity, StudentIdPhotoEntity } from "../entities/student-id-photo.entity";
import { StudentIdRegistrationEntity } from "../entities/student-id-registration.entity";
import {
  assertDepartmentStaff,
  assertDesk,
  assertMaySee,
  assertOversees,
  newestFirst,
  studentByNo,
} from "./desk";
import { checkPhoto } from "./photo-check";

export const REPLACEMENT_SERVICE = "student-id-replacement";
export const REGISTRATION_SERVICE = "student-id-registration";
const REASONS: StudentIdReplacementReason[] = ["LOST", "DAMAGED"];
/** Under MySQL's 64 KB BLOB with room to spare. */
const CHUNK_BYTES = 48 * 1024;
const TERM = /^(\d{4})-(\d{4})-([12])$/;

export interface ReplacementFields {
  studentNo: string;
  reason: StudentIdReplacementReason;
  oldBookletReturned?: boolean | null;
  photoBase64: string;
}

/**
 * Student ID booklets: the term's registration stamp, and replacement, where the window takes
 * the form, the photo and the fee in one go and the student follows the booklet from
 * SUBMITTED to READY to PICKED_UP.
 */
export class StudentIdService {
  constructor(private readonly services: HallServices) {}

  async register(actor: Actor, studentNo: string, term: string): Promise<StudentIdRegistrationEntity> {
    checkTerm(term);
    const student = await studentByNo(this.services, studentNo);
    const { database, catalogue, clock, audit } = this.services;
    try {
      return await database.transaction(async (tx) => {
        await assertDesk(tx, actor);
        await catalogue.getActive(REGISTRATION_SERVICE, tx);
        const earlier = await tx.findOneBy(StudentIdRegistrationEntity, { studentAccountId: student.accountId, term });
        if (earlier) throw alreadyRegistered(student.studentNo, term);
        const registration = tx.create(StudentIdRegistrationEntity, {
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          term,
          registeredAt: clock.now(),
          registeredByAccountId: actor.accountId,
          registeredByBadgeNo: actor.badgeNo,
        });
        await tx.insert(StudentIdRegistrationEntity, registration);
        await audit.record(tx, {
          actorId: actor.accountId,
          action: "student-affairs.registerStudentId",
          subjectType: "StudentIdRegistration",
          subjectId: registration.id,
          details: { term },
        });
        return registration;
      });
    } catch (error) {
      // Two windows stamping one booklet at once: the unique key lets one through.
      if (isUniqueViolation(error, "uq_sa_id_registration_term", "sa_student_id_registration.term")) {
        throw alreadyRegistered(student.studentNo, term);
      }
      throw error;
    }
  }

  async applyForReplacement(actor: Actor, fields: ReplacementFields): Promise<StudentIdApplicationEntity> {
    if (!REASONS.includes(fields.reason)) throw new BadInputError("reason", "The reason is LOST or DAMAGED.");
    if (fields.reason === "DAMAGED" && !fields.oldBookletReturned) {
      throw new BadInputError(
        "oldBookletReturned",
        "A damaged booklet is handed in with the application; take it in first.",
      );
    }
    const photo = checkPhoto(fields.photoBase64, "photoBase64");
    const student = await studentByNo(this.services, fields.studentNo);
    const { database, catalogue, calendar, clock, fees, audit } = this.services;
    try {
      return await database.transaction(async (tx) => {
        await assertDesk(tx, actor);
        const service = await catalogue.getActive(REPLACEMENT_SERVICE, tx);
        const open = await tx.findOneBy(StudentIdApplicationEntity, { activeKey: student.accountId });
        if (open) throw inTheMaking(student.studentNo, open.status);

        const now = clock.now();
        const id = randomUUID();
        const photoId = randomUUID();
        const chunks = Math.ceil(photo.bytes.length / CHUNK_BYTES);
        await tx.insert(StudentIdPhotoEntity, {
          id: photoId,
          studentAccountId: student.accountId,
          mimeType: photo.mimeType,
          width: photo.width,
          height: photo.height,
          byteSize: photo.bytes.length,
          sha256: photo.sha256,
          chunkCount: chunks,
        });
        await tx.insert(
          StudentIdPhotoChunkEntity,
          Array.from({ length: chunks }, (_, seq) => ({
            photoId,
            seq,
            bytes: photo.bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES),
          })),
        );
        // The ¥2 goes through the core's fees in this same transaction: no booklet without
        // its receipt, no receipt without its booklet.
        const fee =
          service.feeFen > 0
            ? await fees.record(tx, actor, {
                serviceCode: service.code,
                studentNo: student.studentNo,
                reference: `student-id-application:${id}`,
              })
            : null;
        const days = service.mode === "PROMISED" ? (service.promisedWorkingDays ?? 0) : 0;
        const application = tx.create(StudentIdApplicationEntity, {
          id,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          activeKey: student.accountId,
          reason: fields.reason,
          oldBookletReturned: !!fields.oldBookletReturned,
          status: "SUBMITTED",
          photoId,
          feeRecordId: fee?.id ?? null,
          receiptNo: fee?.receiptNo ?? null,
          promisedReadyAt: calendar.calendar.dueAt(now, days),
          submittedAt: now,
          submittedByAccountId: actor.accountId,
          submittedByBadgeNo: actor.badgeNo,
          readyAt: null,
          readyByAccountId: null,
          pickedUpAt: null,
          handedOverByAccountId: null,
          handedOverByBadgeNo: null,
        });
        await tx.insert(StudentIdApplicationEntity, application);
        await audit.record(tx, {
          actorId: actor.accountId,
          action: "student-affairs.applyForStudentIdReplacement",
          subjectType: "StudentIdApplication",
          subjectId: id,
          details: { reason: fields.reason, receiptNo: application.receiptNo },
        });
        return application;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_sa_id_application_active", "sa_student_id_application.activeKey")) {
        throw inTheMaking(student.studentNo, "SUBMITTED");
      }
      throw error;
    }
  }

  /** The department has made the booklet; the student may come for it. */
  markReady(actor: Actor, id: string): Promise<StudentIdApplicationEntity> {
    assertDepartmentStaff(actor);
    return this.move(actor, id, "SUBMITTED", "READY", (now) => ({ readyAt: now, readyByAccountId: actor.accountId }));
  }

  /** The student took the booklet at the window; the application is done. */
  async handOver(actor: Actor, id: string): Promise<StudentIdApplicationEntity> {
    await assertDesk(this.services.database.manager, actor);
    return this.move(actor, id, "READY", "PICKED_UP", (now) => ({
      pickedUpAt: now,
      handedOverByAccountId: actor.accountId,
      handedOverByBadgeNo: actor.badgeNo,
      activeKey: null,
    }));
  }

  async visible(actor: Actor, id: string): Promise<StudentIdApplicationEntity> {
    const manager = this.services.database.manager;
    const application = await manager.findOneBy(StudentIdApplicationEntity, { id });
    await assertMaySee(manager, actor, application, "Student ID application");
    return application!;
  }

  mine(actor: Actor, args: PageArgs): Promise<Page<StudentIdApplicationEntity>> {
    return newestFirst(this.services.database.manager, StudentIdApplicationEntity, "submittedAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }

  async list(
    actor: Actor,
    filter: { status?: StudentIdApplicationStatus | null; studentNo?: string | null },
    args: PageArgs,
  ): Promise<Page<StudentIdApplicationEntity>> {
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    return newestFirst(manager, StudentIdApplicationEntity, "submittedAt", args, (q) => {
      if (filter.status) q.andWhere("r.status = :status", { status: filter.status });
      if (filter.studentNo) q.andWhere("r.studentNo = :no", { no: filter.studentNo });
    });
  }

  myRegistrations(actor: Actor, args: PageArgs): Promise<Page<StudentIdRegistrationEntity>> {
    return newestFirst(this.services.database.manager, StudentIdRegistrationEntity, "registeredAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }

  async registrations(actor: Actor, term: string, args: PageArgs): Promise<Page<StudentIdRegistrationEntity>> {
    checkTerm(term);
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    return newestFirst(manager, StudentIdRegistrationEntity, "registeredAt", args, (q) =>
      q.andWhere("r.term = :term", { term }),
    );
  }

  /** Photos by id, for a page of applications in one query. */
  async photos(ids: readonly string[]): Promise<Map<string, StudentIdPhotoEntity>> {
    const rows = await this.services.database.manager.findBy(StudentIdPhotoEntity, { id: In([...ids]) });
    return new Map(rows.map((p) => [p.id, p]));
  }

  /** The photos' bytes, put together from their chunks in one query. */
  async photoBytes(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const chunks = await this.services.database.manager.find(StudentIdPhotoChunkEntity, {
      where: { photoId: In([...ids]) },
      order: { photoId: "ASC", seq: "ASC" },
    });
    const parts = new Map<string, Buffer[]>();
    for (const chunk of chunks) parts.set(chunk.photoId, [...(parts.get(chunk.photoId) ?? []), Buffer.from(chunk.bytes)]);
    return new Map([...parts].map(([id, list]) => [id, Buffer.concat(list)]));
  }

  private move(
    actor: Actor,
    id: string,
    from: StudentIdApplicationStatus,
    to: StudentIdApplicationStatus,
    changes: (now: Date) => Partial<StudentIdApplicationEntity>,
  ): Promise<StudentIdApplicationEntity> {
    const { database, clock, audit } = this.services;
    return database.transaction(async (tx) => {
      const application = await tx.findOneBy(StudentIdApplicationEntity, { id });
      if (!application) throw new NotFoundError("Student ID application");
      if (application.status !== from) throw wrongStep(application, to);
      const values = { status: to, ...changes(clock.now()) };
      // Conditional on the status read, so two windows cannot both move it (SQLite has no row locks).
      const moved = await tx.update(StudentIdApplicationEntity, { id, status: from }, values);
      if (!moved.affected) throw new ConflictError("The application was changed at another window just now; look again.");
      Object.assign(application, values);
      await audit.record(tx, {
        actorId: actor.accountId,
        action: `student-affairs.studentId.${to}`,
        subjectType: "StudentIdApplication",
        subjectId: id,
        details: { from, to },
      });
      return application;
    });
  }
}

/** `2026-2027-1`: an academic year of two consecutive years, and term 1 or 2. */
function checkTerm(term: string): void {
  const match = TERM.exec(term);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw new BadInputError("term", "A term is written like 2026-2027-1: the academic year, then term 1 or 2.");
  }
}

function alreadyRegistered(studentNo: string, term: string): ConflictError {
  return new ConflictError(`The student ID of ${studentNo} is registered for ${term} already.`, "term");
}

function inTheMaking(studentNo: string, status: StudentIdApplicationStatus): ConflictError {
  return new ConflictError(
    status === "READY"
      ? `A new booklet for ${studentNo} is ready at the window; hand it over before applying again.`
      : `A new booklet for ${studentNo} is being made already; wait until it is ready.`,
    "studentNo",
  );
}

function wrongStep(application: StudentIdApplicationEntity, to: StudentIdApplicationStatus): ConflictError {
  if (application.status === "PICKED_UP") {
    return new ConflictError(`The booklet was picked up on ${application.pickedUpAt!.toISOString()}; nothing more to do.`);
  }
  if (to === "PICKED_UP") {
    return new ConflictError(
      `The booklet is not ready yet; the student was told ${application.promisedReadyAt.toISOString()}.`,
    );
  }
  return new ConflictError("The booklet is ready already; it waits to be picked up.");
}
