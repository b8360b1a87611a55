import type { EntityManager } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  decodeCursor,
  ForbiddenError,
  HallError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  OutsideServiceHoursError,
  type Page,
  pageSize,
  Role,
  sqlTime,
  toPage,
} from "../../../core";
import { YibanAccountEntity } from "../entities/yiban-account.entity";
import { YibanLedgerEntryEntity, type YibanLedgerKind } from "../entities/yiban-ledger-entry.entity";
import { YibanPrintCodeEntity } from "../entities/yiban-print-code.entity";
import { newPrintCode, normalisePrintCode } from "./print-code";

export const IT_OFFICE = "it-office";
/** The catalogue item whose hours are the print desk's hours. */
export const PRINTING_SERVICE = "yiban-printing";
/** The brochure's rate: 80 Yiban points buy 20 pages. */
export const POINTS_PER_BUNDLE = 80;
export const PAGES_PER_BUNDLE = 20;

const MAX_BUNDLES = 50;
const MAX_CREDIT = 100_000;
const MAX_PAGES_PER_PRINT = 500;
/** A fresh code colliding with another day's is a 1-in-10¹² event; a few draws settle it. */
const CODE_DRAWS = 3;

export interface YibanBalance {
  studentAccountId: string;
  studentNo: string;
  points: number;
  pages: number;
}

/**
 * Yiban printing: points credited by IT staff, exchanged for pages, spent at the print desk
 * with the day's print code. Every spend is a conditional UPDATE on the balance row in the
 * same transaction as its ledger entry, so concurrent requests can never take the balance
 * below zero, on SQLite (serialised writes) or MySQL (the UPDATE re-reads the locked row).
 */
export class YibanService {
  constructor(private readonly services: HallServices) {}

  /** The balance of a student; a student nobody has credited yet has nothing. */
  async balance(studentAccountId: string, studentNo: string): Promise<YibanBalance> {
    const row = await this.services.database.manager.findOneBy(YibanAccountEntity, { studentAccountId });
    return row ?? { studentAccountId, studentNo, points: 0, pages: 0 };
  }

  /** The balance of a student by number, for IT staff; NOT_FOUND for a number no student has. */
  async balanceOf(studentNo: string): Promise<YibanBalance> {
    const student = await this.student(studentNo);
    return this.balance(student.id, studentNo);
  }

  // TODO: points are credited by IT staff by hand; nothing imports them from the Yiban platform
  // itself, which matters once students earn 网薪 online and expect them here at once.
  async credit(actor: Actor, studentNo: string, points: number, note: string): Promise<YibanBalance> {
    this.assertItStaff(actor);
    if (!Number.isInteger(points) || points < 1 || points > MAX_CREDIT) {
      throw new BadInputError("points", `Credit 1 to ${MAX_CREDIT} points.`);
    }
    const reason = note.trim();
    if (!reason || reason.length > 200) {
      throw new BadInputError("note", "Say in up to 200 characters why the points are credited.");
    }
    const student = await this.student(studentNo);

    return this.services.database.transaction(async (tx) => {
      await this.ensureBalanceRow(tx, student.id, studentNo);
      await tx
        .createQueryBuilder()
        .update(YibanAccountEntity)
        .set({ points: () => "points + :points", entries: () => "entries + 1" })
        .where("studentAccountId = :id", { id: student.id, points })
        .execute();
      return this.record(tx, student.id, actor, "CREDIT", points, 0, reason);
    });
  }

  /** 80 points for 20 pages, per bundle; refused whole, naming the shortfall, when points lack. */
  async exchange(actor: Actor, bundles: number): Promise<YibanBalance> {
    const student = this.assertStudent(actor);
    if (!Number.isInteger(bundles) || bundles < 1 || bundles > MAX_BUNDLES) {
      throw new BadInputError("bundles", `Exchange 1 to ${MAX_BUNDLES} bundles of ${PAGES_PER_BUNDLE} pages.`);
    }
    const cost = bundles * POINTS_PER_BUNDLE;
    const pages = bundles * PAGES_PER_BUNDLE;

    return this.services.database.transaction(async (tx) => {
      const spent = await tx
        .createQueryBuilder()
        .update(YibanAccountEntity)
        .set({ points: () => "points - :cost", pages: () => "pages + :pages", entries: () => "entries + 1" })
        .where("studentAccountId = :id AND points >= :cost", { id: student.accountId, cost, pages })
        .execute();
      if (!spent.affected) {
        const have = (await tx.findOneBy(YibanAccountEntity, { studentAccountId: student.accountId }))?.points ?? 0;
        throw shortfall(
          "bundles",
          `${bundles} bundle(s) of ${PAGES_PER_BUNDLE} pages cost ${cost} points; ` +
            `you have ${have}, ${cost - have} short.`,
          cost,
          have,
        );
      }
      const note = `${bundles} × ${PAGES_PER_BUNDLE} pages`;
      return this.record(tx, student.accountId, actor, "EXCHANGE", -cost, pages, note);
    });
  }

  /** Today's print code; a second one on the same local day is refused. */
  async issueCode(actor: Actor): Promise<YibanPrintCodeEntity> {
    const student = this.assertStudent(actor);
    const day = this.services.calendar.calendar.localDate(this.services.clock.now());
    const refused = () => new ConflictError(`You have taken today's print code (${day}) already; one a day.`);

    for (let draw = 1; ; draw++) {
      try {
        return await this.services.database.transaction(async (tx) => {
          // The friendly refusal; the unique key below is what holds under concurrency.
          if (await tx.findOneBy(YibanPrintCodeEntity, { studentAccountId: student.accountId, serviceDay: day })) {
            throw refused();
          }
          const code = tx.create(YibanPrintCodeEntity, {
            studentAccountId: student.accountId,
            studentNo: student.studentNo,
            serviceDay: day,
            code: newPrintCode(),
            issuedAt: this.services.clock.now(),
            usedAt: null,
            pagesPrinted: null,
            usedByAccountId: null,
            usedByBadgeNo: null,
          });
          await tx.insert(YibanPrintCodeEntity, code);
          return code;
        });
      } catch (error) {
        if (isUniqueViolation(error, "uq_yiban_print_code_day", "yiban_print_code.serviceDay")) throw refused();
        const collided = isUniqueViolation(error, "uq_yiban_print_code_code", "yiban_print_code.code");
        if (!collided || draw >= CODE_DRAWS) throw error;
      }
    }
  }

  /**
   * The print desk prints `pages` pages on a code: only in the desk's hours, only on the
   * code's own day, once. The code and the pages are taken in one transaction, so a print
   * refused for want of pages leaves the code unused.
   */
  async useCode(
    actor: Actor,
    typed: string,
    pages: number,
  ): Promise<{ code: YibanPrintCodeEntity; pagesLeft: number }> {
    await this.assertAtPrintDesk(actor);
    const code = normalisePrintCode(typed);
    if (!/^[A-Z0-9]{4,16}$/.test(code)) throw new BadInputError("code", "A print code is 8 letters and digits.");
    if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES_PER_PRINT) {
      throw new BadInputError("pages", `Print 1 to ${MAX_PAGES_PER_PRINT} pages at a time.`);
    }
    await this.assertDeskOpen();
    const now = this.services.clock.now();
    const today = this.services.calendar.calendar.localDate(now);

    return this.services.database.transaction(async (tx) => {
      const found = await tx.findOneBy(YibanPrintCodeEntity, { code });
      if (!found) throw new NotFoundError("Print code");
      if (found.serviceDay !== today) {
        throw new ConflictError(
          `This print code was for ${found.serviceDay}; a code is valid on its own day only.`,
          "code",
        );
      }
      const claimed = await tx
        .createQueryBuilder()
        .update(YibanPrintCodeEntity)
        .set({ usedAt: now, pagesPrinted: pages, usedByAccountId: actor.accountId, usedByBadgeNo: actor.badgeNo })
        .where("id = :id AND usedAt IS NULL", { id: found.id })
        .execute();
      if (!claimed.affected) {
        throw new ConflictError("This print code has been used already; a code prints once.", "code");
      }

      const spent = await tx
        .createQueryBuilder()
        .update(YibanAccountEntity)
        .set({ pages: () => "pages - :pages", entries: () => "entries + 1" })
        .where("studentAccountId = :id AND pages >= :pages", { id: found.studentAccountId, pages })
        .execute();
      if (!spent.affected) {
        const balance = await tx.findOneBy(YibanAccountEntity, { studentAccountId: found.studentAccountId });
        const have = balance?.pages ?? 0;
        const message = `${pages} page(s) asked for; the student has ${have}, ${pages - have} short.`;
        throw shortfall("pages", message, pages, have);
      }
      const balance = await this.record(tx, found.studentAccountId, actor, "PRINT", 0, -pages, `print code ${code}`);
      return { code: await tx.findOneByOrFail(YibanPrintCodeEntity, { id: found.id }), pagesLeft: balance.pages };
    });
  }

  /** A student's ledger, newest first. */
  async ledger(studentAccountId: string, first?: number, after?: string): Promise<Page<YibanLedgerEntryEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.services.database.manager
      .createQueryBuilder(YibanLedgerEntryEntity, "e")
      .where("e.studentAccountId = :id", { id: studentAccountId });
    if (cursor) query.andWhere("e.seq < :seq", { seq: seqOf(cursor.key) });
    const rows = await query.orderBy("e.seq", "DESC").take(size + 1).getMany();
    return toPage(rows, size, (e) => ({ key: String(e.seq), id: e.id }));
  }

  /** Today's codes of many students in one query, for the account's nested field. */
  async todayCodes(studentAccountIds: readonly string[]): Promise<Map<string, YibanPrintCodeEntity>> {
    const day = this.services.calendar.calendar.localDate(this.services.clock.now());
    const rows = await this.services.database.manager
      .createQueryBuilder(YibanPrintCodeEntity, "c")
      .where("c.serviceDay = :day AND c.studentAccountId IN (:...ids)", { day, ids: [...studentAccountIds] })
      .getMany();
    return new Map(rows.map((row) => [row.studentAccountId, row]));
  }

  /** The codes of one local day, for IT staff watching the print desk; newest first. */
  async codesOn(actor: Actor, day: string, first?: number, after?: string): Promise<Page<YibanPrintCodeEntity>> {
    this.assertItStaff(actor, true);
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.services.database.manager
      .createQueryBuilder(YibanPrintCodeEntity, "c")
      .where("c.serviceDay = :day", { day });
    if (cursor) {
      query.andWhere("(c.issuedAt < :key OR (c.issuedAt = :key AND c.id < :cid))", {
        key: cursor.key,
        cid: cursor.id,
      });
    }
    const rows = await query.orderBy("c.issuedAt", "DESC").addOrderBy("c.id", "DESC").take(size + 1).getMany();
    return toPage(rows, size, (c) => ({ key: sqlTime(c.issuedAt), id: c.id }));
  }

  /** IT staff credit and read accounts; admins too, and supervisors may read. */
  assertItStaff(actor: Actor, reading = false): void {
    if (actor.role === Role.ADMIN || (reading && actor.role === Role.SUPERVISOR)) return;
    if (actor.role === Role.STAFF && actor.department === IT_OFFICE) return;
    throw new ForbiddenError("Only IT Office staff manage Yiban points.");
  }

  private assertStudent(actor: Actor): { accountId: string; studentNo: string } {
    if (actor.role !== Role.STUDENT || !actor.studentNo) throw new ForbiddenError("Yiban printing is for students.");
    return { accountId: actor.accountId, studentNo: actor.studentNo };
  }

  /** IT staff, an admin, or a volunteer signed on to one of the IT Office's windows. */
  private async assertAtPrintDesk(actor: Actor): Promise<void> {
    if (actor.role === Role.ADMIN || (actor.role === Role.STAFF && actor.department === IT_OFFICE)) return;
    if (actor.role === Role.VOLUNTEER) {
      const windows = await this.services.windows.list(IT_OFFICE);
      if (windows.some((w) => w.onDutyAccountId === actor.accountId)) return;
    }
    throw new ForbiddenError(
      "Print codes are used at the IT Office's print desk, by the staff or the volunteer on duty.",
    );
  }

  private async assertDeskOpen(): Promise<void> {
    const service = await this.services.catalogue.getActive(PRINTING_SERVICE);
    const calendar = this.services.calendar.withHours(service.hours);
    const now = this.services.clock.now();
    if (calendar.isOpenAt(now)) return;
    const next = calendar.nextOpening(now);
    throw new OutsideServiceHoursError(
      "Printing is open in the print desk's hours only; " +
        `it opens next at ${next?.toISOString() ?? "a date not yet set"}.`,
      next,
    );
  }

  private async student(studentNo: string) {
    if (!/^[A-Za-z0-9-]{1,32}$/.test(studentNo)) {
      throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
    }
    const account = await this.services.accounts.byStudentNo(studentNo);
    if (!account || account.role !== Role.STUDENT || !account.active) throw new NotFoundError(`Student ${studentNo}`);
    return account;
  }

  /** The row a credit adds to; inserting it twice at once is harmless (the key keeps one). */
  private async ensureBalanceRow(tx: EntityManager, studentAccountId: string, studentNo: string): Promise<void> {
    const sql =
      this.services.database.dialect === "mysql"
        ? "INSERT IGNORE INTO yiban_account (studentAccountId, studentNo, points, pages, entries) " +
          "VALUES (?, ?, 0, 0, 0)"
        : "INSERT INTO yiban_account (studentAccountId, studentNo, points, pages, entries) " +
          "VALUES (?, ?, 0, 0, 0) ON CONFLICT (studentAccountId) DO NOTHING";
    await tx.query(sql, [studentAccountId, studentNo]);
  }

  /**
   * Writes the ledger entry for a balance change just made, numbered by the row's entry count
   * (the change bumped it, and holds the row until commit), and returns the new balance.
   */
  private async record(
    tx: EntityManager,
    studentAccountId: string,
    actor: Actor,
    kind: YibanLedgerKind,
    points: number,
    pages: number,
    note: string | null,
  ): Promise<YibanAccountEntity> {
    const balance = await tx.findOneByOrFail(YibanAccountEntity, { studentAccountId });
    await tx.insert(YibanLedgerEntryEntity, {
      studentAccountId,
      seq: balance.entries,
      kind,
      points,
      pages,
      note,
      actorAccountId: actor.accountId,
      at: this.services.clock.now(),
    });
    return balance;
  }
}

/** A ledger cursor's key is the entry's number; anything else was not given out here. */
function seqOf(key: string): number {
  if (!/^\d{1,9}$/.test(key)) throw new BadInputError("after", "The cursor is not one this server gave out.");
  return Number(key);
}

/** CONFLICT with the numbers a client needs to tell the student how much is missing. */
function shortfall(field: string, message: string, needed: number, have: number): HallError {
  return new HallError("CONFLICT", message, { field, needed, have, shortfall: needed - have });
}

const byServices = new WeakMap<HallServices, YibanService>();

/** The hall's Yiban service; one per hall, so that two halls in one process keep apart. */
export function yibanService(services: HallServices): YibanService {
  let service = byServices.get(services);
  if (!service) {
    service = new YibanService(services);
    byServices.set(services, service);
  }
  return service;
}
