import type { SelectQueryBuilder } from "typeorm";
import {
  type Actor,
  assertLocalDate,
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
import {
  AcademicDocumentEntity,
  type AcademicDocumentKind,
  type AcademicDocumentStatus,
} from "../entities/academic-document.entity";
import { newVerificationCode, normaliseCode } from "./verification-code";

export const ACADEMIC_AFFAIRS = "academic-affairs";

/** Each kind of document is one catalogue item, with its promised days and materials. */
const SERVICE_OF: Record<AcademicDocumentKind, { code: string; name: string }> = {
  ENROLMENT_CERTIFICATE: { code: "enrolment-certificate", name: "在读证明" },
  TRANSCRIPT: { code: "academic-transcript", name: "成绩单" },
};
const LANGUAGES: Record<string, string> = { zh: "中文版", en: "英文版" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/-]{0,63}$/;
const CODE_DRAWS = 3;

export interface RequestDocumentFields {
  kind: AcademicDocumentKind;
  studentNo: string;
  language: "zh" | "en";
  copies: number;
  purpose?: string | null;
  ticketId?: string | null;
  materialsReceived?: Array<{ name: string; count: number }> | null;
}

export interface IssueDocumentFields {
  documentId: string;
  resultReference: string;
  nameAsPrinted?: string | null;
  validUntil?: string | null;
}

/** What a document states, and nothing else: the answer to `verifyDocument`. */
export interface DocumentStatement {
  kind: AcademicDocumentKind;
  nameAsPrinted: string;
  issuedOn: string;
  validUntil: string | null;
  validNow: boolean;
}

/**
 * Enrolment certificates and transcripts. Each request opens a PROMISED case through the
 * core's case service, so the due date, the first-inquiry owner and any handover are the
 * hall's, and the document row here links to it; issuing closes the case with the answer.
 */
export class AcademicDocumentService {
  constructor(private readonly services: HallServices) {}

  async request(actor: Actor, fields: RequestDocumentFields): Promise<AcademicDocumentEntity> {
    assertReceives(actor);
    const service = SERVICE_OF[fields.kind];
    if (!service) throw new BadInputError("kind", "Ask for an enrolment certificate or a transcript.");
    if (!LANGUAGES[fields.language]) {
      throw new BadInputError("language", "A document is printed in Chinese or English.");
    }
    if (!Number.isInteger(fields.copies) || fields.copies < 1 || fields.copies > 10) {
      throw new BadInputError("copies", "Ask for 1 to 10 copies.");
    }
    const purpose = fields.purpose?.trim() || null;
    if (purpose && purpose.length > 200) {
      throw new BadInputError("purpose", "Say the purpose in up to 200 characters.");
    }
    if (!/^[A-Za-z0-9-]{1,32}$/.test(fields.studentNo)) {
      throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
    }
    if (fields.ticketId) {
      const ticket = await this.services.queue.visibleTicket(actor, fields.ticketId);
      if (ticket.studentNo && ticket.studentNo !== fields.studentNo) {
        throw new BadInputError("studentNo", "The ticket is another student's.");
      }
    }
    const account = await this.services.accounts.byStudentNo(fields.studentNo);
    const studentAccountId = account?.role === Role.STUDENT ? account.id : null;

    // The case and the document row are written in one transaction: both or neither.
    return this.services.database.transaction(async (tx) => {
      const opened = await this.services.cases.open(
        actor,
        {
          origin: fields.ticketId ? "TICKET" : "WALK_IN",
          ticketId: fields.ticketId ?? null,
          serviceCode: service.code,
          variantCode: fields.language,
          studentNo: fields.studentNo,
          subject: `${service.name}（${LANGUAGES[fields.language]}）× ${fields.copies}${purpose ? `：${purpose}` : ""}`,
          materialsReceived: fields.materialsReceived ?? [],
        },
        tx,
      );
      const document = tx.create(AcademicDocumentEntity, {
        caseId: opened.id,
        kind: fields.kind,
        language: fields.language,
        copies: fields.copies,
        purpose,
        studentAccountId,
        studentNo: fields.studentNo,
        status: "REQUESTED",
        requestedByAccountId: actor.accountId,
        requestedAt: this.services.clock.now(),
        nameAsPrinted: null,
        resultReference: null,
        verificationCode: null,
        issuedOn: null,
        validUntil: null,
        issuedAt: null,
        issuedByAccountId: null,
      });
      await tx.insert(AcademicDocumentEntity, document);
      return document;
    });
  }

  /**
   * The office issues the document: it closes the case (which only its owner may, and only
   * once, so two staff issuing at once cannot both succeed), then records the reference, the
   * name as printed and a fresh verification code.
   */
  async issue(actor: Actor, fields: IssueDocumentFields): Promise<AcademicDocumentEntity> {
    if (!(actor.role === Role.STAFF && actor.department === ACADEMIC_AFFAIRS) && actor.role !== Role.ADMIN) {
      throw new ForbiddenError("Documents are issued by the Academic Affairs Office.");
    }
    const reference = fields.resultReference.trim();
    if (!REFERENCE.test(reference)) {
      throw new BadInputError("resultReference", "The reference is 1 to 64 letters, digits, - or /.");
    }
    const today = this.services.calendar.calendar.localDate(this.services.clock.now());
    if (fields.validUntil) {
      assertLocalDate(fields.validUntil, "validUntil");
      if (fields.validUntil < today) {
        throw new BadInputError("validUntil", "A document is valid until today or later.");
      }
    }
    const document = await this.visible(actor, fields.documentId);
    if (document.status === "ISSUED") throw new ConflictError("This document has been issued already.");
    const nameAsPrinted = await this.nameToPrint(document, fields.nameAsPrinted);

    const item = await this.services.cases.visible(actor, document.caseId);
    if (item.status === "AWAITING_MATERIALS") {
      const missing = item.missingMaterials.map((m) => `${m.name} ×${m.count}`).join("; ");
      throw new ConflictError(`The student has still to bring: ${missing}.`);
    }
    if (item.status !== "OPEN") {
      const status = item.status.toLowerCase().replace(/_/g, " ");
      throw new ConflictError(`The case is ${status}; the document cannot be issued now.`);
    }
    const kind = SERVICE_OF[document.kind].name;
    const answer = `${kind}已出具，编号 ${reference}，请凭学生证到窗口领取。`;

    // Closing the case and recording the issue commit together; a verification code that
    // collides rolls both back and the whole step is tried again with a new code.
    for (let draw = 1; ; draw++) {
      try {
        return await this.services.database.transaction(async (tx) => {
          await this.services.cases.close(actor, document.caseId, answer, null, tx);
          const issued = await tx
            .createQueryBuilder()
            .update(AcademicDocumentEntity)
            .set({
              status: "ISSUED",
              nameAsPrinted,
              resultReference: reference,
              verificationCode: newVerificationCode(),
              issuedOn: today,
              validUntil: fields.validUntil ?? null,
              issuedAt: this.services.clock.now(),
              issuedByAccountId: actor.accountId,
            })
            .where("id = :id AND status = 'REQUESTED'", { id: document.id })
            .execute();
          if (!issued.affected) throw new ConflictError("This document has been issued already.");
          return tx.findOneByOrFail(AcademicDocumentEntity, { id: document.id });
        });
      } catch (error) {
        const collided = isUniqueViolation(error, "uq_academic_document_code", "academic_document.verificationCode");
        if (collided && draw < CODE_DRAWS) continue;
        throw error;
      }
    }
  }

  /**
   * What the document with this code states; null for a code no issued document has, so that
   * a guess learns nothing. Nothing else of the student or the office is revealed.
   */
  // TODO: an issued document cannot be withdrawn yet, so a certificate revoked on paper still
  // verifies; revocation needs a status and a mutation for the office.
  async verify(typed: string): Promise<DocumentStatement | null> {
    if (typed.length > 64) throw new BadInputError("code", "A verification code is 12 letters and digits.");
    const code = normaliseCode(typed);
    if (!code) return null;
    const document = await this.services.database.manager.findOneBy(AcademicDocumentEntity, {
      verificationCode: code,
      status: "ISSUED",
    });
    if (!document || !document.issuedOn || !document.nameAsPrinted) return null;
    const today = this.services.calendar.calendar.localDate(this.services.clock.now());
    return {
      kind: document.kind,
      nameAsPrinted: document.nameAsPrinted,
      issuedOn: document.issuedOn,
      validUntil: document.validUntil,
      validNow: !document.validUntil || today <= document.validUntil,
    };
  }

  /** A document the caller may see: the student's own, or any for the office; NOT_FOUND otherwise. */
  async visible(actor: Actor, id: string): Promise<AcademicDocumentEntity> {
    const manager = this.services.database.manager;
    const document = UUID.test(id) ? await manager.findOneBy(AcademicDocumentEntity, { id }) : null;
    if (!document || !mayRead(actor, document)) throw new NotFoundError("Document");
    return document;
  }

  async mine(actor: Actor, first?: number, after?: string): Promise<Page<AcademicDocumentEntity>> {
    return this.page(first, after, (query) => query.where("d.studentAccountId = :me", { me: actor.accountId }));
  }

  /** The office's documents, newest first; staff of other departments are refused. */
  async list(actor: Actor, status: AcademicDocumentStatus | null, first?: number, after?: string) {
    if (!isOffice(actor) && actor.role !== Role.SUPERVISOR) {
      throw new ForbiddenError("Only the Academic Affairs Office lists its documents.");
    }
    return this.page(first, after, (query) => (status ? query.where("d.status = :status", { status }) : query));
  }

  private async page(
    first: number | undefined,
    after: string | undefined,
    scope: (query: SelectQueryBuilder<AcademicDocumentEntity>) => unknown,
  ): Promise<Page<AcademicDocumentEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.query();
    scope(query);
    if (cursor) {
      query.andWhere("(d.requestedAt < :key OR (d.requestedAt = :key AND d.id < :cid))", {
        key: cursor.key,
        cid: cursor.id,
      });
    }
    const rows = await query.orderBy("d.requestedAt", "DESC").addOrderBy("d.id", "DESC").take(size + 1).getMany();
    return toPage(rows, size, (d) => ({ key: sqlTime(d.requestedAt), id: d.id }));
  }

  private query() {
    return this.services.database.manager.createQueryBuilder(AcademicDocumentEntity, "d");
  }

  /** The name the student is known by, unless the office prints another; an English one must be given. */
  private async nameToPrint(document: AcademicDocumentEntity, given: string | null | undefined): Promise<string> {
    const name = given?.trim();
    if (name) {
      if (name.length > 100) throw new BadInputError("nameAsPrinted", "A name is at most 100 characters.");
      return name;
    }
    if (document.language === "en") {
      throw new BadInputError(
        "nameAsPrinted",
        "Give the English name as printed (as in the passport, or in pinyin).",
      );
    }
    const account = document.studentAccountId ? await this.services.accounts.byId(document.studentAccountId) : null;
    if (!account) throw new BadInputError("nameAsPrinted", "Give the student's name as printed.");
    return account.name;
  }
}

/** Requests are received where cases are opened: by a volunteer at a window, or the office's staff. */
function assertReceives(actor: Actor): void {
  if (actor.role === Role.VOLUNTEER) return;
  if (actor.role === Role.STAFF && actor.department === ACADEMIC_AFFAIRS) return;
  throw new ForbiddenError(
    "Documents are requested at a window: a volunteer or the Academic Affairs Office takes them.",
  );
}

function isOffice(actor: Actor): boolean {
  return actor.role === Role.ADMIN || (actor.role === Role.STAFF && actor.department === ACADEMIC_AFFAIRS);
}

function mayRead(actor: Actor, document: AcademicDocumentEntity): boolean {
  if (actor.role === Role.STUDENT) return document.studentAccountId === actor.accountId;
  if (actor.role === Role.VOLUNTEER) return document.requestedByAccountId === actor.accountId;
  return isOffice(actor) || actor.role === Role.SUPERVISOR;
}

const byServices = new WeakMap<HallServices, AcademicDocumentService>();

/** The hall's document service; one per hall, so that two halls in one process keep apart. */
export function academicDocumentService(services: HallServices): AcademicDocumentService {
  let service = byServices.get(services);
  if (!service) {
    service = new AcademicDocumentService(services);
    byServices.set(services, service);
  }
  return service;
}
