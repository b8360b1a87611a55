import { In, type EntityManager } from "typeorm";
import { type Actor, Role } from "../auth/role";
import type { AccountService } from "../auth/account.service";
import type { CalendarService } from "../calendar/calendar.service";
import type { CatalogueService } from "../catalogue/catalogue.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { HallConfig } from "../config/config";
import type { Clock } from "../common/clock";
import type { HallDatabase, Outbox } from "../database/hall-database";
import { isUniqueViolation } from "../database/unique-violation";
import { sqlTime } from "../database/time";
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OutsideServiceHoursError,
} from "../errors/hall-error";
import type { WindowService } from "../windows/window.service";
import { WindowEntity } from "../windows/window.entity";
import { TicketCounterEntity } from "./ticket-counter.entity";
import { TicketEntity, type TicketStatus } from "./ticket.entity";
import { queueTopic, ticketTopic, type QueueEventKind } from "./queue-topics";

export type TicketOutcome = "DONE" | "CASE_OPENED" | "REFERRED" | "MATERIALS_INCOMPLETE";

/** Service time assumed for a department that has not served anybody recently. */
const DEFAULT_SERVICE_MINUTES = 5;

/**
 * Queue numbers and their life: taken, called to a window, served, completed (or a no-show,
 * or cancelled by the student). Every change is one transaction, and boards and the ticket's
 * student hear of it only after the commit.
 */
export class QueueService {
  constructor(
    private readonly database: HallDatabase,
    private readonly catalogue: CatalogueService,
    private readonly departments: DepartmentRegistry,
    private readonly calendar: CalendarService,
    private readonly windows: WindowService,
    private readonly accounts: AccountService,
    private readonly config: HallConfig,
    private readonly clock: Clock,
  ) {}

  /** A student takes a number for themselves, or a volunteer at the door for a walk-in. */
  async take(actor: Actor, serviceCode: string, studentNo?: string | null): Promise<TicketEntity> {
    const student = await this.studentFor(actor, studentNo ?? null);
    const service = await this.catalogue.getActive(serviceCode);
    const now = this.clock.now();
    const calendar = this.calendar.withHours(service.hours);
    if (!calendar.isOpenAt(now)) {
      const next = calendar.nextOpening(now);
      throw new OutsideServiceHoursError(
        `The hall does not take numbers for ${service.nameEn} now; it opens next at ${next?.toISOString() ?? "a date not yet set"}.`,
        next,
      );
    }
    const department = this.departments.get(service.departmentCode);
    const day = calendar.localDate(now);
    const identity = student.accountId ?? student.studentNo;
    const activeKey = identity ? `${identity}:${service.code}` : null;

    try {
      return await this.database.transaction(async (tx, outbox) => {
        if (activeKey) await expireEarlierDays(tx, activeKey, day);
        if (activeKey && (await tx.findOneBy(TicketEntity, { activeKey }))) {
          throw new ConflictError(`You already hold a waiting number for ${service.nameEn}.`);
        }
        const seq = await this.nextSeq(tx, department.code, day);
        const ticket = tx.create(TicketEntity, {
          departmentCode: department.code,
          serviceCode: service.code,
          serviceDay: day,
          seq,
          number: `${department.ticketPrefix}${String(seq).padStart(3, "0")}`,
          status: "WAITING",
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          takenByAccountId: actor.accountId,
          activeKey,
          windowId: null,
          windowNumber: null,
          volunteerAccountId: null,
          badgeNo: null,
          recalls: 0,
          outcome: null,
          materials: service.materials,
          takenAt: now,
          calledAt: null,
          servingAt: null,
          finishedAt: null,
        });
        await tx.insert(TicketEntity, ticket);
        await this.announce(tx, outbox, ticket, "TAKEN");
        return ticket;
      });
    } catch (error) {
      if (isUniqueViolation(error, "uq_ticket_active", "activeKey")) {
        throw new ConflictError(`You already hold a waiting number for ${service.nameEn}.`);
      }
      throw error;
    }
  }

  /**
   * Gives the volunteer on duty the oldest waiting ticket this window serves, or null when
   * nobody waits. On MySQL the row is taken with SKIP LOCKED, so two windows calling at once
   * take two different tickets; SQLite's writes are serialised, which gives the same.
   */
  async callNext(actor: Actor, windowId: string): Promise<TicketEntity | null> {
    // READ COMMITTED: InnoDB then keeps no lock on rows it read but did not take (tickets of
    // services this window does not serve), which other windows would otherwise skip.
    return this.database.transaction({ isolation: "READ COMMITTED" }, async (tx, outbox) => {
      const window = await this.windowOnDuty(tx, actor, windowId);
      const query = tx
        .createQueryBuilder(TicketEntity, "t")
        .where("t.departmentCode = :department", { department: window.departmentCode })
        .andWhere("t.status = 'WAITING'")
        .andWhere("t.serviceDay = :day", { day: this.today() })
        .andWhere("t.serviceCode IN (:...codes)", { codes: window.serviceCodes })
        // Within one department and day, seq is the order of taking.
        .orderBy("t.seq", "ASC")
        .limit(1);
      if (this.database.dialect === "mysql") query.setLock("pessimistic_write").setOnLocked("skip_locked");
      const ticket = await query.getOne();
      if (!ticket) return null;

      const claimed = await tx.update(
        TicketEntity,
        { id: ticket.id, status: "WAITING" },
        {
          status: "CALLED",
          calledAt: this.clock.now(),
          windowId: window.id,
          windowNumber: window.number,
          volunteerAccountId: actor.accountId,
          badgeNo: actor.badgeNo,
        },
      );
      if (!claimed.affected) return null;
      const called = await tx.findOneByOrFail(TicketEntity, { id: ticket.id });
      await this.announce(tx, outbox, called, "CALLED");
      return called;
    });
  }

  recall(actor: Actor, ticketId: string): Promise<TicketEntity> {
    return this.atWindow(actor, ticketId, ["CALLED"], "RECALLED", (t) => {
      t.recalls += 1;
    });
  }

  startServing(actor: Actor, ticketId: string): Promise<TicketEntity> {
    return this.atWindow(actor, ticketId, ["CALLED"], "SERVING", (t) => {
      t.status = "SERVING";
      t.servingAt = this.clock.now();
    });
  }

  complete(actor: Actor, ticketId: string, outcome: TicketOutcome): Promise<TicketEntity> {
    return this.atWindow(actor, ticketId, ["CALLED", "SERVING"], "COMPLETED", (t) => {
      const now = this.clock.now();
      t.status = "COMPLETED";
      t.servingAt ??= now;
      t.finishedAt = now;
      t.outcome = outcome;
      t.activeKey = null;
    });
  }

  markNoShow(actor: Actor, ticketId: string): Promise<TicketEntity> {
    return this.atWindow(actor, ticketId, ["CALLED"], "NO_SHOW", (t) => {
      if (t.recalls < this.config.noShowAfterRecalls) {
        throw new ConflictError(
          `Recall ${t.number} ${this.config.noShowAfterRecalls - t.recalls} more time(s) before marking a no-show.`,
        );
      }
      t.status = "NO_SHOW";
      t.finishedAt = this.clock.now();
      t.activeKey = null;
    });
  }

  /** The ticket's own student gives up their number. */
  async cancel(actor: Actor, ticketId: string): Promise<TicketEntity> {
    return this.database.transaction(async (tx, outbox) => {
      const ticket = await this.lockTicket(tx, ticketId);
      if (ticket.studentAccountId !== actor.accountId) throw new NotFoundError("Ticket");
      assertStatus(ticket, ["WAITING", "CALLED"]);
      Object.assign(ticket, { status: "CANCELLED", finishedAt: this.clock.now(), activeKey: null });
      await tx.save(ticket);
      await this.announce(tx, outbox, ticket, "CANCELLED");
      return ticket;
    });
  }

  /** A ticket the caller may see; NOT_FOUND otherwise, so ids are not confirmed. */
  async visibleTicket(actor: Actor, ticketId: string): Promise<TicketEntity> {
    const ticket = await this.database.manager.findOneBy(TicketEntity, { id: ticketId });
    if (!ticket || !this.departments.has(ticket.departmentCode) || !(await this.maySee(actor, ticket))) {
      throw new NotFoundError("Ticket");
    }
    return ticket;
  }

  async maySee(actor: Actor, ticket: TicketEntity): Promise<boolean> {
    switch (actor.role) {
      case Role.ADMIN:
      case Role.SUPERVISOR:
        return true;
      case Role.STAFF:
        return actor.department === ticket.departmentCode;
      case Role.STUDENT:
        return ticket.studentAccountId === actor.accountId;
      case Role.VOLUNTEER: {
        if (ticket.volunteerAccountId === actor.accountId || ticket.takenByAccountId === actor.accountId) {
          return true;
        }
        const window = await this.database.manager.findOneBy(WindowEntity, { onDutyAccountId: actor.accountId });
        return window?.departmentCode === ticket.departmentCode;
      }
    }
  }

  /** What a board shows: how many wait, and who is at which window. */
  async queueState(department: string): Promise<{ waiting: number; serving: TicketEntity[] }> {
    this.departments.get(department);
    const day = this.today();
    const [waiting, serving] = await Promise.all([
      this.database.manager.countBy(TicketEntity, { departmentCode: department, status: "WAITING", serviceDay: day }),
      this.database.manager.find(TicketEntity, {
        where: { departmentCode: department, status: In(["CALLED", "SERVING"]), serviceDay: day },
        order: { calledAt: "ASC" },
        take: 50,
      }),
    ]);
    return { waiting, serving };
  }

  /**
   * Numbers left open when their day ended lapse, so that lists, counts and the one-active-
   * ticket rule only see today. Run by the hall's periodic sweep; returns how many lapsed.
   */
  async expireEarlierDays(): Promise<number> {
    return this.database.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(TicketEntity)
        .set({ status: "EXPIRED", activeKey: null })
        .where("status IN (:...open) AND serviceDay < :today", {
          open: ["WAITING", "CALLED", "SERVING"],
          today: this.today(),
        })
        .execute();
      return result.affected ?? 0;
    });
  }

  /** Queue positions of many tickets in one query (1 = next for its service). */
  async positions(tickets: readonly TicketEntity[]): Promise<Map<string, number | null>> {
    // A number left waiting from an earlier day will never be called (callNext takes today's;
    // the periodic sweep marks it EXPIRED).
    const today = this.today();
    const waiting = tickets.filter((t) => t.status === "WAITING" && t.serviceDay === today);
    const result = new Map<string, number | null>(tickets.map((t) => [t.id, null]));
    if (waiting.length === 0) return result;
    const rows: Array<Pick<TicketEntity, "id" | "departmentCode" | "serviceCode" | "serviceDay" | "seq">> =
      await this.database.manager.find(TicketEntity, {
        select: { id: true, departmentCode: true, serviceCode: true, serviceDay: true, seq: true },
        where: {
          status: "WAITING",
          serviceCode: In([...new Set(waiting.map((t) => t.serviceCode))]),
          serviceDay: In([...new Set(waiting.map((t) => t.serviceDay))]),
        },
      });
    for (const ticket of waiting) {
      // Who waits ahead for the same service: the windows that can call this number call
      // those first. seq, not takenAt: callNext calls in seq order, and takenAt is read before
      // the number is drawn, so two tickets taken at once may have them in opposite orders.
      // TODO: a window serving several services also calls other services' earlier numbers;
      // counting those needs the window assignment and matters only for mixed windows.
      const ahead = rows.filter(
        (r) =>
          r.serviceCode === ticket.serviceCode &&
          r.serviceDay === ticket.serviceDay &&
          r.seq < ticket.seq,
      ).length;
      result.set(ticket.id, ahead + 1);
    }
    return result;
  }

  /**
   * Minutes per person recently served, per department, and how many windows are staffed:
   * the estimate is position × minutes ÷ staffed windows. Two queries for any number of
   * departments.
   */
  async serviceRates(departments: string[]): Promise<Map<string, { minutes: number; windows: number }>> {
    const since = new Date(this.clock.now().getTime() - 7 * 24 * 3600 * 1000);
    const [recent, staffed] = await Promise.all([
      this.database.manager
        .createQueryBuilder(TicketEntity, "t")
        .select(["t.departmentCode", "t.calledAt", "t.finishedAt"])
        .where("t.departmentCode IN (:...departments)", { departments })
        .andWhere("t.status = 'COMPLETED'")
        .andWhere("t.finishedAt > :since", { since: sqlTime(since) })
        .orderBy("t.finishedAt", "DESC")
        .limit(20 * departments.length)
        .getMany(),
      this.database.manager.find(WindowEntity, {
        select: { departmentCode: true, onDutyAccountId: true },
        where: { departmentCode: In(departments) },
      }),
    ]);
    const rates = new Map<string, { minutes: number; windows: number }>();
    for (const department of departments) {
      const durations = recent
        .filter((t) => t.departmentCode === department && t.calledAt && t.finishedAt)
        .slice(0, 20)
        .map((t) => (t.finishedAt!.getTime() - t.calledAt!.getTime()) / 60000);
      const minutes = durations.length
        ? durations.reduce((a, b) => a + b, 0) / durations.length
        : DEFAULT_SERVICE_MINUTES;
      const windows = staffed.filter((w) => w.departmentCode === department && w.onDutyAccountId).length;
      rates.set(department, { minutes, windows: Math.max(1, windows) });
    }
    return rates;
  }

  private today(): string {
    return this.calendar.calendar.localDate(this.clock.now());
  }

  /** A change by the volunteer at the window that holds the ticket. */
  private async atWindow(
    actor: Actor,
    ticketId: string,
    from: TicketStatus[],
    kind: QueueEventKind,
    change: (ticket: TicketEntity) => void,
  ): Promise<TicketEntity> {
    return this.database.transaction(async (tx, outbox) => {
      const ticket = await this.lockTicket(tx, ticketId);
      if (!(await this.maySee(actor, ticket))) throw new NotFoundError("Ticket");
      // The state first: a waiting or cancelled ticket has no window, so "served elsewhere"
      // would be the wrong answer for it.
      assertStatus(ticket, from);
      if (ticket.volunteerAccountId !== actor.accountId && actor.role !== Role.ADMIN) {
        throw new ForbiddenError(`Ticket ${ticket.number} is being served at window ${ticket.windowNumber ?? "?"}.`);
      }
      if (actor.role !== Role.ADMIN && ticket.windowId) {
        const window = await tx.findOneBy(WindowEntity, { id: ticket.windowId });
        if (window?.onDutyAccountId !== actor.accountId) {
          throw new ForbiddenError(`You are no longer on duty at window ${ticket.windowNumber}.`);
        }
      }
      change(ticket);
      await tx.save(ticket);
      await this.announce(tx, outbox, ticket, kind);
      return ticket;
    });
  }

  private async windowOnDuty(tx: EntityManager, actor: Actor, windowId: string): Promise<WindowEntity> {
    const window = await this.windows.get(windowId, tx);
    if (window.onDutyAccountId !== actor.accountId) {
      throw new ForbiddenError(`Sign on to window ${window.number} before calling numbers there.`);
    }
    return window;
  }

  private async lockTicket(tx: EntityManager, id: string): Promise<TicketEntity> {
    const query = tx.createQueryBuilder(TicketEntity, "t").where("t.id = :id", { id });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const ticket = await query.getOne();
    if (!ticket || !this.departments.has(ticket.departmentCode)) throw new NotFoundError("Ticket");
    return ticket;
  }

  /** Bumps the department's counter for the day; the upsert row-locks it until commit. */
  private async nextSeq(tx: EntityManager, department: string, day: string): Promise<number> {
    const sql =
      this.database.dialect === "mysql"
        ? "INSERT INTO ticket_counter (departmentCode, serviceDay, lastSeq) VALUES (?, ?, 1) " +
          "ON DUPLICATE KEY UPDATE lastSeq = lastSeq + 1"
        : "INSERT INTO ticket_counter (departmentCode, serviceDay, lastSeq) VALUES (?, ?, 1) " +
          "ON CONFLICT (departmentCode, serviceDay) DO UPDATE SET lastSeq = lastSeq + 1";
    await tx.query(sql, [department, day]);
    const counter = await tx.findOneByOrFail(TicketCounterEntity, { departmentCode: department, serviceDay: day });
    return counter.lastSeq;
  }

  /** Queues the board's event and the ticket's own event; both go out after commit. */
  private async announce(tx: EntityManager, outbox: Outbox, ticket: TicketEntity, kind: QueueEventKind) {
    const waiting = await tx.countBy(TicketEntity, {
      departmentCode: ticket.departmentCode,
      status: "WAITING",
      serviceDay: ticket.serviceDay,
    });
    outbox.publish(queueTopic(ticket.departmentCode), {
      department: ticket.departmentCode,
      kind,
      number: ticket.number,
      window: ticket.windowNumber,
      waiting,
      at: this.clock.now().toISOString(),
    });
    outbox.publish(ticketTopic(ticket.id), { ticketId: ticket.id, kind, status: ticket.status });
  }

  private async studentFor(actor: Actor, studentNo: string | null) {
    if (actor.role === Role.STUDENT) {
      if (studentNo && studentNo !== actor.studentNo) {
        throw new ForbiddenError("A student takes numbers for themselves only.");
      }
      return { accountId: actor.accountId, studentNo: actor.studentNo };
    }
    if (!studentNo) return { accountId: null, studentNo: null };
    if (!/^[A-Za-z0-9-]{1,32}$/.test(studentNo)) {
      throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
    }
    const account = await this.accounts.byStudentNo(studentNo);
    return { accountId: account?.id ?? null, studentNo };
  }
}

/** A number left waiting from an earlier day lapses, so it does not block today's. */
async function expireEarlierDays(tx: EntityManager, activeKey: string, today: string): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(TicketEntity)
    .set({ status: "EXPIRED", activeKey: null })
    .where("activeKey = :activeKey AND serviceDay < :today", { activeKey, today })
    .execute();
}

function assertStatus(ticket: TicketEntity, allowed: TicketStatus[]): void {
  if (!allowed.includes(ticket.status)) {
    throw new ConflictError(`Ticket ${ticket.number} is ${ticket.status.toLowerCase()}; that cannot be done now.`);
  }
}

