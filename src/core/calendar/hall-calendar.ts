/**
 * The hall's calendar: which days it works, when it is open, and when a promised item is due.
 * Pure computation; every time-zone conversion goes through luxon with the hall's zone, so the
 * machine's own zone never matters.
 */
import { DateTime, IANAZone } from "luxon";
import { assertWeeklyHours, type Interval, type WeeklyHours } from "./opening-hours";

/** A calendar date `YYYY-MM-DD` in the hall's time zone. */
export type LocalDate = string;

/** Exceptions to the weekly hours; each value is the holiday's name or the reason. */
export interface CalendarDays {
  /** Days the hall is closed although the weekly hours would open it (public holidays). */
  closed: Map<LocalDate, string>;
  /** Weekend days the hall works although the weekly hours would close it (调休上班). */
  extraWorkdays: Map<LocalDate, string>;
}

/** Construction options for {@link HallCalendar}. */
export interface HallCalendarOptions {
  /** IANA time zone of the hall, e.g. `Asia/Shanghai`. */
  timeZone: string;
  weeklyHours: WeeklyHours;
  days: CalendarDays;
}

/** The hall's default time zone. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** How far searches look ahead before concluding that the hall never opens. */
const SEARCH_LIMIT_DAYS = 400;
/** A longer closed span than this in a holiday file is certainly a typo. */
const MAX_CLOSED_SPAN_DAYS = 31;

const WEEKDAY_NAMES = [
  "",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/**
 * Reads a holiday arrangement file in the format of `holidays/cn-2026.json`:
 * `closed: [{ from, to, name }]` (inclusive spans) and `extraWorkdays: [{ date, for }]`, with
 * an optional `weekday` on extra workdays that is checked against the date.
 * Closed spans are expanded to single days; an extra workday maps to the holiday it makes up for.
 *
 * @throws Error naming the offending entry when the file is malformed, when a span runs
 *   backwards or is implausibly long, or when a day is listed twice or as both closed and worked.
 */
export function holidaysFromFile(json: unknown): CalendarDays {
  if (!isRecord(json)) {
    throw new Error("Holiday file: expected a JSON object with `closed` and `extraWorkdays`");
  }
  const { closed, extraWorkdays } = json;
  if (!Array.isArray(closed)) {
    throw new Error("Holiday file: `closed` must be an array of { from, to, name }");
  }
  if (!Array.isArray(extraWorkdays)) {
    throw new Error("Holiday file: `extraWorkdays` must be an array of { date, for }");
  }

  const days: CalendarDays = { closed: new Map(), extraWorkdays: new Map() };
  closed.forEach((entry: unknown, i) => {
    const where = `closed[${i}]`;
    if (!isRecord(entry)) {
      throw new Error(`Holiday file: ${where} must be an object { from, to, name }`);
    }
    const from = fileDate(entry.from, `${where}.from`);
    const to = fileDate(entry.to, `${where}.to`);
    const name = fileText(entry.name, `${where}.name`);
    const length = to.diff(from, "days").days + 1;
    if (length < 1) {
      throw new Error(`Holiday file: ${where} ends (${entry.to}) before it starts (${entry.from})`);
    }
    if (length > MAX_CLOSED_SPAN_DAYS) {
      throw new Error(
        `Holiday file: ${where} spans ${length} days; at most ${MAX_CLOSED_SPAN_DAYS} are accepted`,
      );
    }
    for (let day = from; day <= to; day = day.plus({ days: 1 })) {
      const date = day.toISODate() as LocalDate;
      const previous = days.closed.get(date);
      if (previous !== undefined) {
        throw new Error(`Holiday file: ${date} is closed twice (${previous} and ${name})`);
      }
      days.closed.set(date, name);
    }
  });
  extraWorkdays.forEach((entry: unknown, i) => {
    const where = `extraWorkdays[${i}]`;
    if (!isRecord(entry)) {
      throw new Error(`Holiday file: ${where} must be an object { date, for }`);
    }
    const day = fileDate(entry.date, `${where}.date`);
    const reason = fileText(entry.for, `${where}.for`);
    const date = day.toISODate() as LocalDate;
    if (entry.weekday !== undefined && entry.weekday !== WEEKDAY_NAMES[day.weekday]) {
      throw new Error(
        `Holiday file: ${where} says ${date} is a ${String(entry.weekday)}, ` +
          `but it is a ${WEEKDAY_NAMES[day.weekday]}`,
      );
    }
    if (days.extraWorkdays.has(date)) {
      throw new Error(`Holiday file: ${date} is listed twice as an extra workday`);
    }
    const closedFor = days.closed.get(date);
    if (closedFor !== undefined) {
      throw new Error(`Holiday file: ${date} is both closed (${closedFor}) and an extra workday`);
    }
    days.extraWorkdays.set(date, reason);
  });
  return days;
}

/**
 * Working days and opening times of the hall, in the hall's own time zone.
 * Instances are immutable: the options are validated and copied on construction.
 */
export class HallCalendar {
  private readonly zone: IANAZone;
  private readonly weeklyHours: WeeklyHours;
  private readonly closed: ReadonlyMap<LocalDate, string>;
  private readonly extraWorkdays: ReadonlyMap<LocalDate, string>;
  /** Hours worked on a make-up day that the weekly hours leave closed. */
  private readonly makeUpHours: Interval[];

  /**
   * @throws RangeError on an unknown time zone, malformed weekly hours, or a malformed date or a
   *   date both closed and worked in `days`.
   */
  constructor(options: HallCalendarOptions) {
    const { timeZone, weeklyHours, days } = options;
    // Only IANA names: "local"/"system" would make results depend on the machine.
    if (typeof timeZone !== "string" || !IANAZone.isValidZone(timeZone)) {
      throw new RangeError(`Unknown time zone "${String(timeZone)}"; expected an IANA name`);
    }
    this.zone = IANAZone.create(timeZone) as IANAZone;
    assertWeeklyHours(weeklyHours);
    this.weeklyHours = weeklyHours.map((day) => day.map((interval) => ({ ...interval })));
    for (const date of [...days.closed.keys(), ...days.extraWorkdays.keys()]) {
      calendarDay(date);
    }
    for (const date of days.extraWorkdays.keys()) {
      if (days.closed.has(date)) {
        throw new RangeError(`${date} cannot be both closed and an extra workday`);
      }
    }
    this.closed = new Map(days.closed);
    this.extraWorkdays = new Map(days.extraWorkdays);
    this.makeUpHours = this.weeklyHours.slice(1).find((day) => day.length > 0) ?? [];
  }

  /** The hall's time zone (IANA name). */
  get timeZone(): string {
    return this.zone.name;
  }

  /** The calendar date of instant `at` in the hall's time zone. */
  localDate(at: Date): LocalDate {
    return DateTime.fromJSDate(validInstant(at), { zone: this.zone }).toISODate() as LocalDate;
  }

  /**
   * Whether the hall works on `date`: an extra workday always is, a closed day never is, any
   * other day is when its weekday has opening hours.
   */
  isWorkingDay(date: LocalDate): boolean {
    calendarDay(date);
    if (this.extraWorkdays.has(date)) {
      return true;
    }
    if (this.closed.has(date)) {
      return false;
    }
    return this.weeklyHoursOn(date).length > 0;
  }

  /**
   * The opening intervals of `date`: none on a closed day. A make-up day (调休) is worked like an
   * ordinary workday, so when it falls on a weekday without hours (a Saturday or Sunday under the
   * default hours) it takes the hours of the first weekday, Mon..Sun, that has any.
   */
  hoursOn(date: LocalDate): Interval[] {
    calendarDay(date);
    if (this.closed.has(date)) {
      return [];
    }
    const regular = this.weeklyHoursOn(date);
    const hours = regular.length === 0 && this.extraWorkdays.has(date) ? this.makeUpHours : regular;
    return hours.map((interval) => ({ ...interval }));
  }

  /** Whether the hall is open at instant `at` (an interval includes its start, not its end). */
  isOpenAt(at: Date): boolean {
    const instant = validInstant(at).getTime();
    const today = this.localDate(at);
    // Yesterday too, in case a DST change makes its 24:00 fall after today's local midnight.
    return [addDays(today, -1), today].some((date) =>
      this.hoursOn(date).some(
        (interval) =>
          this.instantOn(date, interval.from).getTime() <= instant &&
          instant < this.instantOn(date, interval.to).getTime(),
      ),
    );
  }

  /**
   * The start of the first opening interval that begins strictly after `at`; when the hall is
   * open at `at` this is the start of the next period, not of the current one. With hours like
   * `Mon-Sun 00:00-24:00` that is the coming local midnight. `null` when nothing opens within
   * 400 days.
   */
  nextOpening(at: Date): Date | null {
    const instant = validInstant(at).getTime();
    let date = this.localDate(at);
    for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++, date = addDays(date, 1)) {
      for (const interval of this.hoursOn(date)) {
        const start = this.instantOn(date, interval.from);
        if (start.getTime() > instant) {
          return start;
        }
      }
    }
    return null;
  }

  /** The instant the hall closes on `date` (end of its last interval); `null` if it stays shut. */
  closingOn(date: LocalDate): Date | null {
    const hours = this.hoursOn(date);
    return hours.length === 0 ? null : this.instantOn(date, hours[hours.length - 1].to);
  }

  /**
   * The `n`-th working day after `date`; `date` itself is not counted, and `n = 0` returns
   * `date` unchanged (even when it is not a working day).
   *
   * @throws RangeError when `n` is not a non-negative integer or `date` is malformed.
   * @throws Error when 400 consecutive days pass without a working day.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    calendarDay(date);
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Working days must be a non-negative integer, got ${n}`);
    }
    let current = date;
    for (let found = 0; found < n; found++) {
      current = this.nextWorkingDay(current);
    }
    return current;
  }

  /** The number of working days `d` with `from < d <= to`; 0 when `to <= from`. */
  countWorkingDays(from: LocalDate, to: LocalDate): number {
    calendarDay(from);
    calendarDay(to);
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /**
   * When an item promised within `workingDays` working days is due.
   *
   * Rule: the period is counted from the working day after the day (in the hall's zone) on which
   * the materials were complete; the item is due at the hall's closing time on the last of those
   * working days, i.e. `closingOn(addWorkingDays(localDate(materialsCompleteAt), workingDays))`.
   * So materials completed at any time of a day, before opening, after closing or on a closed
   * day, all start the count on the next working day.
   *
   * A 0-day (same-day) item is due at that day's closing; when that moment has already passed
   * (materials complete after closing) or the day has no opening, it is due at the closing of the
   * next working day instead, since an item can never be due before its materials were complete.
   *
   * @throws RangeError when `workingDays` is not a non-negative integer.
   */
  dueAt(materialsCompleteAt: Date, workingDays: number): Date {
    const completeAt = validInstant(materialsCompleteAt).getTime();
    let date = this.addWorkingDays(this.localDate(materialsCompleteAt), workingDays);
    for (let i = 0; i <= SEARCH_LIMIT_DAYS; i++) {
      const closing = this.closingOn(date);
      if (closing !== null && closing.getTime() > completeAt) {
        return closing;
      }
      date = this.nextWorkingDay(date);
    }
    throw new Error(`The hall does not close on any working day after ${date}`);
  }

  private weeklyHoursOn(date: LocalDate): Interval[] {
    return this.weeklyHours[calendarDay(date).weekday];
  }

  private nextWorkingDay(date: LocalDate): LocalDate {
    let current = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) {
        return current;
      }
    }
    throw new Error(`No working day within ${SEARCH_LIMIT_DAYS} days after ${date}`);
  }

  /**
   * The instant of wall-clock `minute` on `date` in the hall's zone; 1440 is the next day's
   * midnight. A wall time skipped by a DST change is moved forward by luxon.
   */
  private instantOn(date: LocalDate, minute: number): Date {
    const day = minute >= 1440 ? calendarDay(addDays(date, 1)) : calendarDay(date);
    const ofDay = minute % 1440;
    return DateTime.fromObject(
      {
        year: day.year,
        month: day.month,
        day: day.day,
        hour: Math.floor(ofDay / 60),
        minute: ofDay % 60,
      },
      { zone: this.zone },
    ).toJSDate();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a `YYYY-MM-DD` date as a zone-free calendar day (weekday and arithmetic only). */
function calendarDay(date: LocalDate): DateTime<true> {
  const parsed =
    typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? DateTime.fromISO(date, { zone: "utc" })
      : null;
  if (!parsed?.isValid) {
    throw new RangeError(`Invalid date "${String(date)}"; expected YYYY-MM-DD`);
  }
  return parsed;
}

function addDays(date: LocalDate, days: number): LocalDate {
  return calendarDay(date).plus({ days }).toISODate();
}

function validInstant(at: Date): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError(`Invalid instant ${String(at)}`);
  }
  return at;
}

function fileDate(value: unknown, where: string): DateTime<true> {
  if (typeof value !== "string") {
    throw new Error(`Holiday file: ${where} must be a YYYY-MM-DD string`);
  }
  try {
    return calendarDay(value);
  } catch {
    throw new Error(`Holiday file: ${where} "${value}" is not a valid YYYY-MM-DD date`);
  }
}

function fileText(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new Error(`Holiday file: ${where} must be a non-empty string`);
  }
  return value;
}
