import type { EntityManager } from "typeorm";
import {
  type Actor,
  assertLocalDate,
  BadInputError,
  ConflictError,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
} from "../../../core";
import {
  DormitoryRequestEntity,
  type DormitoryRequestKind,
  type DormitoryRequestStatus,
} from "../entities/dormitory-request.entity";
import { assertLogisticsStaff, overseesLogistics } from "./logistics-staff";
import { addDays } from "./slot-grid";

const OPEN_KEYS = ["uq_logistics_dorm_open", "logistics_dormitory_request.openKey"];

/** A short stay is short: beyond this it is a move-out or a leave of absence. */
export const MAX_STAY_DAYS = 30;
/** How far ahead a request may be dated. */
const HORIZON_DAYS = 366;

const KIND_NAMES: Record<DormitoryRequestKind, string> = {
  REGISTRATION: "dormitory registration",
  ROOM_CHANGE: "room change",
  MOVE_OUT: "move-out",
  OFF_CAMPUS_STAY: "off-campus stay",
};

/** What a student writes on one of the four forms; each kind uses its own fields. */
export interface DormitoryForm {
  room?: string | null;
  requestedRoom?: string | null;
  fromDate?: string | null;
  untilDate?: string | null;
  returnDate?: string | null;
  reason: string;
}

/**
 * Dormitory requests from submission to decision. Every change locks the request's row on
 * MySQL (SQLite's writes are serialised by the hall), so two staff deciding at once cannot
 * both win; the open-request key keeps a student to one open request of each kind.
 */
export class DormitoryService {
  constructor(private readonly services: HallServices) {}

  // TODO: only the student submits, through the API; the window cannot yet file a paper form
  // for a walk-in, and the student hears of a decision only by looking (no subscription), nor
  // can they withdraw a request. Matters when the window goes paperless.
  async submit(
    actor: Actor,
    kind: DormitoryRequestKind,
    form: DormitoryForm,
  ): Promise<DormitoryRequestEntity> {
    const fields = this.checkForm(kind, form);
    const openKey = `${actor.accountId}:${kind}`;
    try {
      return await this.services.database.transaction(async (tx) => {
        if (await tx.findOneBy(DormitoryRequestEntity, { openKey })) throw alreadyOpen(kind);
        const request = tx.create(DormitoryRequestEntity, {
          kind,
          status: "SUBMITTED",
          studentAccountId: actor.accountId,
          studentNo: actor.studentNo,
          openKey,
          requestedRoom: null,
          assignedRoom: null,
          room: null,
          fromDate: null,
          untilDate: null,
          returnDate: null,
          ...fields,
          decisionNote: null,
          decidedByAccountId: null,
          decidedAt: null,
          completedAt: null,
          submittedAt: this.services.clock.now(),
        });
        await tx.insert(DormitoryRequestEntity, request);
        await this.audit(tx, actor, "logistics.submitDormitoryRequest", request.id, { kind });
        return request;
      });
    } catch (error) {
      if (isUniqueViolation(error, ...OPEN_KEYS)) throw alreadyOpen(kind);
      throw error;
    }
  }

  async approve(actor: Actor, id: string, note: string | null, assignedRoom: string | null) {
    assertLogisticsStaff(actor);
    const cleanNote = optionalText(note, "note", 500);
    const room = optionalText(assignedRoom, "assignedRoom", 32);
    return this.change(actor, id, "logistics.approveDormitoryRequest", (request) => {
      assertStatus(request, ["SUBMITTED"], "approved");
      if (request.kind === "ROOM_CHANGE" && !room) {
        throw new BadInputError("assignedRoom", "Approving a room change needs the room assigned.");
      }
      if (request.kind !== "ROOM_CHANGE" && room) {
        throw new BadInputError("assignedRoom", "Only a room change is assigned a room.");
      }
      request.status = "APPROVED";
      request.assignedRoom = room;
      request.decisionNote = cleanNote;
      // An approved move-out stays open until it is completed; the others are settled now.
      if (request.kind !== "MOVE_OUT") request.openKey = null;
      this.decided(actor, request);
    });
  }

  async refuse(actor: Actor, id: string, reason: string) {
    assertLogisticsStaff(actor);
    const why = optionalText(reason, "reason", 500);
    if (!why) throw new BadInputError("reason", "A refusal needs its reason, for the student to read.");
    return this.change(actor, id, "logistics.refuseDormitoryRequest", (request) => {
      assertStatus(request, ["SUBMITTED"], "refused");
      request.status = "REFUSED";
      request.decisionNote = why;
      request.openKey = null;
      this.decided(actor, request);
    });
  }

  /** The room is checked and the keys are back: an approved move-out is done. */
  async completeMoveOut(actor: Actor, id: string) {
    assertLogisticsStaff(actor);
    return this.change(actor, id, "logistics.completeMoveOut", (request) => {
      if (request.kind !== "MOVE_OUT") {
        throw new ConflictError(`Only a move-out is completed; this is a ${KIND_NAMES[request.kind]}.`);
      }
      if (request.status !== "APPROVED") {
        const state = request.status.toLowerCase();
        throw new ConflictError(
          `This move-out is ${state}, not approved: only an approved move-out can be completed.`,
        );
      }
      request.status = "COMPLETED";
      request.completedAt = this.services.clock.now();
      request.openKey = null;
    });
  }

  /** A request the caller may see: the student's own, or any for logistics' overseers. */
  async visible(actor: Actor, id: string): Promise<DormitoryRequestEntity> {
    const request = await this.services.database.manager.findOneBy(DormitoryRequestEntity, { id });
    if (!request || !this.maySee(actor, request)) throw new NotFoundError("Dormitory request");
    return request;
  }

  maySee(actor: Actor, request: DormitoryRequestEntity): boolean {
    return request.studentAccountId === actor.accountId || overseesLogistics(actor);
  }

  private async change(
    actor: Actor,
    id: string,
    action: string,
    apply: (request: DormitoryRequestEntity) => void,
  ): Promise<DormitoryRequestEntity> {
    return this.services.database.transaction(async (tx) => {
      const query = tx.createQueryBuilder(DormitoryRequestEntity, "d").where("d.id = :id", { id });
      if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
      const request = await query.getOne();
      if (!request || !this.maySee(actor, request)) throw new NotFoundError("Dormitory request");
      apply(request);
      await tx.save(request);
      await this.audit(tx, actor, action, request.id, { kind: request.kind, status: request.status });
      return request;
    });
  }

  private decided(actor: Actor, request: DormitoryRequestEntity): void {
    request.decidedByAccountId = actor.accountId;
    request.decidedAt = this.services.clock.now();
  }

  /** The fields of one kind's form, checked; fields another kind uses are refused by name. */
  private checkForm(kind: DormitoryRequestKind, form: DormitoryForm) {
    const today = this.services.calendar.calendar.localDate(this.services.clock.now());
    const reason = optionalText(form.reason, "reason", 500);
    if (!reason) throw new BadInputError("reason", "Give the reason for the request.");
    const room = optionalText(form.room ?? null, "room", 32);
    switch (kind) {
      case "REGISTRATION": {
        const fromDate = upcomingDate(form.fromDate, "fromDate", today);
        const untilDate = upcomingDate(form.untilDate, "untilDate", today);
        if (untilDate < fromDate) {
          throw new BadInputError("untilDate", "untilDate must not be before fromDate.");
        }
        return { reason, room: requireRoom(room), fromDate, untilDate };
      }
      case "ROOM_CHANGE": {
        const requestedRoom = optionalText(form.requestedRoom ?? null, "requestedRoom", 32);
        if (requestedRoom && requestedRoom === room) {
          throw new BadInputError("requestedRoom", "The room asked for is the room the student has.");
        }
        return { reason, room: requireRoom(room), requestedRoom };
      }
      case "MOVE_OUT":
        // The form calls the day of leaving moveOutDate; it is kept as fromDate.
        const fromDate = upcomingDate(form.fromDate, "moveOutDate", today);
        return { reason, room: requireRoom(room), fromDate };
      case "OFF_CAMPUS_STAY": {
        const fromDate = upcomingDate(form.fromDate, "fromDate", today);
        const returnDate = upcomingDate(form.returnDate, "returnDate", today);
        if (returnDate <= fromDate) {
          throw new BadInputError("returnDate", "returnDate must be after fromDate.");
        }
        if (returnDate > addDays(fromDate, MAX_STAY_DAYS)) {
          throw new BadInputError("returnDate", `A short stay lasts at most ${MAX_STAY_DAYS} days.`);
        }
        return { reason, fromDate, returnDate };
      }
    }
  }

  private audit(
    tx: EntityManager,
    actor: Actor,
    action: string,
    subjectId: string,
    details: Record<string, unknown>,
  ) {
    // Kind and state only: the reason may hold a student's private circumstances.
    return this.services.audit.record(tx, {
      actorId: actor.accountId,
      action,
      subjectType: "DormitoryRequest",
      subjectId,
      details,
    });
  }
}

function assertStatus(
  request: DormitoryRequestEntity,
  allowed: DormitoryRequestStatus[],
  verb: string,
): void {
  if (!allowed.includes(request.status)) {
    const state = request.status.toLowerCase();
    throw new ConflictError(`This ${KIND_NAMES[request.kind]} is ${state} and cannot be ${verb}.`);
  }
}

function alreadyOpen(kind: DormitoryRequestKind): ConflictError {
  return new ConflictError(`You already have an open ${KIND_NAMES[kind]} request; wait for its answer.`);
}

function requireRoom(room: string | null): string {
  if (!room) throw new BadInputError("room", "Give the dormitory room, e.g. 12-305.");
  return room;
}

function upcomingDate(value: string | null | undefined, field: string, today: string): string {
  if (!value) throw new BadInputError(field, `${field} is required for this request.`);
  assertLocalDate(value, field);
  if (value < today) throw new BadInputError(field, `${field} must be today or later.`);
  if (value > addDays(today, HORIZON_DAYS)) {
    throw new BadInputError(field, `${field} must be within a year.`);
  }
  return value;
}

function optionalText(value: string | null, field: string, max: number): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max) throw new BadInputError(field, `${field} must be at most ${max} characters.`);
  return text || null;
}
