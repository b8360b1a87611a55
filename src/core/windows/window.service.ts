import { In, IsNull, type EntityManager } from "typeorm";
import type { Actor } from "../auth/role";
import { Role } from "../auth/role";
import { assertActsForDepartment } from "../auth/access";
import type { AuditService } from "../audit/audit.service";
import { OpeningHoursFormatError, parseOpeningHours } from "../calendar/opening-hours";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import { ServiceItemEntity } from "../catalogue/service-item.entity";
import type { HallDatabase, Outbox } from "../database/hall-database";
import { queueTopic } from "../queue/queue-topics";
import { isUniqueViolation } from "../database/unique-violation";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import { TicketEntity } from "../queue/ticket.entity";
import { WindowShiftEntity } from "./window-shift.entity";
import { WindowEntity } from "./window.entity";

export interface WindowFields {
  number: string;
  department: string;
  serviceCodes: string[];
  hours?: string | null;
}

/** Decides whether an account may go on window duty (the accountability ladder can bar one). */
export type DutyGate = (tx: EntityManager, actor: Actor) => Promise<void>;

/** The hall's windows and who is on duty at each. */
export class WindowService {
  private readonly dutyGates: DutyGate[] = [];

  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly audit: AuditService,
  ) {}

  /** Lets a plugin or core module refuse sign-on, e.g. for a volunteer taken off duty. */
  addDutyGate(gate: DutyGate): void {
    this.dutyGates.push(gate);
  }

  async create(actor: Actor, fields: WindowFields): Promise<WindowEntity> {
    const number = fields.number.trim();
    if (!/^[A-Za-z0-9-]{1,16}$/.test(number)) {
      throw new BadInputError("number", "A window number is 1 to 16 letters, digits or -.");
    }
    if (!this.departments.has(fields.department)) {
      throw new BadInputError("department", `There is no department "${fields.department}".`);
    }
    checkHours(fields.hours);
    return this.database.transaction(async (tx) => {
      await this.checkServices(tx, fields.department, fields.serviceCodes);
      if (await tx.findOneBy(WindowEntity, { number })) {
        throw new ConflictError(`Window ${number} exists already.`, "number");
      }
      const window = tx.create(WindowEntity, {
        number,
        departmentCode: fields.department,
        serviceCodes: [...new Set(fields.serviceCodes)],
        hours: fields.hours?.trim() || null,
        onDutyAccountId: null,
        onDutyBadgeNo: null,
        onDutySince: null,
        active: true,
      });
      await tx.save(window);
      await this.audit.record(tx, {
        actorId: actor.accountId,
        action: "window.create",
        subjectType: "Window",
        subjectId: window.id,
        details: { number, department: fields.department },
      });
      return window;
    }).catch((error) => {
      // Two admins opening one number at once both pass the check above on MySQL.
      if (isUniqueViolation(error, "uq_service_window_number", "service_window.number")) {
        throw new ConflictError(`Window ${number} exists already.`, "number");
      }
      throw error;
    });
  }

  async update(
    actor: Actor,
    id: string,
    changes: { serviceCodes?: string[]; hours?: string | null; active?: boolean },
  ): Promise<WindowEntity> {
    checkHours(changes.hours);
    return this.database.transaction(async (tx) => {
      const window = await this.lockWindow(tx, id);
      if (changes.serviceCodes) {
        await this.checkServices(tx, window.departmentCode, changes.serviceCodes);
        window.serviceCodes = [...new Set(changes.serviceCodes)];
      }
      if (changes.hours !== undefined) window.hours = changes.hours?.trim() || null;
      if (changes.active !== undefined) {
        if (!changes.active && window.onDutyAccountId) {
          throw new ConflictError(`Window ${window.number} has someone on duty; sign them off first.`);
        }
        window.active = changes.active;
      }
      await tx.save(window);
      await this.audit.record(tx, {
        actorId: actor.accountId,
        action: "window.update",
        subjectType: "Window",
        subjectId: window.id,
        details: { fields: Object.keys(changes) },
      });
      return window;
    });
  }

  async signOn(actor: Actor, windowId: string): Promise<WindowEntity> {
    return this.database.transaction(async (tx) => {
      const window = await this.lockWindow(tx, windowId);
      if (actor.role === Role.STAFF) assertActsForDepartment(actor, window.departmentCode);
      if (!window.active) throw new ConflictError(`Window ${window.number} is closed.`);
      if (window.onDutyAccountId === actor.accountId) return window;
      if (window.onDutyAccountId) {
        throw new ConflictError(
          `Window ${window.number} already has ${window.onDutyBadgeNo ? `badge ${window.onDutyBadgeNo}` : "someone"} on duty.`,
        );
      }
      for (const gate of this.dutyGates) await gate(tx, actor);
      const elsewhere = await tx.findOneBy(WindowEntity, { onDutyAccountId: actor.accountId });
      if (elsewhere) throw new ConflictError(`You are on duty at window ${elsewhere.number}; sign off there first.`);

      const now = new Date();
      // The IS NULL guard makes the claim atomic even without the row lock (SQLite).
      const claimed = await tx.update(
        WindowEntity,
        { id: window.id, onDutyAccountId: IsNull() },
        { onDutyAccountId: actor.accountId, onDutyBadgeNo: actor.badgeNo, onDutySince: now },
      );
      if (!claimed.affected) throw new ConflictError(`Window ${window.number} was just taken by someone else.`);
      await tx.insert(WindowShiftEntity, {
        windowId: window.id,
        accountId: actor.accountId,
        badgeNo: actor.badgeNo,
        startedAt: now,
        endedAt: null,
      });
      return Object.assign(window, {
        onDutyAccountId: actor.accountId,
        onDutyBadgeNo: actor.badgeNo,
        onDutySince: now,
      });
    }).catch((error) => {
      if (isUniqueViolation(error, "uq_service_window_on_duty", "onDutyAccountId")) {
        throw new ConflictError("You are on duty at another window; sign off there first.");
      }
      throw error;
    });
  }

  async signOff(actor: Actor, windowId: string): Promise<WindowEntity> {
    return this.database.transaction(async (tx, outbox) => {
      const window = await this.lockWindow(tx, windowId);
      const supervising = actor.role === Role.ADMIN || actor.role === Role.SUPERVISOR;
      if (window.onDutyAccountId !== actor.accountId && !supervising) {
        throw new ForbiddenError(`You are not on duty at window ${window.number}.`);
      }
      if (!window.onDutyAccountId) return window;
      const held = await tx.findOne(TicketEntity, {
        where: { windowId: window.id, status: In(["CALLED", "SERVING"]) },
      });
      if (held && !supervising) {
        throw new ConflictError(`Finish ticket ${held.number} (complete it or mark a no-show) before signing off.`);
      }
      if (held) await returnToQueue(tx, outbox, window);
      await tx.update(
        WindowShiftEntity,
        { windowId: window.id, accountId: window.onDutyAccountId, endedAt: IsNull() },
        { endedAt: new Date() },
      );
      Object.assign(window, { onDutyAccountId: null, onDutyBadgeNo: null, onDutySince: null });
      await tx.save(window);
      return window;
    });
  }

  async get(id: string, manager: EntityManager = this.database.manager): Promise<WindowEntity> {
    const window = await manager.findOneBy(WindowEntity, { id });
    if (!window || !this.departments.has(window.departmentCode)) throw new NotFoundError("Window");
    return window;
  }

  async list(department?: string): Promise<WindowEntity[]> {
    const codes = department ? [department] : this.departments.codes();
    if (codes.some((code) => !this.departments.has(code))) return [];
    return this.database.manager.find(WindowEntity, {
      where: { departmentCode: In(codes) },
      order: { number: "ASC" },
      take: 200,
    });
  }

  /** The window row, locked against other writers until the transaction ends (MySQL). */
  private async lockWindow(tx: EntityManager, id: string): Promise<WindowEntity> {
    const query = tx.createQueryBuilder(WindowEntity, "w").where("w.id = :id", { id });
    if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
    const window = await query.getOne();
    if (!window || !this.departments.has(window.departmentCode)) throw new NotFoundError("Window");
    return window;
  }

  private async checkServices(tx: EntityManager, department: string, codes: string[]): Promise<void> {
    if (codes.length === 0) throw new BadInputError("serviceCodes", "A window serves at least one service.");
    const found = await tx.findBy(ServiceItemEntity, { code: In(codes) });
    for (const code of codes) {
      const item = found.find((s) => s.code === code);
      if (!item) throw new BadInputError("serviceCodes", `There is no service "${code}".`);
      if (item.departmentCode !== department) {
        throw new BadInputError("serviceCodes", `Service "${code}" belongs to ${item.departmentCode}, not ${department}.`);
      }
    }
  }
}

/**
 * A supervisor signed a volunteer off while numbers were at the window: they go back to
 * waiting, first in line again (their seq is kept), and the board hears of it.
 */
async function returnToQueue(tx: EntityManager, outbox: Outbox, window: WindowEntity): Promise<void> {
  const held = await tx.findBy(TicketEntity, { windowId: window.id, status: In(["CALLED", "SERVING"]) });
  for (const ticket of held) {
    Object.assign(ticket, {
      status: "WAITING",
      windowId: null,
      windowNumber: null,
      volunteerAccountId: null,
      badgeNo: null,
      calledAt: null,
      servingAt: null,
    });
    await tx.save(ticket);
    const waiting = await tx.countBy(TicketEntity, {
      departmentCode: ticket.departmentCode,
      status: "WAITING",
      serviceDay: ticket.serviceDay,
    });
    outbox.publish(queueTopic(ticket.departmentCode), {
      department: ticket.departmentCode,
      kind: "RETURNED",
      number: ticket.number,
      window: window.number,
      waiting,
      at: new Date().toISOString(),
    });
  }
}

function checkHours(hours: string | null | undefined): void {
  if (!hours) return;
  try {
    parseOpeningHours(hours);
  } catch (error) {
    if (error instanceof OpeningHoursFormatError) throw new BadInputError("hours", error.message);
    throw error;
  }
}
