import {
  type Actor,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  type Page,
  type PageArgs,
} from "../../../core";
import type { EntityManager } from "typeorm";
import { StampRegisterEntryEntity, type StampKind } from "../entities/stamp-register-entry.entity";
import {
  assertDepartmentStaff,
  assertOversees,
  newestFirst,
  optionalText,
  requiredText,
  type Student,
  studentByNo,
} from "./desk";

export const RECOMMENDATION_SERVICE = "graduate-recommendation-stamp";
export const AGREEMENT_SERVICE = "employment-agreement-endorsement";
const AGREEMENT_NO = /^[A-Za-z0-9-]{1,64}$/;

export interface AgreementFields {
  studentNo: string;
  agreementNo: string;
  employerName: string;
  reason?: string | null;
}

/**
 * The university's seal on graduate recommendation forms and employment agreements, each use
 * written in the stamp register. A student's first form (or agreement) is stamped on the
 * spot; another one needs a reason on record, such as a spoiled form or a breach of contract.
 */
export class StampRegisterService {
  constructor(private readonly services: HallServices) {}

  async stampRecommendation(actor: Actor, studentNo: string, reason: string | null) {
    assertDepartmentStaff(actor);
    const why = optionalText("reason", reason, 300);
    const student = await studentByNo(this.services, studentNo);
    return this.stamp(actor, RECOMMENDATION_SERVICE, "GRADUATE_RECOMMENDATION", student, {
      document: "毕业生推荐表",
      reason: why,
    });
  }

  async endorseAgreement(actor: Actor, fields: AgreementFields) {
    assertDepartmentStaff(actor);
    const agreementNo = fields.agreementNo.trim();
    if (!AGREEMENT_NO.test(agreementNo)) {
      throw new BadInputError("agreementNo", "The agreement number is 1 to 64 letters, digits or -.");
    }
    const employerName = requiredText("employerName", fields.employerName, 200);
    const why = optionalText("reason", fields.reason, 300);
    const student = await studentByNo(this.services, fields.studentNo);
    return this.stamp(actor, AGREEMENT_SERVICE, "EMPLOYMENT_AGREEMENT", student, {
      document: `就业协议书 ${agreementNo}（${employerName}）`,
      reason: why,
      agreementNo,
      employerName,
    });
  }

  async register(
    actor: Actor,
    filter: { kind?: StampKind | null; studentNo?: string | null },
    args: PageArgs,
  ): Promise<Page<StampRegisterEntryEntity>> {
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    return newestFirst(manager, StampRegisterEntryEntity, "stampedAt", args, (q) => {
      if (filter.kind) q.andWhere("r.kind = :kind", { kind: filter.kind });
      if (filter.studentNo) q.andWhere("r.studentNo = :no", { no: filter.studentNo });
    });
  }

  mine(actor: Actor, args: PageArgs): Promise<Page<StampRegisterEntryEntity>> {
    return newestFirst(this.services.database.manager, StampRegisterEntryEntity, "stampedAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }

  private async stamp(
    actor: Actor,
    serviceCode: string,
    kind: StampKind,
    student: Student,
    what: { document: string; reason: string | null; agreementNo?: string; employerName?: string },
  ): Promise<StampRegisterEntryEntity> {
    const { database, catalogue, clock, audit } = this.services;
    try {
      return await database.transaction(async (tx) => {
        await catalogue.getActive(serviceCode, tx);
        if (what.agreementNo) await assertNewAgreement(tx, what.agreementNo);
        const earlier = await tx.findOne(StampRegisterEntryEntity, {
          where: { studentAccountId: student.accountId, kind },
          order: { stampedAt: "ASC" },
        });
        if (earlier && !what.reason) throw stampedBefore(kind, student.studentNo, earlier.stampedAt);
        const entry = tx.create(StampRegisterEntryEntity, {
          kind,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          document: what.document,
          firstKey: earlier ? null : `${kind}:${student.accountId}`,
          agreementNo: what.agreementNo ?? null,
          employerName: what.employerName ?? null,
          reason: what.reason,
          stampedAt: clock.now(),
          stampedByAccountId: actor.accountId,
          stampedByName: actor.name,
        });
        await tx.insert(StampRegisterEntryEntity, entry);
        await audit.record(tx, {
          actorId: actor.accountId,
          action: "student-affairs.stamp",
          subjectType: "StampRegisterEntry",
          subjectId: entry.id,
          details: { kind },
        });
        return entry;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_sa_stamp_agreement", "sa_stamp_register.agreementNo")) {
        throw new ConflictError(`Agreement ${what.agreementNo} was endorsed already.`, "agreementNo");
      }
      if (isUniqueViolation(error, "uq_sa_stamp_first", "sa_stamp_register.firstKey")) {
        throw stampedBefore(kind, student.studentNo, null);
      }
      throw error;
    }
  }
}

async function assertNewAgreement(tx: EntityManager, agreementNo: string): Promise<void> {
  const earlier = await tx.findOneBy(StampRegisterEntryEntity, { agreementNo });
  if (earlier) {
    throw new ConflictError(
      `Agreement ${agreementNo} was endorsed on ${earlier.stampedAt.toISOString()}; one agreement is endorsed once.`,
      "agreementNo",
    );
  }
}

function stampedBefore(kind: StampKind, studentNo: string, at: Date | null): ConflictError {
  const what = kind === "GRADUATE_RECOMMENDATION" ? "recommendation form" : "employment agreement";
  const when = at ? ` on ${at.toISOString()}` : "";
  return new ConflictError(
    `A ${what} of ${studentNo} was stamped${when}; stamping another needs a reason on record ` +
      (kind === "GRADUATE_RECOMMENDATION" ? "(a lost or spoiled form)." : "(a breach of the first agreement)."),
    "reason",
  );
}
