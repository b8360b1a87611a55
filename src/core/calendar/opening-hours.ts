/**
 * Weekly opening hours of the hall: a small text format for configuration, and its parsed form.
 *
 * Text format: segments separated by `;`, each `DAYS HH:MM-HH:MM`, for example
 * `Mon-Fri 09:00-12:00; Mon-Fri 13:00-19:30`.
 */

/** An opening interval in minutes after local midnight; `from` is inclusive, `to` exclusive. */
export type Interval = { from: number; to: number };

/**
 * Opening intervals per ISO weekday: index 1..7 = Mon..Sun, index 0 unused and empty.
 * Each day's intervals are sorted, and neither overlap nor touch (touching ones are merged).
 */
export type WeeklyHours = Interval[][];

/** The hall's default hours. */
export const DEFAULT_OPENING_HOURS = "Mon-Fri 09:00-19:30";

const DAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const MINUTES_PER_DAY = 1440;

const FORMAT_HINT =
  'expected segments "DAYS HH:MM-HH:MM" separated by ";", where DAYS is a day (Mon..Sun), ' +
  "a range (Mon-Fri) or a comma list (Mon,Wed,Fri) and times run 00:00..24:00, " +
  'e.g. "Mon-Fri 09:00-12:00; Mon-Fri 13:00-19:30"';

/** Thrown by {@link parseOpeningHours} on text that does not follow the format. */
export class OpeningHoursFormatError extends Error {
  constructor(problem: string) {
    // One line on purpose: the message ends up in startup logs and GraphQL errors.
    super(`Invalid opening hours: ${problem}; ${FORMAT_HINT}`.replace(/\s*[\r\n]+\s*/g, " "));
    this.name = "OpeningHoursFormatError";
  }
}

/**
 * Parses opening hours text such as `Mon-Fri 09:00-19:30` or `Mon-Sun 00:00-24:00`.
 *
 * Day names are case-insensitive. Ranges must run forwards within the week (`Sat-Mon` is refused;
 * write `Mon,Sat-Sun`). A day may receive several intervals from several segments; overlapping
 * intervals are refused, touching ones (`09:00-12:00; 12:00-13:00`) are merged.
 *
 * @throws OpeningHoursFormatError on any malformed input.
 */
export function parseOpeningHours(text: string): WeeklyHours {
  if (typeof text !== "string" || text.trim() === "") {
    throw new OpeningHoursFormatError("the text is empty");
  }
  const week: WeeklyHours = emptyWeek();
  for (const rawSegment of text.split(";")) {
    const segment = rawSegment.trim();
    if (segment === "") {
      throw new OpeningHoursFormatError(`empty segment in "${text.trim()}"`);
    }
    const { days, interval } = parseSegment(segment);
    for (const day of days) {
      week[day].push(interval);
    }
  }
  for (let day = 1; day <= 7; day++) {
    week[day] = normaliseDay(week[day], DAY_NAMES[day]);
  }
  return week;
}

/**
 * Formats weekly hours as canonical text: one segment per distinct interval, with the days that
 * share it written as ranges where consecutive (`Mon-Fri`, `Mon,Wed,Fri`, `Mon-Wed,Sat`).
 * `parseOpeningHours(formatOpeningHours(h))` equals `h` for any valid `h`.
 *
 * @throws RangeError when `h` is not valid weekly hours, or has no opening at all (the text
 *   format has no way to say "never open").
 */
export function formatOpeningHours(h: WeeklyHours): string {
  assertWeeklyHours(h);
  const daysByInterval = new Map<string, { interval: Interval; days: number[] }>();
  for (let day = 1; day <= 7; day++) {
    for (const interval of h[day]) {
      const key = `${interval.from}-${interval.to}`;
      const entry = daysByInterval.get(key) ?? { interval, days: [] };
      entry.days.push(day);
      daysByInterval.set(key, entry);
    }
  }
  if (daysByInterval.size === 0) {
    throw new RangeError("Weekly hours with no opening at all have no text form");
  }
  // Reads like a person would write it: by first day, then by time of day.
  const entries = [...daysByInterval.values()].sort(
    (a, b) =>
      a.days[0] - b.days[0] || a.interval.from - b.interval.from || a.interval.to - b.interval.to,
  );
  return entries
    .map(({ interval, days }) => `${formatDays(days)} ${formatInterval(interval)}`)
    .join("; ");
}

/**
 * Checks that `h` is well-formed weekly hours: 8 entries, index 0 empty, integer minutes in
 * 0..1440 with `from < to`, each day sorted with gaps between intervals.
 *
 * @throws RangeError describing the first problem found.
 */
export function assertWeeklyHours(h: WeeklyHours): void {
  if (!Array.isArray(h) || h.length !== 8) {
    throw new RangeError("Weekly hours must be an array of 8 entries (index 1..7 = Mon..Sun)");
  }
  if (!Array.isArray(h[0]) || h[0].length !== 0) {
    throw new RangeError("Weekly hours index 0 is unused and must be empty");
  }
  for (let day = 1; day <= 7; day++) {
    const intervals = h[day];
    if (!Array.isArray(intervals)) {
      throw new RangeError(`Weekly hours for ${DAY_NAMES[day]} must be an array`);
    }
    intervals.forEach((interval: unknown, i) => {
      if (!isInterval(interval)) {
        throw new RangeError(
          `Weekly hours for ${DAY_NAMES[day]} has an invalid interval ${JSON.stringify(interval)}`,
        );
      }
      if (i > 0 && intervals[i - 1].to >= interval.from) {
        throw new RangeError(
          `Weekly hours for ${DAY_NAMES[day]} must be sorted with gaps between intervals`,
        );
      }
    });
  }
}

function isInterval(value: unknown): value is Interval {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const { from, to } = value as Record<string, unknown>;
  return (
    typeof from === "number" &&
    typeof to === "number" &&
    Number.isInteger(from) &&
    Number.isInteger(to) &&
    from >= 0 &&
    to <= MINUTES_PER_DAY &&
    from < to
  );
}

function emptyWeek(): WeeklyHours {
  return Array.from({ length: 8 }, () => []);
}

function parseSegment(segment: string): { days: number[]; interval: Interval } {
  // The hours are the last whitespace-separated token; the days may contain spaces ("Mon, Wed").
  const match = /^(\S.*?)\s+(\S+)$/.exec(segment);
  if (!match) {
    const problem = /\d/.test(segment)
      ? `segment "${segment}" gives no days`
      : `segment "${segment}" gives no hours`;
    throw new OpeningHoursFormatError(problem);
  }
  const [, daysText, hoursText] = match;
  if (!/\d/.test(daysText) && !/\d/.test(hoursText)) {
    throw new OpeningHoursFormatError(`segment "${segment}" gives no hours`);
  }
  // Hours first: with stray words after the hours, the hours token is the one that is wrong.
  const interval = parseInterval(hoursText, segment);
  return { days: parseDays(daysText, segment), interval };
}

function parseDays(text: string, segment: string): number[] {
  const days: number[] = [];
  for (const rawItem of text.split(",")) {
    const item = rawItem.trim();
    if (item === "") {
      throw new OpeningHoursFormatError(`empty day in "${text}" of segment "${segment}"`);
    }
    const range = /^([^\s-]+)\s*-\s*([^\s-]+)$/.exec(item);
    if (range) {
      const first = parseDay(range[1], segment);
      const last = parseDay(range[2], segment);
      if (first > last) {
        const unwrapped = [...dayRange(1, last), ...dayRange(first, 7)];
        throw new OpeningHoursFormatError(
          `day range "${item}" wraps past Sunday in segment "${segment}" ` +
            `(write it as "${formatDays(unwrapped)}")`,
        );
      }
      days.push(...dayRange(first, last));
    } else {
      days.push(parseDay(item, segment));
    }
  }
  return days;
}

function dayRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function parseDay(text: string, segment: string): number {
  const wanted = text.toLowerCase();
  const day = DAY_NAMES.findIndex((name, i) => i > 0 && name.toLowerCase() === wanted);
  if (day < 1) {
    throw new OpeningHoursFormatError(`unknown day "${text}" in segment "${segment}"`);
  }
  return day;
}

function parseInterval(text: string, segment: string): Interval {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) {
    throw new OpeningHoursFormatError(
      `hours "${text}" in segment "${segment}" are not HH:MM-HH:MM`,
    );
  }
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number);
  if (startHour > 23 || startMinute > 59) {
    throw new OpeningHoursFormatError(
      `start time in "${text}" of segment "${segment}" must be 00:00..23:59`,
    );
  }
  const endIsMidnight = endHour === 24 && endMinute === 0;
  if (!endIsMidnight && (endHour > 23 || endMinute > 59)) {
    throw new OpeningHoursFormatError(
      `end time in "${text}" of segment "${segment}" must be 00:01..24:00`,
    );
  }
  const from = startHour * 60 + startMinute;
  const to = endHour * 60 + endMinute;
  if (from >= to) {
    throw new OpeningHoursFormatError(
      `hours "${text}" in segment "${segment}" must end after they start`,
    );
  }
  return { from, to };
}

function normaliseDay(intervals: Interval[], dayName: string): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from < last.to) {
      throw new OpeningHoursFormatError(
        `${dayName} has overlapping hours ${formatInterval(last)} and ${formatInterval(interval)}`,
      );
    }
    if (last && interval.from === last.to) {
      // Touching intervals are one opening; keeping them apart would invent a spurious
      // "next opening" at the seam.
      last.to = interval.to;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

function formatDays(days: number[]): string {
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= days.length; i++) {
    if (i === days.length || days[i] !== days[i - 1] + 1) {
      const first = DAY_NAMES[days[runStart]];
      const last = DAY_NAMES[days[i - 1]];
      parts.push(first === last ? first : `${first}-${last}`);
      runStart = i;
    }
  }
  return parts.join(",");
}

function formatInterval({ from, to }: Interval): string {
  return `${formatMinute(from)}-${formatMinute(to)}`;
}

function formatMinute(minute: number): string {
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return `${hh}:${mm}`;
}
