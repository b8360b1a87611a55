import { type EntityManager, In } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  decodeCursor,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  type Page,
  pageSize,
  sqlTime,
  toPage,
} from "../../../core";
import { CharityItemEntity } from "../entities/charity-item.entity";
import { CharityLoanEntity } from "../entities/charity-loan.entity";
import { assertAtLeagueDesk, assertLeagueStaff, perHall, studentByNo, text } from "./league-access";
import { pageByTime } from "./paging";

export interface CharityItemFields {
  name: string;
  description?: string | null;
  stock: number;
  loanDays: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 3600_000;

/**
 * The charity desk (爱心服务): items lent free of charge. Stock moves only by conditional
 * UPDATEs in the transaction that writes the loan, so two loans of the last umbrella at once
 * leave one borrower and a stock of 0, never -1.
 */
export class CharityService {
  constructor(private readonly services: HallServices) {}

  async addItem(actor: Actor, fields: CharityItemFields): Promise<CharityItemEntity> {
    assertLeagueStaff(actor);
    const name = text(fields.name, "name", 100)!;
    const description = text(fields.description, "description", 500, false);
    if (!Number.isInteger(fields.stock) || fields.stock < 0 || fields.stock > 10_000) {
      throw new BadInputError("stock", "Stock is 0 to 10000.");
    }
    if (!Number.isInteger(fields.loanDays) || fields.loanDays < 1 || fields.loanDays > 90) {
      throw new BadInputError("loanDays", "A loan lasts 1 to 90 days.");
    }
    const refused = () => new ConflictError(`The desk has an item called "${name}" already.`, "name");
    try {
      return await this.services.database.transaction(async (tx) => {
        if (await tx.findOneBy(CharityItemEntity, { name })) throw refused();
        const { stock, loanDays } = fields;
        return tx.save(tx.create(CharityItemEntity, { name, description, stock, loanDays }));
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_league_charity_item_name", "league_charity_item.name")) throw refused();
      throw error;
    }
  }

  /** More of an item on the shelf (donations, repairs). */
  async restock(actor: Actor, itemId: string, count: number): Promise<CharityItemEntity> {
    assertLeagueStaff(actor);
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw new BadInputError("count", "Add 1 to 1000.");
    return this.services.database.transaction(async (tx) => {
      const added = await tx
        .createQueryBuilder()
        .update(CharityItemEntity)
        .set({ stock: () => "stock + :count" })
        .where("id = :id", { id: this.itemId(itemId), count })
        .execute();
      if (!added.affected) throw new NotFoundError("Charity item");
      return tx.findOneByOrFail(CharityItemEntity, { id: itemId });
    });
  }

  /** Lends one to a student who has nothing overdue and none of this item out already. */
  async lend(actor: Actor, itemId: string, studentNo: string): Promise<CharityLoanEntity> {
    await assertAtLeagueDesk(this.services, actor);
    const student = await studentByNo(this.services, studentNo);
    const id = this.itemId(itemId);
    const now = this.services.clock.now();
    const refused = () => new ConflictError(`Student ${studentNo} has one of these out already.`, "studentNo");

    try {
      return await this.services.database.transaction(async (tx) => {
        const item = await tx.findOneBy(CharityItemEntity, { id });
        if (!item) throw new NotFoundError("Charity item");
        if (await this.hasOverdue(tx, student.accountId, now)) {
          throw new ConflictError(`Student ${studentNo} has an overdue item to return first.`, "studentNo");
        }
        const outKey = `${item.id}:${student.accountId}`;
        if (await tx.findOneBy(CharityLoanEntity, { outKey })) throw refused();
        const taken = await tx
          .createQueryBuilder()
          .update(CharityItemEntity)
          .set({ stock: () => "stock - 1" })
          .where("id = :id AND stock >= 1", { id: item.id })
          .execute();
        if (!taken.affected) throw new ConflictError(`No ${item.name} is left to lend.`, "itemId");
        const loan = tx.create(CharityLoanEntity, {
          itemId: item.id,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          outKey,
          lentAt: now,
          dueAt: new Date(now.getTime() + item.loanDays * DAY_MS),
          returnedAt: null,
          lentByAccountId: actor.accountId,
          returnedToAccountId: null,
        });
        await tx.insert(CharityLoanEntity, loan);
        return loan;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_league_charity_loan_out", "league_charity_loan.outKey")) throw refused();
      throw error;
    }
  }

  /** The item comes back; a loan is returned once. */
  async giveBack(actor: Actor, loanId: string): Promise<CharityLoanEntity> {
    await assertAtLeagueDesk(this.services, actor);
    const id = UUID.test(loanId) ? loanId : null;
    return this.services.database.transaction(async (tx) => {
      const loan = id ? await tx.findOneBy(CharityLoanEntity, { id }) : null;
      if (!loan) throw new NotFoundError("Loan");
      const returned = await tx
        .createQueryBuilder()
        .update(CharityLoanEntity)
        .set({ returnedAt: this.services.clock.now(), returnedToAccountId: actor.accountId, outKey: null })
        .where("id = :id AND returnedAt IS NULL", { id: loan.id })
        .execute();
      if (!returned.affected) throw new ConflictError("This loan was returned already.");
      await tx
        .createQueryBuilder()
        .update(CharityItemEntity)
        .set({ stock: () => "stock + 1" })
        .where("id = :id", { id: loan.itemId })
        .execute();
      return tx.findOneByOrFail(CharityLoanEntity, { id: loan.id });
    });
  }

  async items(first?: number, after?: string): Promise<Page<CharityItemEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const query = this.services.database.manager.createQueryBuilder(CharityItemEntity, "i");
    if (cursor) query.where("i.name > :key", { key: cursor.key });
    const rows = await query.orderBy("i.name", "ASC").take(size + 1).getMany();
    return toPage(rows, size, (i) => ({ key: i.name, id: i.id }));
  }

  /** Loans past their due date and not back, the longest overdue first. For League staff. */
  async overdue(actor: Actor, first?: number, after?: string): Promise<Page<CharityLoanEntity>> {
    assertLeagueStaff(actor, true);
    const query = this.services.database.manager
      .createQueryBuilder(CharityLoanEntity, "l")
      .where("l.returnedAt IS NULL AND l.dueAt < :now", { now: sqlTime(this.services.clock.now()) });
    return pageByTime(query, "dueAt", "ASC", first, after);
  }

  /** The caller's loans, newest first. */
  async mine(actor: Actor, first?: number, after?: string): Promise<Page<CharityLoanEntity>> {
    const query = this.services.database.manager
      .createQueryBuilder(CharityLoanEntity, "l")
      .where("l.studentAccountId = :me", { me: actor.accountId });
    return pageByTime(query, "lentAt", "DESC", first, after);
  }

  async itemsByIds(ids: readonly string[]): Promise<Map<string, CharityItemEntity>> {
    const rows = await this.services.database.manager.findBy(CharityItemEntity, { id: In([...ids]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** How many of each item are out, in one query. */
  async onLoan(itemIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.services.database.manager
      .createQueryBuilder(CharityLoanEntity, "l")
      .select("l.itemId", "itemId")
      .addSelect("COUNT(*)", "out")
      .where("l.itemId IN (:...ids) AND l.returnedAt IS NULL", { ids: [...itemIds] })
      .groupBy("l.itemId")
      .getRawMany<{ itemId: string; out: string | number }>();
    return new Map(rows.map((row) => [row.itemId, Number(row.out)]));
  }

  private itemId(id: string): string {
    if (!UUID.test(id)) throw new NotFoundError("Charity item");
    return id;
  }

  private async hasOverdue(tx: EntityManager, studentAccountId: string, now: Date): Promise<boolean> {
    const overdue = await tx
      .createQueryBuilder(CharityLoanEntity, "l")
      .where("l.studentAccountId = :id AND l.returnedAt IS NULL AND l.dueAt < :now", {
        id: studentAccountId,
        now: sqlTime(now),
      })
      .getCount();
    return overdue > 0;
  }
}

export const charityService = perHall((services) => new CharityService(services));
