import { In, type EntityManager } from "typeorm";
import {
  type Actor,
  BadInputError,
  ConflictError,
  ForbiddenError,
  type HallCalendar,
  type HallServices,
  isUniqueViolation,
  NotFoundError,
  OutsideServiceHoursError,
  Role,
  assertLocalDate,
} from "../../../core";
import { CommunityRoomEntity } from "../entities/community-room.entity";
import { RoomBookingEntity } from "../entities/room-booking.entity";
import { RoomSlotEntity } from "../entities/room-slot.entity";
import { assertLogisticsStaff, overseesLogistics } from "./logistics-staff";
import {
  addDays,
  BOOKING_HORIZON_DAYS,
  bookableStarts,
  formatMinute,
  gridMinute,
  hoursText,
  localInstant,
  MAX_BOOKING_MINUTES,
  SLOT_MINUTES,
  slotStarts,
} from "./slot-grid";

/** The catalogue item whose hours, when an admin sets them, are the rooms' bookable hours. */
const BOOKING_SERVICE = "community-room-booking";

const SLOT_KEYS = ["PRIMARY", "logistics_room_slot."];
const ROOM_NAME_KEYS = ["uq_logistics_room_name", "logistics_room.name"];

export interface BookingRequest {
  roomId: string;
  date: string;
  startTime: string;
  endTime: string;
  purpose: string;
  attendees: number;
  studentNo?: string | null;
}

export interface RoomFields {
  name?: string | null;
  location?: string | null;
  capacity?: number | null;
  active?: boolean | null;
}

export interface Availability {
  room: CommunityRoomEntity;
  date: string;
  hours: string[];
  slots: SlotState[];
}

export interface SlotState {
  startTime: string;
  endTime: string;
  startsAt: Date;
  available: boolean;
  booked: boolean;
}

/**
 * Community activity rooms and their bookings. A booking holds one row per half hour in
 * logistics_room_slot, keyed by room, day and start, so no two bookings can hold one half hour
 * however many servers write at once. On MySQL the room row is also locked for the booking's
 * transaction, so concurrent bookings of one room queue up and the losers get a clear CONFLICT
 * from the check rather than a key error; SQLite's writes are serialised by the hall anyway.
 */
export class RoomBookingService {
  constructor(private readonly services: HallServices) {}

  async createRoom(actor: Actor, fields: { name: string; location?: string | null; capacity: number }) {
    assertLogisticsStaff(actor);
    const name = requiredText(fields.name, "name");
    return this.withRoomName(name, () =>
      this.services.database.transaction(async (tx) => {
        await assertNameFree(tx, name, null);
        const room = tx.create(CommunityRoomEntity, {
          name,
          location: fields.location?.trim() || null,
          capacity: fields.capacity,
          active: true,
        });
        await tx.save(room);
        await this.audit(tx, actor, "logistics.createRoom", room.id, { name, capacity: room.capacity });
        return room;
      }),
    );
  }

  async updateRoom(actor: Actor, id: string, fields: RoomFields) {
    assertLogisticsStaff(actor);
    const name = fields.name != null ? requiredText(fields.name, "name") : null;
    return this.withRoomName(name ?? "", () =>
      this.services.database.transaction(async (tx) => {
        const room = await this.lockRoom(tx, id);
        if (name) await assertNameFree(tx, name, room.id);
        if (name) room.name = name;
        if (fields.location !== undefined) room.location = fields.location?.trim() || null;
        if (fields.capacity != null) room.capacity = fields.capacity;
        // TODO: taking a room out of use leaves its future bookings standing; staff cancel them
        // one by one. Matters once rooms close for repairs with bookings on them.
        if (fields.active != null) room.active = fields.active;
        await tx.save(room);
        await this.audit(tx, actor, "logistics.updateRoom", room.id, {
          fields: Object.keys(fields).filter((k) => fields[k as keyof RoomFields] !== undefined),
        });
        return room;
      }),
    );
  }

  async room(id: string): Promise<CommunityRoomEntity> {
    const room = await this.services.database.manager.findOneBy(CommunityRoomEntity, { id });
    if (!room) throw new NotFoundError("Community room");
    return room;
  }

  async book(actor: Actor, request: BookingRequest): Promise<RoomBookingEntity> {
    const { date, start, end } = this.checkTimes(request);
    const purpose = requiredText(request.purpose, "purpose");
    const calendar = await this.bookingCalendar();
    const startsAt = localInstant(calendar, date, start);
    const now = this.services.clock.now();
    if (startsAt.getTime() <= now.getTime()) {
      throw new BadInputError(
        "startTime",
        `${date} ${request.startTime} has already begun; book a time still to come.`,
      );
    }
    const today = calendar.localDate(now);
    if (date > addDays(today, BOOKING_HORIZON_DAYS)) {
      throw new BadInputError("date", `Rooms can be booked at most ${BOOKING_HORIZON_DAYS} days ahead.`);
    }
    assertWithinHours(calendar, date, start, end, startsAt);
    const student = await this.answerableStudent(actor, request.studentNo ?? null);
    const starts = slotStarts(start, end);
    const span = `${formatMinute(start)}-${formatMinute(end)}`;

    try {
      return await this.services.database.transaction(async (tx) => {
        const room = await this.lockRoom(tx, request.roomId);
        if (!room.active) {
          throw new ConflictError(`${room.name} is out of use and takes no bookings.`, "roomId");
        }
        if (request.attendees > room.capacity) {
          const asked = `${room.name} holds ${room.capacity} people; ${request.attendees} were asked for.`;
          throw new BadInputError("attendees", asked);
        }
        const taken = await tx.find(RoomSlotEntity, {
          where: { roomId: room.id, date, startMinute: In(starts) },
          order: { startMinute: "ASC" },
        });
        if (taken.length > 0) throw slotTaken(room.name, date, span);

        const booking = tx.create(RoomBookingEntity, {
          roomId: room.id,
          date,
          startMinute: start,
          endMinute: end,
          startsAt,
          endsAt: localInstant(calendar, date, end),
          purpose,
          attendees: request.attendees,
          studentAccountId: student.accountId,
          studentNo: student.studentNo,
          bookedByAccountId: actor.accountId,
          status: "BOOKED",
          cancelledAt: null,
          cancelledByAccountId: null,
          cancelReason: null,
        });
        await tx.insert(RoomBookingEntity, booking);
        await tx.insert(
          RoomSlotEntity,
          starts.map((startMinute) => ({ roomId: room.id, date, startMinute, bookingId: booking.id })),
        );
        await this.audit(tx, actor, "logistics.bookRoom", booking.id, { roomId: room.id, date, span });
        return booking;
      });
    } catch (error) {
      // The key catches what the check could not see: a booking that committed meanwhile.
      if (isUniqueViolation(error, ...SLOT_KEYS)) {
        const room = await this.room(request.roomId);
        throw slotTaken(room.name, date, span);
      }
      throw error;
    }
  }

  /** The booking's student, or logistics staff, cancel a booking that has not begun. */
  async cancel(actor: Actor, bookingId: string, reason: string | null): Promise<RoomBookingEntity> {
    const why = reason == null ? null : requiredText(reason, "reason");
    if (why && why.length > 200) {
      throw new BadInputError("reason", "reason must be at most 200 characters.");
    }
    return this.services.database.transaction(async (tx) => {
      const query = tx.createQueryBuilder(RoomBookingEntity, "b").where("b.id = :id", { id: bookingId });
      if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
      const booking = await query.getOne();
      if (!booking || !this.maySee(actor, booking)) throw new NotFoundError("Room booking");
      const isBooker = booking.studentAccountId === actor.accountId;
      if (!isBooker) assertLogisticsStaff(actor);
      if (booking.status === "CANCELLED") throw new ConflictError("This booking is already cancelled.");
      if (booking.startsAt.getTime() <= this.services.clock.now().getTime()) {
        throw new ConflictError("This booking has already begun and can no longer be cancelled.");
      }
      Object.assign(booking, {
        status: "CANCELLED",
        cancelledAt: this.services.clock.now(),
        cancelledByAccountId: actor.accountId,
        cancelReason: why,
      });
      await tx.save(booking);
      await tx.delete(RoomSlotEntity, { bookingId: booking.id });
      await this.audit(tx, actor, "logistics.cancelRoomBooking", booking.id, { byBooker: isBooker });
      return booking;
    });
  }

  /** Students see their own bookings; logistics staff, supervisors and admins see all. */
  maySee(actor: Actor, booking: RoomBookingEntity): boolean {
    return (
      booking.studentAccountId === actor.accountId ||
      booking.bookedByAccountId === actor.accountId ||
      overseesLogistics(actor)
    );
  }

  async availability(roomId: string, date: string): Promise<Availability> {
    assertLocalDate(date);
    const room = await this.room(roomId);
    const calendar = await this.bookingCalendar();
    const now = this.services.clock.now().getTime();
    const starts = bookableStarts(calendar, date);
    const booked = new Set(
      (await this.services.database.manager.find(RoomSlotEntity, { where: { roomId, date } })).map(
        (slot) => slot.startMinute,
      ),
    );
    return {
      room,
      date,
      hours: hoursText(calendar, date),
      slots: starts.map((start) => {
        const startsAt = localInstant(calendar, date, start);
        const isBooked = booked.has(start);
        return {
          startTime: formatMinute(start),
          endTime: formatMinute(start + SLOT_MINUTES),
          startsAt,
          booked: isBooked,
          available: room.active && !isBooked && startsAt.getTime() > now,
        };
      }),
    };
  }

  async roomsByIds(ids: readonly string[]): Promise<Map<string, CommunityRoomEntity>> {
    const rooms = await this.services.database.manager.findBy(CommunityRoomEntity, { id: In([...ids]) });
    return new Map(rooms.map((room) => [room.id, room]));
  }

  /**
   * The rooms' bookable hours: the booking service's own hours when an admin has set them,
   * else the hall's, with the hall's holidays and make-up days either way.
   */
  private async bookingCalendar(): Promise<HallCalendar> {
    const service = await this.services.catalogue.find(BOOKING_SERVICE);
    if (!service || service.retiredAt) {
      throw new ConflictError("Community room booking is not offered at the moment.");
    }
    return this.services.calendar.withHours(service.hours);
  }

  private checkTimes(request: BookingRequest) {
    assertLocalDate(request.date);
    const start = gridMinute(request.startTime, "startTime");
    const end = gridMinute(request.endTime, "endTime", true);
    if (end <= start) throw new BadInputError("endTime", "endTime must be later than startTime.");
    if (end - start > MAX_BOOKING_MINUTES) {
      throw new BadInputError("endTime", `A booking lasts at most ${MAX_BOOKING_MINUTES / 60} hours.`);
    }
    return { date: request.date, start, end };
  }

  /** A student books for themselves; logistics staff at the window name the student. */
  private async answerableStudent(actor: Actor, studentNo: string | null) {
    if (actor.role === Role.STUDENT) {
      if (studentNo && studentNo !== actor.studentNo) {
        throw new ForbiddenError("A student books rooms under their own student number only.");
      }
      return { accountId: actor.accountId, studentNo: actor.studentNo };
    }
    assertLogisticsStaff(actor);
    const number = studentNo?.trim();
    if (!number) {
      throw new BadInputError("studentNo", "Give the number of the student answerable for the room.");
    }
    const account = await this.services.accounts.byStudentNo(number);
    return { accountId: account?.id ?? null, studentNo: number };
  }

  private async lockRoom(tx: EntityManager, id: string): Promise<CommunityRoomEntity> {
    const query = tx.createQueryBuilder(CommunityRoomEntity, "r").where("r.id = :id", { id });
    if (this.services.database.dialect === "mysql") query.setLock("pessimistic_write");
    const room = await query.getOne();
    if (!room) throw new NotFoundError("Community room");
    return room;
  }

  private async withRoomName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error, ...ROOM_NAME_KEYS)) throw roomNameTaken(name);
      throw error;
    }
  }

  private audit(
    tx: EntityManager,
    actor: Actor,
    action: string,
    subjectId: string,
    details: Record<string, unknown>,
  ) {
    const line = { actorId: actor.accountId, action, subjectType: "RoomBooking", subjectId, details };
    return this.services.audit.record(tx, line);
  }
}

function assertWithinHours(
  calendar: HallCalendar,
  date: string,
  start: number,
  end: number,
  startsAt: Date,
): void {
  const hours = calendar.hoursOn(date);
  if (hours.some((interval) => interval.from <= start && end <= interval.to)) return;
  const next = calendar.nextOpening(startsAt);
  if (hours.length === 0) {
    const closed = `The hall is closed on ${date}; rooms cannot be booked that day.`;
    throw new OutsideServiceHoursError(closed, next);
  }
  throw new OutsideServiceHoursError(
    `On ${date} rooms can be booked within ${hoursText(calendar, date).join(", ")} only.`,
    next,
  );
}

async function assertNameFree(tx: EntityManager, name: string, exceptId: string | null): Promise<void> {
  const clash = await tx.findOneBy(CommunityRoomEntity, { name });
  if (clash && clash.id !== exceptId) throw roomNameTaken(name);
}

function roomNameTaken(name: string): ConflictError {
  return new ConflictError(`A room named ${name} exists already.`, "name");
}

function slotTaken(room: string, date: string, span: string): ConflictError {
  return new ConflictError(`${room} is already booked for part of ${date} ${span}.`, "startTime");
}

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new BadInputError(field, `${field} must not be blank.`);
  return text;
}
