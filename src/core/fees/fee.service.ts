import { type EntityManager, In } from "typeorm";
import { AccountEntity } from "../auth/account.entity";
import { assertAtDesk } from "../auth/desk-access";
import type { Actor } from "../auth/role";
import type { AuditService } from "../audit/audit.service";
import type { CalendarService } from "../calendar/calendar.service";
import type { CatalogueService } from "../catalogue/catalogue.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import { ServiceItemEntity } from "../catalogue/service-item.entity";
import type { Clock } from "../common/clock";
import { decodeCursor, type Page, pageSize, toPage } from "../common/pagination";
import type { HallDatabase } from "../database/hall-database";
import { sqlTime } from "../database/time";
import { BadInputError } from "../errors/hall-error";
import { FeeRecordEntity } from "./fee-record.entity";

/** A payment as the window states it; the amount follows from the catalogue. */
export interface FeeFields {
  serviceCode: string;
  studentNo: string;
  /** Pieces paid for at the catalogue's fee each; 1 when absent. */
  quantity?: number | null;
  /** What the taker says they took; refused when it is not the catalogue's fee × quantity. */
  amountFen?: number | null;
  /** What the payment belongs to in a plugin's records, e.g. `student-id-application:<id>`. */
  reference?: string | null;
}

export interface FeeTotal {
  count: number;
  totalFen: number;
}

export interface ServiceTotal extends FeeTotal {
  serviceCode: string;
  serviceName: string | null;
}

export interface TakerTotal extends FeeTotal {
  accountId: string;
  badgeNo: string | null;
  name: string;
}

/** One department's takings on one local day, for the evening count of the cash box. */
export interface DailyReconciliation extends FeeTotal {
  department: string;
  day: string;
  byService: ServiceTotal[];
  byTaker: TakerTotal[];
}

export const MAX_FEE_QUANTITY = 20;
const STUDENT_NO = /^[A-Za-z0-9-]{1,32}$/;
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fees taken at the windows and the daily reconciliation. `record` runs inside the caller's
 * transaction, so a plugin's application and its fee are written, or refused, together.
 */
export class FeeService {
  constructor(
    private readonly database: HallDatabase,
    private readonly catalogue: CatalogueService,
    private readonly departments: DepartmentRegistry,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A payment on its own, in a transaction of its own (the recordFee mutation). */
  recordFee(actor: Actor, fields: FeeFields): Promise<FeeRecordEntity> {
    return this.database.transaction((tx) => this.record(tx, actor, fields));
  }

  /**
   * Records a payment in the caller's transaction and gives it the department's next receipt
   * number. The caller must serve the service's department at a desk.
   */
  async record(tx: EntityManager, actor: Actor, fields: FeeFields): Promise<FeeRecordEntity> {
    const quantity = fields.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_FEE_QUANTITY) {
      throw new BadInputError("quantity", `A fee covers 1 to ${MAX_FEE_QUANTITY} pieces.`);
    }
    const studentNo = fields.studentNo?.trim() ?? "";
    if (!STUDENT_NO.test(studentNo)) {
      throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
    }
    const reference = fields.reference?.trim() || null;
    if (reference && reference.length > 100) {
      throw new BadInputError("reference", "A reference is at most 100 characters.");
    }

    const service = await this.catalogue.find(fields.serviceCode, tx);
    if (!service || service.retiredAt) {
      throw new BadInputError("serviceCode", `There is no service "${fields.serviceCode}" at the hall now.`);
    }
    if (service.feeFen <= 0) {
      throw new BadInputError("serviceCode", `${service.nameEn} is free of charge; there is no fee to record.`);
    }
    const amountFen = service.feeFen * quantity;
    if (fields.amountFen != null && fields.amountFen !== amountFen) {
      throw new BadInputError(
        "amountFen",
        `${service.nameEn} costs ${yuan(service.feeFen)} a piece: ` +
          `${yuan(amountFen)} for ${quantity}, not ${yuan(fields.amountFen)}.`,
      );
    }
    await assertAtDesk(tx, actor, service.departmentCode);

    const payer = await tx.findOneBy(AccountEntity, { studentNo });
    const takenAt = this.clock.now();
    const serviceDay = this.calendar.calendar.localDate(takenAt);
    const receiptYear = Number(serviceDay.slice(0, 4));
    const receiptSeq = await this.nextReceiptSeq(tx, service.departmentCode, receiptYear);
    const prefix = this.departments.get(service.departmentCode).ticketPrefix;
    const record = tx.create(FeeRecordEntity, {
      departmentCode: service.departmentCode,
      serviceCode: service.code,
      amountFen,
      quantity,
      payerAccountId: payer?.id ?? null,
      payerStudentNo: studentNo,
      receiptYear,
      receiptSeq,
      receiptNo: `${prefix}${receiptYear}-${String(receiptSeq).padStart(6, "0")}`,
      takenByAccountId: actor.accountId,
      takenByBadgeNo: actor.badgeNo,
      takenByName: actor.name,
      takenAt,
      serviceDay,
      reference,
    });
    await tx.insert(FeeRecordEntity, record);
    await this.audit.record(tx, {
      actorId: actor.accountId,
      action: "fee.record",
      subjectType: "FeeRecord",
      subjectId: record.id,
      details: { receiptNo: record.receiptNo, serviceCode: service.code, amountFen },
    });
    return record;
  }

  /** One department's fees of one local day, in receipt order. */
  async list(department: string, day: string, first?: number, after?: string): Promise<Page<FeeRecordEntity>> {
    this.departments.get(department);
    assertLocalDay(day);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.database.manager
      .createQueryBuilder(FeeRecordEntity, "f")
      .where("f.departmentCode = :department AND f.serviceDay = :day", { department, day });
    if (cursor) {
      query.andWhere("(f.receiptSeq > :seq OR (f.receiptSeq = :seq AND f.id > :id))", {
        seq: Number(cursor.key),
        id: cursor.id,
      });
    }
    const rows = await query.orderBy("f.receiptSeq", "ASC").addOrderBy("f.id", "ASC").take(size + 1).getMany();
    return toPage(rows, size, (f) => ({ key: String(f.receiptSeq), id: f.id }));
  }

  /** What a student paid, newest first; matched by account, or by number before they had one. */
  async forStudent(actor: Actor, first?: number, after?: string): Promise<Page<FeeRecordEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.database.manager
      .createQueryBuilder(FeeRecordEntity, "f")
      .where("(f.payerAccountId = :me OR (f.payerAccountId IS NULL AND f.payerStudentNo = :no))", {
        me: actor.accountId,
        no: actor.studentNo ?? "",
      });
    if (this.departments.codes().length) {
      query.andWhere("f.departmentCode IN (:...codes)", { codes: this.departments.codes() });
    }
    if (cursor) {
      query.andWhere("(f.takenAt < :at OR (f.takenAt = :at AND f.id < :id))", { at: cursor.key, id: cursor.id });
    }
    const rows = await query.orderBy("f.takenAt", "DESC").addOrderBy("f.id", "DESC").take(size + 1).getMany();
    return toPage(rows, size, (f) => ({ key: sqlTime(f.takenAt), id: f.id }));
  }

  /**
   * Counts and sums of one department's local day, per service and per taker: one grouped
   * query for the money and one for the services' names.
   */
  async dailyReconciliation(department: string, day: string): Promise<DailyReconciliation> {
    this.departments.get(department);
    assertLocalDay(day);
    const rows: Array<Record<string, unknown>> = await this.database.manager
      .createQueryBuilder(FeeRecordEntity, "f")
      .select("f.serviceCode", "serviceCode")
      .addSelect("f.takenByAccountId", "accountId")
      .addSelect("f.takenByBadgeNo", "badgeNo")
      .addSelect("MAX(f.takenByName)", "name")
      .addSelect("COUNT(*)", "count")
      .addSelect("SUM(f.amountFen)", "totalFen")
      .where("f.departmentCode = :department AND f.serviceDay = :day", { department, day })
      .groupBy("f.serviceCode")
      .addGroupBy("f.takenByAccountId")
      .addGroupBy("f.takenByBadgeNo")
      .getRawMany();

    const byService = new Map<string, ServiceTotal>();
    const byTaker = new Map<string, TakerTotal>();
    const total: FeeTotal = { count: 0, totalFen: 0 };
    for (const row of rows) {
      // MySQL returns SUM as a DECIMAL string and COUNT as a number or string.
      const count = Number(row.count);
      const totalFen = Number(row.totalFen);
      const serviceCode = String(row.serviceCode);
      const badgeNo = (row.badgeNo as string | null) ?? null;
      const takerKey = `${row.accountId}|${badgeNo ?? ""}`;
      const service = byService.get(serviceCode) ?? { serviceCode, serviceName: null, count: 0, totalFen: 0 };
      const taker = byTaker.get(takerKey) ?? {
        accountId: String(row.accountId),
        badgeNo,
        name: String(row.name),
        count: 0,
        totalFen: 0,
      };
      for (const sum of [service, taker, total]) {
        sum.count += count;
        sum.totalFen += totalFen;
      }
      byService.set(serviceCode, service);
      byTaker.set(takerKey, taker);
    }
    if (byService.size) {
      const items = await this.database.manager.find(ServiceItemEntity, {
        where: { code: In([...byService.keys()]) },
        select: { code: true, name: true },
      });
      for (const item of items) byService.get(item.code)!.serviceName = item.name;
    }
    return {
      department,
      day,
      ...total,
      byService: [...byService.values()].sort((a, b) => a.serviceCode.localeCompare(b.serviceCode)),
      byTaker: [...byTaker.values()].sort(
        (a, b) => (a.badgeNo ?? "").localeCompare(b.badgeNo ?? "") || a.name.localeCompare(b.name),
      ),
    };
  }

  /** The local day of an instant, as fees are filed under it. */
  dayOf(at: Date): string {
    return this.calendar.calendar.localDate(at);
  }

  private async nextReceiptSeq(tx: EntityManager, department: string, year: number): Promise<number> {
    const sql =
      this.database.dialect === "mysql"
        ? "INSERT INTO fee_receipt_counter (departmentCode, receiptYear, lastSeq) VALUES (?, ?, 1) " +
          "ON DUPLICATE KEY UPDATE lastSeq = lastSeq + 1"
        : "INSERT INTO fee_receipt_counter (departmentCode, receiptYear, lastSeq) VALUES (?, ?, 1) " +
          "ON CONFLICT (departmentCode, receiptYear) DO UPDATE SET lastSeq = lastSeq + 1";
    await tx.query(sql, [department, year]);
    const [row] = await tx.query(
      "SELECT lastSeq FROM fee_receipt_counter WHERE departmentCode = ? AND receiptYear = ?",
      [department, year],
    );
    return Number(row.lastSeq);
  }
}

/** ¥ and two decimals, for messages a cashier reads. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

function assertLocalDay(day: string): void {
  const parsed = new Date(`${day}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March, so the date must read back unchanged.
  const valid = LOCAL_DAY.test(day) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
  if (!valid) throw new BadInputError("day", "A day is a calendar date, YYYY-MM-DD.");
}
