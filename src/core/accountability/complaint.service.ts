import type { EntityManager } from "typeorm";
import { type Actor, Role } from "../auth/role";
import type { CalendarService } from "../calendar/calendar.service";
import type { DepartmentRegistry } from "../catalogue/department-registry";
import { CaseEntity } from "../cases/case.entity";
import type { Clock } from "../common/clock";
import type { HallConfig } from "../config/config";
import type { HallDatabase, Outbox } from "../database/hall-database";
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from "../errors/hall-error";
import { TicketEntity } from "../queue/ticket.entity";
import { WindowEntity } from "../windows/window.entity";
import { ComplaintStepEntity, type ComplaintStepKind } from "./complaint-step.entity";
import { ComplaintEntity, type ComplaintStatus } from "./complaint.entity";
import { type FeedEventKind, toFeed } from "./feed-topics";
import type { LadderService } from "./ladder.service";
import { findVolunteer, type Volunteer } from "./volunteers";

export interface ComplaintFields {
  badgeNo?: string | null;
  windowId?: string | null;
  department?: string | null;
  ticketId?: string | null;
  caseId?: string | null;
  text: string;
}

type Change = (
  tx: EntityManager,
  outbox: Outbox,
  complaint: ComplaintEntity,
  now: Date,
) => Promise<void> | void;

const SUPERVISING = [Role.SUPERVISOR, Role.ADMIN];

/**
 * Complaints (投诉问责制): FILED → ACKNOWLEDGED → INVESTIGATING → UPHELD or DISMISSED, each
 * step with its note, within working-day deadlines. A dismissed complaint may be appealed
 * once, and a supervisor other than the one who dismissed it decides.
 */
export class ComplaintService {
  constructor(
    private readonly database: HallDatabase,
    private readonly departments: DepartmentRegistry,
    private readonly calendar: CalendarService,
    private readonly ladder: LadderService,
    private readonly config: HallConfig,
    private readonly clock: Clock,
  ) {}

  async file(actor: Actor, fields: ComplaintFields): Promise<ComplaintEntity> {
    const text = fields.text.trim();
    if (!text) throw new BadInputError("text", "Say what the complaint is about.");
    if (!fields.badgeNo && !fields.windowId && !fields.department && !fields.ticketId && !fields.caseId) {
      throw new BadInputError("badgeNo", "Name whom it is against: a badge number, a window or a department.");
    }
    return this.database.transaction(async (tx, outbox) => {
      const volunteer = fields.badgeNo ? await findVolunteer(tx, fields.badgeNo) : null;
      if (volunteer?.accountId === actor.accountId) {
        throw new BadInputError("badgeNo", "You cannot complain about yourself.");
      }
      const window = fields.windowId ? await this.window(tx, fields.windowId) : null;
      const ticket = fields.ticketId ? await this.ownTicket(tx, actor, fields.ticketId) : null;
      const item = fields.caseId ? await this.ownCase(tx, actor, fields.caseId) : null;
      const implied = window?.departmentCode ?? ticket?.departmentCode ?? item?.departmentCode;
      const department = await this.department(tx, fields.department, window, implied ?? null, volunteer);
      const now = this.clock.now();
      const calendar = this.calendar.calendar;
      const complaint = tx.create(ComplaintEntity, {
        ...blankComplaint(),
        complainantAccountId: actor.accountId,
        complainantStudentNo: actor.studentNo,
        badgeNo: volunteer?.badgeNo ?? null,
        volunteerAccountId: volunteer?.accountId ?? null,
        windowId: window?.id ?? null,
        windowNumber: window?.number ?? null,
        departmentCode: department,
        ticketId: ticket?.id ?? null,
        caseId: item?.id ?? null,
        text,
        status: "FILED",
        filedAt: now,
        acknowledgeDueAt: calendar.dueAt(now, this.config.complaintAckWorkingDays),
        concludeDueAt: calendar.dueAt(now, this.config.complaintConcludeWorkingDays),
        lastChangedAt: now,
      });
      await tx.insert(ComplaintEntity, complaint);
      await this.step(tx, complaint, actor, "FILED", null, now);
      tell(outbox, "COMPLAINT_FILED", now, complaint, `A complaint against ${target(complaint)} was filed.`);
      return complaint;
    });
  }

  acknowledge(actor: Actor, id: string, note: string): Promise<ComplaintEntity> {
    return this.advance(actor, id, ["FILED"], "ACKNOWLEDGED", note, (complaint, now) => {
      complaint.acknowledgedAt = now;
    });
  }

  investigate(actor: Actor, id: string, note: string): Promise<ComplaintEntity> {
    return this.advance(actor, id, ["ACKNOWLEDGED"], "INVESTIGATING", note, (complaint, now) => {
      complaint.investigatingSince = now;
    });
  }

  /** The conclusion, and the answer the complainant is given. */
  async conclude(actor: Actor, id: string, upheld: boolean, answer: string, note?: string | null) {
    const told = required(answer, "answer", "Write the answer the complainant is given.");
    const findings = note?.trim() ? required(note, "note", "") : told;
    const status: ComplaintStatus = upheld ? "UPHELD" : "DISMISSED";
    return this.supervised(actor, id, async (tx, outbox, complaint, now) => {
      assertStatus(complaint, ["INVESTIGATING"]);
      Object.assign(complaint, { status, answer: told, concludedAt: now, concludedByAccountId: actor.accountId });
      if (upheld) complaint.upheldAt = now;
      await this.step(tx, complaint, actor, status, findings, now);
      const summary = `The complaint against ${target(complaint)} was ${status.toLowerCase()}.`;
      tell(outbox, "COMPLAINT_STATUS_CHANGED", now, complaint, summary);
      if (upheld) await this.weigh(tx, outbox, complaint);
    });
  }

  /** The complainant appeals a dismissal, once. */
  async appeal(actor: Actor, id: string, reason: string): Promise<ComplaintEntity> {
    const why = required(reason, "reason", "Say why the dismissal is wrong.");
    return this.change(id, async (tx, outbox, complaint, now) => {
      if (complaint.complainantAccountId !== actor.accountId) throw new NotFoundError("Complaint");
      if (complaint.appealStatus) throw new ConflictError("This complaint has been appealed once already.");
      assertStatus(complaint, ["DISMISSED"]);
      Object.assign(complaint, {
        appealStatus: "PENDING",
        appealReason: why,
        appealedAt: now,
        appealDueAt: this.calendar.calendar.dueAt(now, this.config.complaintConcludeWorkingDays),
      });
      await this.step(tx, complaint, actor, "APPEALED", why, now);
      const summary = `The dismissal of a complaint against ${target(complaint)} was appealed.`;
      tell(outbox, "COMPLAINT_APPEALED", now, complaint, summary);
    });
  }

  /** A supervisor other than the one who dismissed it decides the appeal. */
  async decideAppeal(actor: Actor, id: string, upheld: boolean, answer: string): Promise<ComplaintEntity> {
    const told = required(answer, "answer", "Write the answer the complainant is given.");
    return this.supervised(actor, id, async (tx, outbox, complaint, now) => {
      if (complaint.appealStatus !== "PENDING") {
        throw new ConflictError("No appeal of this complaint is waiting.");
      }
      if (complaint.concludedByAccountId === actor.accountId) {
        throw new ForbiddenError("You dismissed this complaint; a different supervisor decides its appeal.");
      }
      Object.assign(complaint, {
        appealStatus: upheld ? "GRANTED" : "REFUSED",
        appealDecidedAt: now,
        appealDecidedByAccountId: actor.accountId,
        appealAnswer: told,
      });
      if (upheld) Object.assign(complaint, { status: "UPHELD", upheldAt: now });
      await this.step(tx, complaint, actor, upheld ? "APPEAL_GRANTED" : "APPEAL_REFUSED", told, now);
      const outcome = upheld ? "granted: the complaint is upheld" : "refused";
      tell(outbox, "APPEAL_DECIDED", now, complaint, `The appeal on ${target(complaint)} was ${outcome}.`);
      if (upheld) await this.weigh(tx, outbox, complaint);
    });
  }

  /** The ladder counts upheld complaints in SQL, so this one is saved before it counts. */
  private async weigh(tx: EntityManager, outbox: Outbox, complaint: ComplaintEntity): Promise<void> {
    await tx.save(complaint);
    await this.ladder.afterUpheldComplaint(tx, outbox, complaint);
  }

  async steps(complaintIds: readonly string[]): Promise<Map<string, ComplaintStepEntity[]>> {
    const rows = await this.database.manager
      .createQueryBuilder(ComplaintStepEntity, "s")
      .where("s.complaintId IN (:...ids)", { ids: [...complaintIds] })
      .orderBy("s.step", "ASC")
      .getMany();
    const byComplaint = new Map<string, ComplaintStepEntity[]>(complaintIds.map((id) => [id, []]));
    for (const row of rows) byComplaint.get(row.complaintId)?.push(row);
    return byComplaint;
  }

  async get(id: string): Promise<ComplaintEntity> {
    const complaint = await this.database.manager.findOneBy(ComplaintEntity, { id });
    if (!complaint) throw new NotFoundError("Complaint");
    return complaint;
  }

  private advance(
    actor: Actor,
    id: string,
    from: ComplaintStatus[],
    to: ComplaintStatus,
    note: string,
    apply: (complaint: ComplaintEntity, now: Date) => void,
  ): Promise<ComplaintEntity> {
    const written = required(note, "note", "Each step of a complaint carries its note.");
    return this.supervised(actor, id, async (tx, outbox, complaint, now) => {
      assertStatus(complaint, from);
      complaint.status = to;
      apply(complaint, now);
      await this.step(tx, complaint, actor, to as ComplaintStepKind, written, now);
      const summary = `The complaint against ${target(complaint)} is ${to.toLowerCase()}.`;
      tell(outbox, "COMPLAINT_STATUS_CHANGED", now, complaint, summary);
    });
  }

  private supervised(actor: Actor, id: string, work: Change): Promise<ComplaintEntity> {
    if (!SUPERVISING.includes(actor.role)) {
      throw new ForbiddenError("Supervisors and admins handle complaints.");
    }
    return this.change(id, work);
  }

  /** Loads and locks the complaint, applies the change, saves it: one transaction. */
  private change(id: string, work: Change): Promise<ComplaintEntity> {
    return this.database.transaction(async (tx, outbox) => {
      const query = tx.createQueryBuilder(ComplaintEntity, "c").where("c.id = :id", { id });
      if (this.database.dialect === "mysql") query.setLock("pessimistic_write");
      const complaint = await query.getOne();
      if (!complaint) throw new NotFoundError("Complaint");
      const now = this.clock.now();
      await work(tx, outbox, complaint, now);
      complaint.lastChangedAt = now;
      await tx.save(complaint);
      return complaint;
    });
  }

  private async step(
    tx: EntityManager,
    complaint: ComplaintEntity,
    actor: Actor,
    kind: ComplaintStepKind,
    note: string | null,
    at: Date,
  ): Promise<void> {
    const step = (await tx.countBy(ComplaintStepEntity, { complaintId: complaint.id })) + 1;
    await tx.insert(ComplaintStepEntity, {
      complaintId: complaint.id,
      step,
      kind,
      at,
      actorAccountId: actor.accountId,
      note,
    });
  }

  private async window(tx: EntityManager, id: string): Promise<WindowEntity> {
    const window = await tx.findOneBy(WindowEntity, { id });
    if (!window || !this.departments.has(window.departmentCode)) {
      throw new BadInputError("windowId", "There is no such window.");
    }
    return window;
  }

  /** Only one's own visit; another student's is not found, so its id is not confirmed. */
  private async ownTicket(tx: EntityManager, actor: Actor, id: string): Promise<TicketEntity> {
    const ticket = await tx.findOneBy(TicketEntity, { id });
    const theirs = ticket?.studentAccountId === actor.accountId;
    if (!ticket || !theirs || !this.departments.has(ticket.departmentCode)) {
      throw new NotFoundError("Ticket");
    }
    return ticket;
  }

  private async ownCase(tx: EntityManager, actor: Actor, id: string): Promise<CaseEntity> {
    const item = await tx.findOneBy(CaseEntity, { id });
    if (!item || item.studentAccountId !== actor.accountId || !this.departments.has(item.departmentCode)) {
      throw new NotFoundError("Case");
    }
    return item;
  }

  /** The department answerable: as named, else the window's or visit's, else the volunteer's. */
  private async department(
    tx: EntityManager,
    named: string | null | undefined,
    window: WindowEntity | null,
    implied: string | null,
    volunteer: Volunteer | null,
  ): Promise<string> {
    const code = named?.trim() || null;
    if (code && !this.departments.has(code)) {
      throw new BadInputError("department", `There is no department "${code}".`);
    }
    if (code && window && window.departmentCode !== code) {
      const message = `Window ${window.number} belongs to ${window.departmentCode}, not ${code}.`;
      throw new BadInputError("department", message);
    }
    if (code || implied) return (code ?? implied)!;
    if (volunteer?.department && this.departments.has(volunteer.department)) return volunteer.department;
    const onDuty = volunteer
      ? await tx.findOneBy(WindowEntity, { onDutyAccountId: volunteer.accountId })
      : null;
    if (onDuty && this.departments.has(onDuty.departmentCode)) return onDuty.departmentCode;
    throw new BadInputError("department", "Name the department the complaint concerns.");
  }
}

function required(value: string, field: string, message: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BadInputError(field, message);
  if (trimmed.length > 2000) throw new BadInputError(field, "At most 2000 characters.");
  return trimmed;
}

function assertStatus(complaint: ComplaintEntity, allowed: ComplaintStatus[]): void {
  if (!allowed.includes(complaint.status)) {
    throw new ConflictError(`The complaint is ${complaint.status.toLowerCase()}; that cannot be done now.`);
  }
}

/** How the feed names the target, without the complainant. */
export function target(complaint: ComplaintEntity): string {
  if (complaint.badgeNo) return `badge ${complaint.badgeNo}`;
  if (complaint.windowNumber) return `window ${complaint.windowNumber}`;
  return complaint.departmentCode;
}

/** Queues a feed event about the complaint: its target and state, never its complainant. */
function tell(outbox: Outbox, kind: FeedEventKind, at: Date, complaint: ComplaintEntity, summary: string) {
  toFeed(outbox, kind, at, summary, {
    department: complaint.departmentCode,
    badgeNo: complaint.badgeNo,
    complaintId: complaint.id,
    complaintStatus: complaint.status,
    caseId: complaint.caseId,
  });
}

function blankComplaint(): Partial<ComplaintEntity> {
  return {
    acknowledgedAt: null,
    investigatingSince: null,
    concludedAt: null,
    concludedByAccountId: null,
    upheldAt: null,
    answer: null,
    appealStatus: null,
    appealReason: null,
    appealedAt: null,
    appealDueAt: null,
    appealDecidedAt: null,
    appealDecidedByAccountId: null,
    appealAnswer: null,
    acknowledgeMissedAt: null,
    concludeMissedAt: null,
    appealMissedAt: null,
  };
}
