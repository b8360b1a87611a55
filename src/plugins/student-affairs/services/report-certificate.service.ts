import { In } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  type Page,
  type PageArgs,
} from "../../../core";
import type { ReceivedMaterial } from "../entities/aid-submission.entity";
import { ReportCertificateEntity } from "../entities/report-certificate.entity";
import {
  addUp,
  assertDepartmentStaff,
  assertOversees,
  missing,
  newestFirst,
  optionalText,
  studentByNo,
} from "./desk";

export const REPORT_CERTIFICATE_SERVICE = "employment-report-certificate";
/** The kinds that print a certificate; a proof of printing prints none. */
const PRINTS = ["first-print", "redispatch-or-breach", "lost-reprint", "error-reprint"];

/** What the student shows at the window for the brochure's condition. */
export interface Eligibility {
  originOutsideCity: boolean;
  hasLocalHukou: boolean;
  canPrintLocalEmployerHeader: boolean;
}

export interface ReportCertificateFields {
  studentNo: string;
  variantCode: string;
  eligibility: Eligibility;
  materials: ReceivedMaterial[];
  employerName?: string | null;
  correction?: string | null;
  purpose?: string | null;
}

/**
 * The employment report certificate (就业报到证) in the brochure's five kinds, each with the
 * materials of its catalogue variant. The window handles it only for graduates from outside
 * the city who have no local household registration yet and so cannot print a local
 * employer's header; anyone else is refused with the reason.
 */
export class ReportCertificateService {
  constructor(private readonly services: HallServices) {}

  async issue(actor: Actor, fields: ReportCertificateFields): Promise<ReportCertificateEntity> {
    assertDepartmentStaff(actor);
    assertEligible(fields.eligibility);
    const details = checkDetails(fields);
    const student = await studentByNo(this.services, fields.studentNo);
    const { database, catalogue, clock, audit } = this.services;
    try {
      return await database.transaction(async (tx) => {
        const service = await catalogue.getActive(REPORT_CERTIFICATE_SERVICE, tx);
        const variant = service.variants.find((v) => v.code === fields.variantCode);
        if (!variant) {
          throw new BadInputError(
            "variantCode",
            `The kind is one of ${service.variants.map((v) => v.code).join(", ")}.`,
          );
        }
        const received = addUp([], fields.materials);
        const short = missing(variant.materials, received);
        if (short.length) {
          throw new BadInputError(
            "materials",
            `For ${variant.nameEn} the window still needs: ${short.map((m) => `${m.name} ×${m.count}`).join("; ")}.`,
          );
        }
        const printed = await tx.findOne(ReportCertificateEntity, {
          where: { studentAccountId: student.accountId, variantCode: In(PRINTS) },
          order: { issuedAt: "DESC" },
        });
        if (variant.code === "first-print" && printed) {
          throw new ConflictError(
            `A report certificate of ${student.studentNo} was printed on ${printed.issuedAt.toISOString()}; ` +
              "ask for lost-reprint, error-reprint or redispatch-or-breach instead.",
            "variantCode",
          );
        }
        if (variant.code !== "first-print" && !printed) {
          // TODO: certificates printed before the hall kept this register cannot be reprinted
          // or proved here yet; an import of the earlier prints is needed before go-live.
          throw new ConflictError(
            `No report certificate of ${student.studentNo} was printed yet; the first print comes first.`,
            "variantCode",
          );
        }
        const record = tx.create(ReportCertificateEntity, {
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          variantCode: variant.code,
          firstKey: variant.code === "first-print" ? `first-print:${student.accountId}` : null,
          ...details,
          materials: received,
          ...fields.eligibility,
          issuedAt: clock.now(),
          issuedByAccountId: actor.accountId,
          issuedByName: actor.name,
        });
        await tx.insert(ReportCertificateEntity, record);
        await audit.record(tx, {
          actorId: actor.accountId,
          action: "student-affairs.issueReportCertificate",
          subjectType: "ReportCertificate",
          subjectId: record.id,
          details: { variantCode: variant.code },
        });
        return record;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_sa_report_certificate_first", "sa_report_certificate.firstKey")) {
        throw new ConflictError(`The report certificate of ${student.studentNo} was just printed at another window.`);
      }
      throw error;
    }
  }

  async list(actor: Actor, studentNo: string | null, args: PageArgs): Promise<Page<ReportCertificateEntity>> {
    const manager = this.services.database.manager;
    await assertOversees(manager, actor);
    return newestFirst(manager, ReportCertificateEntity, "issuedAt", args, (q) => {
      if (studentNo) q.andWhere("r.studentNo = :no", { no: studentNo });
    });
  }

  mine(actor: Actor, args: PageArgs): Promise<Page<ReportCertificateEntity>> {
    return newestFirst(this.services.database.manager, ReportCertificateEntity, "issuedAt", args, (q) =>
      q.andWhere("r.studentAccountId = :me", { me: actor.accountId }),
    );
  }
}

/**
 * The brochure's condition, each part refused with what it means for the student.
 * TODO: the facts are what staff saw on the student's papers; read origin and household
 * registration from the student registry once the hall is connected to one.
 */
function assertEligible(facts: Eligibility): void {
  if (!facts.originOutsideCity) {
    throw new ConflictError(
      "The window prints report certificates only for graduates from outside the city (外省市生源); " +
        "a local graduate's certificate comes the usual way.",
      "eligibility.originOutsideCity",
    );
  }
  if (facts.hasLocalHukou) {
    throw new ConflictError(
      "The student has the city's household registration (本市户籍) already, so the certificate is not printed here.",
      "eligibility.hasLocalHukou",
    );
  }
  if (facts.canPrintLocalEmployerHeader) {
    throw new ConflictError(
      "The employer's header can be printed, so the student prints the certificate the usual way, not at the window.",
      "eligibility.canPrintLocalEmployerHeader",
    );
  }
}

/** The facts each kind needs beside its materials. */
function checkDetails(fields: ReportCertificateFields) {
  const employerName = optionalText("employerName", fields.employerName, 200);
  const correction = optionalText("correction", fields.correction, 300);
  const purpose = optionalText("purpose", fields.purpose, 200);
  if ((fields.variantCode === "first-print" || fields.variantCode === "redispatch-or-breach") && !employerName) {
    throw new BadInputError("employerName", "Name the employer the certificate is made out to.");
  }
  if (fields.variantCode === "error-reprint" && !correction) {
    throw new BadInputError("correction", "Say what was wrong on the certificate and what is right.");
  }
  if (fields.variantCode === "printed-proof" && !purpose) {
    throw new BadInputError("purpose", "Say what the proof of printing is for.");
  }
  return { employerName, correction, purpose };
}
