import { DateTime } from "luxon";
import { BadInputError, type HallCalendar } from "../../../core";

/** Rooms are booked by the half hour, from one grid line to another. */
export const SLOT_MINUTES = 30;

/** Longer than this and one club would hold a room for the day. */
export const MAX_BOOKING_MINUTES = 4 * 60;

/** How far ahead a room may be booked, in days. */
export const BOOKING_HORIZON_DAYS = 60;

const TIME = /^(\d{2}):(\d{2})$/;

/** "HH:MM" on the 30-minute grid as minutes after midnight; 24:00 only as an end. */
export function gridMinute(text: string, field: string, isEnd = false): number {
  const match = TIME.exec(text.trim());
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const limit = isEnd ? 1440 : 1440 - SLOT_MINUTES;
  if (!match || Number(match[2]) > 59 || minute > limit) {
    const last = isEnd ? "24:00" : "23:30";
    throw new BadInputError(field, `${field} must be a time written HH:MM, from 00:00 to ${last}.`);
  }
  if (minute % SLOT_MINUTES !== 0) {
    throw new BadInputError(field, `${field} must fall on the half hour (for example 14:00 or 14:30).`);
  }
  return minute;
}

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The instant of a wall-clock minute on a local date in the hall's zone; 1440 is the next midnight. */
export function localInstant(calendar: HallCalendar, date: string, minute: number): Date {
  const day = minute >= 1440 ? addDays(date, 1) : date;
  const ofDay = minute % 1440;
  // Set as wall-clock time, not added as a duration, so a DST change in another zone cannot shift it.
  return DateTime.fromISO(day, { zone: calendar.timeZone })
    .set({ hour: Math.floor(ofDay / 60), minute: ofDay % 60 })
    .toJSDate();
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "utc" }).plus({ days }).toISODate()!;
}

/** The start minutes of the half hours from `from` (inclusive) to `to` (exclusive). */
export function slotStarts(from: number, to: number): number[] {
  const starts: number[] = [];
  for (let minute = from; minute < to; minute += SLOT_MINUTES) starts.push(minute);
  return starts;
}

/** The grid half hours that lie wholly inside the day's opening hours. */
export function bookableStarts(calendar: HallCalendar, date: string): number[] {
  return calendar.hoursOn(date).flatMap((interval) => {
    const first = Math.ceil(interval.from / SLOT_MINUTES) * SLOT_MINUTES;
    const last = Math.floor(interval.to / SLOT_MINUTES) * SLOT_MINUTES;
    return slotStarts(first, last);
  });
}

/** The day's opening hours as text, e.g. "09:00-19:30", for messages and the schema. */
export function hoursText(calendar: HallCalendar, date: string): string[] {
  return calendar.hoursOn(date).map((i) => `${formatMinute(i.from)}-${formatMinute(i.to)}`);
}
