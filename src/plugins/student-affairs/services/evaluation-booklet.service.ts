import { randomUUID } from "node:crypto";
import type { Actor, HallServices, Page, PageArgs } from "../../../core";
import { EvaluationBookletReplacementEntity } from "../entities/evaluation-booklet-replacement.entity";
import { assertDesk, assertOversees, newestFirst, requiredText, studentByNo } from "./desk";

export const BOOKLET_SERVICE = "evaluation-booklet-replacement";

/** Comprehensive-evaluation booklets, replaced on the spot for the catalogue's fee (¥6). */
export class EvaluationBookletService {
  constructor(private readonly services: HallServices) {}

  async replace(actor: Actor, studentNo: string, reason: string): Promise<EvaluationBookletReplacementEntity> {
    const why = requiredText("reason", reason, 200);
    const student = await studentByNo(this.services, studentNo);
    const { database, catalogue, clock, fees, audit } = this.services;
    return database.transaction(async (tx) => {
      await assertDesk(tx, actor);
      const service = await catalogue.getActive(BOOKLET_SERVICE, tx);
      const id = randomUUID();
      const fee =
        service.feeFen > 0
          ? await fees.record(tx, actor, {
              serviceCode: service.code,
              studentNo: student.studentNo,
              reference: `evaluation-booklet:${id}`,
            })
          : null;
      const replacement = tx.create(EvaluationBookletReplacementEntity, {
        id,
        studentAccountId: student.accountId,
        studentNo: student.studentNo,
        reason: why,
        feeRecordId: fee?.id ?? null,
        receiptNo: fee?.receiptNo ?? null,
        amountFen: fee?.amountFen ?? 0,
        handedOutAt: clock.now(),
        handedOutByAccountId: actor.accountId,
        handedOutByBadgeNo: actor.badgeNo,
      });
      await tx.insert(EvaluationBookletReplacementEntity, replacement);
      await audit.record(tx, {
        actorId: actor.accountId,
        action: "student-affairs.replaceEvaluationBooklet",
        subjectType: "EvaluationBookletReplacement",
        subjectId: id,
        details: { receiptNo: replacement.receiptNo },
      });
      return replacement;
    });
  }

  mine(actor: Actor, args: PageArgs): Promise<Page<EvaluationBookletReplacementEntity>> {
    return newestFirst(this.services.database.manager, EvaluationBookletReplacementEntity, "handedOutAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }

  async list(actor: Actor, studentNo: string | null, args: PageArgs): Promise<Page<EvaluationBookletReplacementEntity>> {
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    return newestFirst(manager, EvaluationBookletReplacementEntity, "handedOutAt", args, (q) => {
      if (studentNo) q.andWhere("r.studentNo = :no", { no: studentNo });
    });
  }
}
