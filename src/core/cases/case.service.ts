import { In, type EntityManager } from "typeorm";
import { type Actor, Role } from "../auth/role";
import type { AccountService } from "../auth/account.service";
import type { CalendarService } from "../calendar/calendar.service";
import type { Clock } from "../common/clock";
import type { CatalogueService } from "../catalogue/catalogue.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import type { ServiceItemEntity } from "../catalogue/service-item.entity";
import type { HallDatabase, Outbox } from "../database/hall-database";
import { sqlTime } from "../database/time";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import type { MaterialDefinition } from "../plugin/hall-plugin";
import { TicketEntity } from "../queue/ticket.entity";
import { CaseEventEntity, type CaseEventKind } from "./case-event.entity";
import { addUp, stillMissing } from "./case-materials";
import { CASE_ALERTS_TOPIC, type CaseAlertKind } from "./case-topics";
import { CaseEntity, type CaseOrigin, type CaseStatus, type MaterialCount } from "./case.entity";

export interface OpenCaseFields {
  origin: CaseOrigin;
  ticketId?: string | null;
  serviceCode?: string | null;
  variantCode?: string | null;
  department?: string | null;
  studentNo?: string | null;
  subject: string;
  materialsReceived?: MaterialCount[];
}

const RECEIVERS = [Role.VOLUNTEER, Role.STAFF];

/**
 * Cases under first-inquiry responsibility and time-limited completion. Every change is
 * one transaction that also appends to the case's history, so who did what, when, and with
 * which materials can always be read back.
 */
export class CaseService {
  constructor(
    private readonly database: HallDatabase,
    private readonly catalogue: CatalogueService,
    private readonly departments: DepartmentRegistry,
    private readonly calendar: CalendarService,
    private readonly accounts: AccountService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a case. A plugin that records its own rows with the case passes its transaction
   * as `within`, so that both commit or neither does.
   */
  async open(actor: Actor, fields: OpenCaseFields, within?: EntityManager): Promise<CaseEntity> {
    if (!RECEIVERS.includes(actor.role)) throw new ForbiddenError("Cases are opened at a window or desk.");
    const subject = fields.subject.trim();
    if (!subject) throw new BadInputError("subject", "Say in a line what the student asked for.");
    const received = cleanMaterials(fields.materialsReceived ?? [], "materialsReceived");

    return this.inTransaction(within, async (tx) => {
      const ticket = fields.ticketId ? await this.ticketAtHand(tx, actor, fields.ticketId) : null;
      if (fields.origin === "TICKET" && !ticket) {
        throw new BadInputError("ticketId", "A case from a ticket needs the ticket.");
      }
      const serviceCode = fields.serviceCode ?? ticket?.serviceCode ?? null;
      const service = serviceCode ? await this.catalogue.getActive(serviceCode, tx) : null;
      const required = service ? requiredMaterials(service, fields.variantCode ?? null) : [];
      const department = service?.departmentCode ?? fields.department ?? actor.department;
      if (!department || !this.departments.has(department)) {
        throw new BadInputError("department", "Name the department the matter belongs to, or a service.");
      }
      const student = await this.student(ticket, fields.studentNo ?? null);
      const now = this.clock.now();
      const missing = stillMissing(required, received);
      const item = tx.create(CaseEntity, {
        origin: fields.origin,
        ticketId: ticket?.id ?? null,
        serviceCode: service?.code ?? null,
        variantCode: fields.variantCode ?? null,
        departmentCode: department,
        studentAccountId: student.accountId,
        studentNo: student.studentNo,
        subject,
        status: missing.length ? "AWAITING_MATERIALS" : "OPEN",
        statusBeforeHandover: null,
        firstResponderAccountId: actor.accountId,
        firstResponderBadgeNo: actor.badgeNo,
        ownerAccountId: actor.accountId,
        ownerBadgeNo: actor.badgeNo,
        handoverToDepartment: null,
        handoverRequestedAt: null,
        handoverReason: null,
        missingMaterials: missing,
        receivedMaterials: received,
        materialsCompleteAt: missing.length ? null : now,
        dueAt: missing.length ? null : this.dueFrom(now, service),
        extensionDays: 0,
        extensionReason: null,
        extensionStatus: null,
        answer: null,
        referredTo: null,
        closedAt: null,
        dueSoonAlertedAt: null,
        overdueAlertedAt: null,
        // Written by the hall's clock, to the millisecond like every other instant: the
        // database default keeps whole seconds on SQLite, and list cursors compare this key.
        createdAt: now,
      });
      await tx.save(item);
      await this.log(tx, item, actor, "OPENED", { note: subject, materials: received });
      if (missing.length) {
        await this.log(tx, item, actor, "MATERIALS_MISSING", {
          note: `Told the student to bring: ${missing.map((m) => `${m.name} ×${m.count}`).join("; ")}`,
          materials: missing,
        });
      }
      return item;
    });
  }

  /** The student brought more; when the list is complete the clock starts. */
  async receiveMaterials(actor: Actor, caseId: string, materials: MaterialCount[]): Promise<CaseEntity> {
    const more = cleanMaterials(materials, "materials");
    if (more.length === 0) throw new BadInputError("materials", "Say what was received.");
    return this.change(actor, caseId, undefined, async (tx, item) => {
      this.assertOwner(actor, item);
      assertStatus(item, ["OPEN", "AWAITING_MATERIALS"]);
      item.receivedMaterials = addUp(item.receivedMaterials, more);
      if (item.status !== "AWAITING_MATERIALS") {
        await this.log(tx, item, actor, "MATERIALS_RECEIVED", { materials: more });
        return;
      }
      const service = item.serviceCode ? await this.catalogue.find(item.serviceCode, tx) : null;
      const required = service ? requiredMaterials(service, item.variantCode) : [];
      item.missingMaterials = stillMissing(required, item.receivedMaterials);
      if (item.missingMaterials.length) {
        await this.log(tx, item, actor, "MATERIALS_RECEIVED", { materials: more });
        return;
      }
      const now = this.clock.now();
      item.status = "OPEN";
      item.materialsCompleteAt = now;
      item.dueAt = this.dueFrom(now, service);
      await this.log(tx, item, actor, "MATERIALS_COMPLETE", { materials: more });
    });
  }

  async handOver(
    actor: Actor,
    caseId: string,
    toDepartment: string,
    reason: string,
    materialsReceived: MaterialCount[],
  ): Promise<CaseEntity> {
    if (!this.departments.has(toDepartment)) {
      throw new BadInputError("toDepartment", `There is no department "${toDepartment}".`);
    }
    if (!reason.trim()) throw new BadInputError("reason", "Say why the case goes to that department.");
    const materials = cleanMaterials(materialsReceived, "materialsReceived");
    return this.change(actor, caseId, undefined, async (tx, item) => {
      this.assertOwner(actor, item);
      assertStatus(item, ["OPEN", "AWAITING_MATERIALS"]);
      if (toDepartment === item.departmentCode && actor.role === Role.STAFF) {
        throw new BadInputError("toDepartment", "The case is with that department already.");
      }
      item.statusBeforeHandover = item.status;
      item.status = "HANDOVER_PENDING";
      item.handoverToDepartment = toDepartment;
      item.handoverRequestedAt = this.clock.now();
      item.handoverReason = reason.trim();
      item.receivedMaterials = addUp(item.receivedMaterials, materials);
      await this.log(tx, item, actor, "HANDOVER_REQUESTED", {
        note: reason.trim(),
        materials,
        fromDepartment: item.departmentCode,
        toDepartment,
      });
    });
  }

  /** Staff of the receiving department take the case over; they are its owner from now. */
  async accept(actor: Actor, caseId: string): Promise<CaseEntity> {
    return this.change(actor, caseId, undefined, async (tx, item) => {
      assertStatus(item, ["HANDOVER_PENDING"]);
      this.assertReceiving(actor, item);
      const from = item.departmentCode;
      Object.assign(item, {
        status: item.statusBeforeHandover ?? "OPEN",
        statusBeforeHandover: null,
        departmentCode: item.handoverToDepartment!,
        ownerAccountId: actor.accountId,
        ownerBadgeNo: actor.badgeNo,
        handoverToDepartment: null,
        handoverRequestedAt: null,
      });
      await this.log(tx, item, actor, "HANDOVER_ACCEPTED", { fromDepartment: from, toDepartment: item.departmentCode });
    });
  }

  async decline(actor: Actor, caseId: string, reason: string): Promise<CaseEntity> {
    if (!reason.trim()) throw new BadInputError("reason", "Say why the department does not take it.");
    return this.change(actor, caseId, undefined, async (tx, item) => {
      assertStatus(item, ["HANDOVER_PENDING"]);
      this.assertReceiving(actor, item);
      const to = item.handoverToDepartment;
      this.cancelHandover(item);
      await this.log(tx, item, actor, "HANDOVER_DECLINED", { note: reason.trim(), fromDepartment: to, toDepartment: item.departmentCode });
    });
  }

  /** Closing needs the answer the student was given; a referral out of the hall is a close too. */
  async close(
    actor: Actor,
    caseId: string,
    answer: string,
    referredTo: string | null,
    within?: EntityManager,
  ): Promise<CaseEntity> {
    if (!answer.trim()) throw new BadInputError("answer", "Write down the answer the student was given.");
    return this.change(actor, caseId, within, async (tx, item) => {
      this.assertOwner(actor, item);
      assertStatus(item, ["OPEN", "AWAITING_MATERIALS"]);
      Object.assign(item, {
        status: "CLOSED",
        answer: answer.trim(),
        referredTo: referredTo?.trim() || null,
        closedAt: this.clock.now(),
      });
      await this.log(tx, item, actor, "CLOSED", {
        note: item.referredTo ? `${item.answer} (referred to ${item.referredTo})` : item.answer,
      });
    });
  }

  async requestExtension(actor: Actor, caseId: string, workingDays: number, reason: string) {
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30) {
      throw new BadInputError("workingDays", "An extension is 1 to 30 working days.");
    }
    if (!reason.trim()) throw new BadInputError("reason", "Say why more time is needed.");
    return this.change(actor, caseId, undefined, async (tx, item) => {
      this.assertOwner(actor, item);
      assertStatus(item, ["OPEN"]);
      if (!item.dueAt) throw new ConflictError("The case has no due date yet.");
      if (item.dueAt.getTime() <= this.clock.now().getTime()) throw new ConflictError("The case is overdue already.");
      if (item.extensionStatus === "REQUESTED") throw new ConflictError("An extension is waiting for approval.");
      Object.assign(item, { extensionDays: workingDays, extensionReason: reason.trim(), extensionStatus: "REQUESTED" });
      await this.log(tx, item, actor, "EXTENSION_REQUESTED", { note: `${workingDays} working day(s): ${reason.trim()}` });
    });
  }

  /** A supervisor decides, before the due date; an approved extension moves it and the student sees it. */
  async decideExtension(actor: Actor, caseId: string, approve: boolean): Promise<CaseEntity> {
    return this.change(actor, caseId, undefined, async (tx, item) => {
      if (item.extensionStatus !== "REQUESTED") throw new ConflictError("No extension is waiting for approval.");
      if (!item.dueAt || item.dueAt.getTime() <= this.clock.now().getTime()) {
        throw new ConflictError("An extension must be approved before the due date.");
      }
      if (approve) {
        const calendar = this.calendar.calendar;
        // dueAt is a closing time, the end of its day's hours: take the date just before it, as
        // a 24:00 closing falls on the next date and would add a day to the extension.
        const dueDay = calendar.localDate(new Date(item.dueAt.getTime() - 1));
        const day = calendar.addWorkingDays(dueDay, item.extensionDays);
        item.dueAt = calendar.closingOn(day) ?? item.dueAt;
        item.dueSoonAlertedAt = null;
      }
      item.extensionStatus = approve ? "APPROVED" : "REFUSED";
      await this.log(tx, item, actor, approve ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", {
        note: approve ? `Due ${item.dueAt.toISOString()}` : null,
      });
    });
  }

  /** A case the caller may see; NOT_FOUND otherwise, so other students' ids are not confirmed. */
  async visible(actor: Actor, caseId: string): Promise<CaseEntity> {
    const item = await this.database.manager.findOneBy(CaseEntity, { id: caseId });
    if (!item || !this.departments.has(item.departmentCode) || !(await this.maySee(actor, item))) {
      throw new NotFoundError("Case");
    }
    return item;
  }

  async maySee(actor: Actor, item: CaseEntity): Promise<boolean> {
    switch (actor.role) {
      case Role.ADMIN:
      case Role.SUPERVISOR:
        return true;
      case Role.STAFF:
        return item.departmentCode === actor.department || item.handoverToDepartment === actor.department;
      case Role.STUDENT:
        return item.studentAccountId === actor.accountId;
      case Role.VOLUNTEER: {
        if (item.firstResponderAccountId === actor.accountId || item.ownerAccountId === actor.accountId) return true;
        const touched = await this.database.manager.findOne(CaseEventEntity, {
          where: { caseId: item.id, actorAccountId: actor.accountId },
          select: { id: true },
        });
        return Boolean(touched);
      }
    }
  }

  async history(caseIds: readonly string[]): Promise<Map<string, CaseEventEntity[]>> {
    const rows = await this.database.manager.find(CaseEventEntity, {
      where: { caseId: In([...caseIds]) },
      // The step, not the time: it is the order of writing even when servers' clocks differ.
      order: { step: "ASC" },
    });
    const byCase = new Map<string, CaseEventEntity[]>(caseIds.map((id) => [id, []]));
    for (const row of rows) byCase.get(row.caseId)?.push(row);
    return byCase;
  }

  /**
   * The periodic look at the clock: handovers not accepted in time go back to their owner,
   * and cases due soon or overdue raise one alert each. The conditional updates make each
   * alert go out once even with several server processes sweeping.
   */
  async sweep(handoverMinutes: number, dueSoonHours: number): Promise<number> {
    const now = this.clock.now();
    let alerts = 0;
    const expiredBefore = new Date(now.getTime() - handoverMinutes * 60_000);
    const pending = await this.database.manager
      .createQueryBuilder(CaseEntity, "c")
      .where("c.status = 'HANDOVER_PENDING' AND c.handoverRequestedAt <= :t", { t: sqlTime(expiredBefore) })
      .limit(200)
      .getMany();
    for (const stale of pending) {
      const returned = await this.database.transaction(async (tx, outbox) => {
        const item = await this.lock(tx, stale.id);
        if (item.status !== "HANDOVER_PENDING" || !item.handoverRequestedAt) return false;
        if (item.handoverRequestedAt.getTime() > expiredBefore.getTime()) return false;
        const to = item.handoverToDepartment;
        this.cancelHandover(item);
        await tx.save(item);
        await this.log(tx, item, null, "HANDOVER_EXPIRED", {
          note: `Not accepted within ${handoverMinutes} minutes; back with its owner.`,
          fromDepartment: to,
          toDepartment: item.departmentCode,
        });
        alert(outbox, item, "HANDOVER_NOT_ACCEPTED", now);
        return true;
      });
      if (returned) alerts++;
    }
    alerts += await this.flagOnce("overdueAlertedAt", "OVERDUE", null, now, now);
    // Not yet due: a case already overdue has had its OVERDUE alert and is not "due soon".
    const soon = new Date(now.getTime() + dueSoonHours * 3600_000);
    alerts += await this.flagOnce("dueSoonAlertedAt", "DUE_SOON", now, soon, now);
    return alerts;
  }

  private async flagOnce(
    column: "overdueAlertedAt" | "dueSoonAlertedAt",
    kind: CaseAlertKind,
    dueAfter: Date | null,
    dueBefore: Date,
    now: Date,
  ): Promise<number> {
    const query = this.database.manager
      .createQueryBuilder(CaseEntity, "c")
      .where("c.status <> 'CLOSED' AND c.dueAt IS NOT NULL AND c.dueAt <= :t", { t: sqlTime(dueBefore) })
      .andWhere(`c.${column} IS NULL`);
    if (dueAfter) query.andWhere("c.dueAt > :after", { after: sqlTime(dueAfter) });
    const due = await query.limit(500).getMany();
    let sent = 0;
    for (const item of due) {
      const flagged = await this.database.transaction(async (tx, outbox) => {
        const result = await tx
          .createQueryBuilder()
          .update(CaseEntity)
          .set({ [column]: now })
          .where(`id = :id AND ${column} IS NULL`, { id: item.id })
          .execute();
        if (!result.affected) return false;
        alert(outbox, item, kind, now);
        return true;
      });
      if (flagged) sent++;
    }
    return sent;
  }

  private cancelHandover(item: CaseEntity): void {
    Object.assign(item, {
      status: item.statusBeforeHandover ?? "OPEN",
      statusBeforeHandover: null,
      handoverToDepartment: null,
      handoverRequestedAt: null,
    });
  }

  /** Loads and locks the case, runs the change, saves it: one transaction. */
  private async change(
    actor: Actor,
    caseId: string,
    within: EntityManager | undefined,
    apply: (tx: EntityManager, item: CaseEntity) => Promise<void>,
  ): Promise<CaseEntity> {
    return this.inTransaction(within, async (tx) => {
      const item = await this.lock(tx, caseId);
      if (!(await this.maySee(actor, item))) throw new NotFoundError("Case");
      await apply(tx, item);
      await tx.save(item);
      return item;
    });
  }

  /** The caller's transaction when given (a plugin's), else one of our own. */
  private inTransaction<T>(within: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return within ? work(within) : this.database.transaction(work);
  }

  private async lock(tx: EntityManager, id: string): Promise<CaseEntity> {
    const query = tx.createQueryBuilder(CaseEntity, "c").where("c.id = :id", { id });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const item = await query.getOne();
    if (!item || !this.departments.has(item.departmentCode)) throw new NotFoundError("Case");
    return item;
  }

  private assertOwner(actor: Actor, item: CaseEntity): void {
    if (item.ownerAccountId !== actor.accountId) {
      throw new ForbiddenError(
        `This case is owned by ${item.ownerBadgeNo ? `badge ${item.ownerBadgeNo}` : "someone else"}; only its owner acts on it.`,
      );
    }
  }

  private assertReceiving(actor: Actor, item: CaseEntity): void {
    const ok =
      (actor.role === Role.STAFF && actor.department === item.handoverToDepartment) || actor.role === Role.ADMIN;
    if (!ok) throw new ForbiddenError("Only staff of the receiving department accept or decline a handover.");
  }

  /** A ticket the volunteer has at their window (or, for staff, one of their department). */
  private async ticketAtHand(tx: EntityManager, actor: Actor, ticketId: string): Promise<TicketEntity> {
    // The ticket's row lock makes a second openCase for it wait and then see the first case;
    // without it, concurrent calls on MySQL each found no case and each opened one.
    const query = tx.createQueryBuilder(TicketEntity, "t").where("t.id = :id", { id: ticketId });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const ticket = await query.getOne();
    if (!ticket || !this.departments.has(ticket.departmentCode)) throw new NotFoundError("Ticket");
    const mine = ticket.volunteerAccountId === actor.accountId;
    const department = actor.role === Role.STAFF && actor.department === ticket.departmentCode;
    if (!mine && !department) throw new NotFoundError("Ticket");
    if (await tx.findOneBy(CaseEntity, { ticketId })) {
      throw new ConflictError(`A case is open for ticket ${ticket.number} already.`);
    }
    return ticket;
  }

  private async student(ticket: TicketEntity | null, studentNo: string | null) {
    if (ticket) return { accountId: ticket.studentAccountId, studentNo: ticket.studentNo };
    if (!studentNo) return { accountId: null, studentNo: null };
    if (!/^[A-Za-z0-9-]{1,32}$/.test(studentNo)) {
      throw new BadInputError("studentNo", "A student number is 1 to 32 letters, digits or -.");
    }
    const account = await this.accounts.byStudentNo(studentNo);
    return { accountId: account?.id ?? null, studentNo };
  }

  /** ON_THE_SPOT: by today's closing; PROMISED: the promised working days after today. */
  private dueFrom(completeAt: Date, service: ServiceItemEntity | null): Date | null {
    if (!service) return null;
    const days = service.mode === "PROMISED" ? (service.promisedWorkingDays ?? 0) : 0;
    return this.calendar.calendar.dueAt(completeAt, days);
  }

  private async log(
    tx: EntityManager,
    item: CaseEntity,
    actor: Actor | null,
    kind: CaseEventKind,
    extra: { note?: string | null; materials?: MaterialCount[]; fromDepartment?: string | null; toDepartment?: string | null },
  ): Promise<void> {
    const step = (await tx.countBy(CaseEventEntity, { caseId: item.id })) + 1;
    await tx.insert(CaseEventEntity, {
      caseId: item.id,
      at: this.clock.now(),
      step,
      kind,
      actorAccountId: actor?.accountId ?? null,
      actorBadgeNo: actor?.badgeNo ?? null,
      note: extra.note ?? null,
      materials: (extra.materials?.length ? extra.materials : null) as never,
      fromDepartment: extra.fromDepartment ?? null,
      toDepartment: extra.toDepartment ?? null,
    });
  }
}

function requiredMaterials(service: ServiceItemEntity, variantCode: string | null): MaterialDefinition[] {
  if (!variantCode) return service.materials;
  const variant = service.variants.find((v) => v.code === variantCode);
  if (!variant) throw new BadInputError("variantCode", `Service "${service.code}" has no kind "${variantCode}".`);
  return variant.materials;
}

function cleanMaterials(materials: MaterialCount[], field: string): MaterialCount[] {
  for (const m of materials) {
    if (!m.name?.trim() || m.name.length > 200) throw new BadInputError(field, "Each material needs a name.");
    if (!Number.isInteger(m.count) || m.count < 1 || m.count > 100) {
      throw new BadInputError(field, `The count of "${m.name}" must be 1 to 100.`);
    }
  }
  return addUp([], materials);
}

function assertStatus(item: CaseEntity, allowed: CaseStatus[]): void {
  if (!allowed.includes(item.status)) {
    throw new ConflictError(`The case is ${item.status.toLowerCase().replace(/_/g, " ")}; that cannot be done now.`);
  }
}

function alert(outbox: Outbox, item: CaseEntity, kind: CaseAlertKind, now: Date): void {
  outbox.publish(CASE_ALERTS_TOPIC, {
    kind,
    caseId: item.id,
    department: item.departmentCode,
    dueAt: item.dueAt?.toISOString() ?? null,
    at: now.toISOString(),
  });
}


