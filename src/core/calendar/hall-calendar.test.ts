import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_TIME_ZONE,
  HallCalendar,
  holidaysFromFile,
  type CalendarDays,
  type LocalDate,
} from "./hall-calendar";
import { DEFAULT_OPENING_HOURS, parseOpeningHours } from "./opening-hours";

/*
 * The 2026 arrangement, Monday-first, for working out expected values by hand
 * (C = closed holiday, W = make-up working day 调休上班):
 *
 *   Jan  1C Thu  2C Fri  3C Sat  4W Sun                     (元旦)
 *   Feb 14W Sat, 15C Sun .. 23C Mon, 28W Sat                 (春节)
 *   Apr  4C Sat  5C Sun  6C Mon                              (清明节)
 *   May  1C Fri .. 5C Tue, 9W Sat                            (劳动节)
 *   Jun 19C Fri 20C Sat 21C Sun                              (端午节)
 *   Sep 20W Sun, 25C Fri 26C Sat 27C Sun                     (国庆节 make-up, 中秋节)
 *   Oct  1C Thu .. 7C Wed, 10W Sat                           (国庆节)
 *
 * Shanghai is UTC+8 all year, so the default 09:00 opening is 01:00Z and 19:30 closing is 11:30Z.
 */
const CN_2026 = JSON.parse(
  readFileSync(join(__dirname, "holidays", "cn-2026.json"), "utf8"),
) as unknown;

const NO_DAYS: CalendarDays = { closed: new Map(), extraWorkdays: new Map() };

function hall(
  hours = DEFAULT_OPENING_HOURS,
  timeZone = DEFAULT_TIME_ZONE,
  days: CalendarDays = holidaysFromFile(CN_2026),
): HallCalendar {
  return new HallCalendar({ timeZone, weeklyHours: parseOpeningHours(hours), days });
}

/** An instant written with an explicit offset, e.g. `at("2026-09-30T18:00+08:00")`. */
function at(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`bad test instant ${iso}`);
  }
  return date;
}

describe("holidaysFromFile", () => {
  it("expands the 2026 State Council arrangement into single closed days", () => {
    const { closed, extraWorkdays } = holidaysFromFile(CN_2026);
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days in the seven spans.
    expect(closed.size).toBe(33);
    expect(closed.get("2026-01-01")).toBe("元旦");
    expect(closed.get("2026-02-15")).toBe("春节");
    expect(closed.get("2026-02-19")).toBe("春节");
    expect(closed.get("2026-02-23")).toBe("春节");
    expect(closed.has("2026-02-24")).toBe(false);
    expect(closed.get("2026-10-07")).toBe("国庆节");
    expect(closed.has("2026-09-28")).toBe(false);
    expect(extraWorkdays.size).toBe(6);
  });

  it("lists the six make-up working days with the holiday each one pays for", () => {
    const { extraWorkdays } = holidaysFromFile(CN_2026);
    expect([...extraWorkdays.entries()]).toEqual([
      ["2026-01-04", "元旦"],
      ["2026-02-14", "春节"],
      ["2026-02-28", "春节"],
      ["2026-05-09", "劳动节"],
      ["2026-09-20", "国庆节"],
      ["2026-10-10", "国庆节"],
    ]);
  });

  const span = (from: string, to: string, name = "假日") => ({ from, to, name });
  const extra = (date: string, reason = "假日") => ({ date, for: reason });

  it.each([
    ["a file that is not an object", [], /JSON object/],
    ["a file without closed days", { extraWorkdays: [] }, /`closed` must be an array/],
    ["a file without extra workdays", { closed: [] }, /`extraWorkdays` must be an array/],
    [
      "a closed entry that is a string",
      { closed: ["2026-01-01"], extraWorkdays: [] },
      /closed\[0\] must be an object/,
    ],
    [
      "an impossible date",
      { closed: [span("2026-02-28", "2026-02-30")], extraWorkdays: [] },
      /closed\[0\]\.to "2026-02-30" is not a valid/,
    ],
    [
      "a date without leading zeros",
      { closed: [span("2026-2-1", "2026-2-2")], extraWorkdays: [] },
      /closed\[0\]\.from/,
    ],
    [
      "a span that ends before it starts",
      { closed: [span("2026-10-07", "2026-10-01")], extraWorkdays: [] },
      /ends .* before it starts/,
    ],
    [
      "a span of a whole year",
      { closed: [span("2026-01-01", "2026-12-31")], extraWorkdays: [] },
      /spans 365 days/,
    ],
    [
      "a holiday without a name",
      { closed: [{ from: "2026-01-01", to: "2026-01-01" }], extraWorkdays: [] },
      /closed\[0\]\.name/,
    ],
    [
      "two spans that overlap",
      {
        closed: [span("2026-10-01", "2026-10-07"), span("2026-10-07", "2026-10-08")],
        extraWorkdays: [],
      },
      /2026-10-07 is closed twice/,
    ],
    [
      "a make-up day without its reason",
      { closed: [], extraWorkdays: [{ date: "2026-01-04" }] },
      /extraWorkdays\[0\]\.for/,
    ],
    [
      "a make-up day given the wrong weekday",
      { closed: [], extraWorkdays: [{ date: "2026-01-04", weekday: "Saturday", for: "元旦" }] },
      /2026-01-04 is a Saturday, but it is a Sunday/,
    ],
    [
      "a make-up day listed twice",
      { closed: [], extraWorkdays: [extra("2026-02-14"), extra("2026-02-14")] },
      /listed twice/,
    ],
    [
      "a day both closed and worked",
      { closed: [span("2026-01-01", "2026-01-03")], extraWorkdays: [extra("2026-01-03")] },
      /2026-01-03 is both closed/,
    ],
  ])("refuses %s", (_situation, json, problem) => {
    expect(() => holidaysFromFile(json)).toThrow(problem);
  });
});

describe("HallCalendar construction", () => {
  it("refuses an unknown time zone", () => {
    expect(() => hall(DEFAULT_OPENING_HOURS, "Mars/Olympus")).toThrow(RangeError);
    expect(() => hall(DEFAULT_OPENING_HOURS, "")).toThrow(/Unknown time zone/);
  });

  it("refuses the machine's own zone, which would make results depend on the server", () => {
    expect(() => hall(DEFAULT_OPENING_HOURS, "local")).toThrow(RangeError);
    expect(() => hall(DEFAULT_OPENING_HOURS, "system")).toThrow(RangeError);
  });

  it("refuses malformed weekly hours and malformed dates", () => {
    const weeklyHours = parseOpeningHours(DEFAULT_OPENING_HOURS);
    expect(
      () => new HallCalendar({ timeZone: "UTC", weeklyHours: weeklyHours.slice(1), days: NO_DAYS }),
    ).toThrow(RangeError);
    const badDay: CalendarDays = {
      closed: new Map([["2026-13-01", "x"]]),
      extraWorkdays: new Map(),
    };
    expect(() => new HallCalendar({ timeZone: "UTC", weeklyHours, days: badDay })).toThrow(
      /Invalid date "2026-13-01"/,
    );
    const both: CalendarDays = {
      closed: new Map([["2026-01-03", "元旦"]]),
      extraWorkdays: new Map([["2026-01-03", "元旦"]]),
    };
    expect(() => new HallCalendar({ timeZone: "UTC", weeklyHours, days: both })).toThrow(
      /both closed and an extra workday/,
    );
  });

  it("is not changed when the caller later edits the maps and hours it was built from", () => {
    const days = holidaysFromFile(CN_2026);
    const weeklyHours = parseOpeningHours(DEFAULT_OPENING_HOURS);
    const calendar = new HallCalendar({ timeZone: "Asia/Shanghai", weeklyHours, days });
    days.closed.set("2026-03-02", "edited");
    days.extraWorkdays.set("2026-03-07", "edited");
    weeklyHours[1][0].to = 600;
    expect(calendar.isWorkingDay("2026-03-02")).toBe(true);
    expect(calendar.isWorkingDay("2026-03-07")).toBe(false);
    expect(calendar.hoursOn("2026-03-02")).toEqual([{ from: 540, to: 1170 }]);
    expect(calendar.timeZone).toBe("Asia/Shanghai");
  });
});

describe("working days in 2026 (Shanghai, Mon-Fri 09:00-19:30)", () => {
  const calendar = hall();

  it.each([
    ["make-up Sunday after New Year's Day", "2026-01-04", true],
    ["New Year's Day", "2026-01-01", false],
    ["an ordinary Saturday", "2026-01-10", false],
    ["an ordinary Monday", "2026-03-02", true],
    ["the make-up Saturday before the Spring Festival", "2026-02-14", true],
    ["the Monday that ends the Spring Festival", "2026-02-23", false],
    ["the make-up Saturday after the Spring Festival", "2026-02-28", true],
    ["Qingming Monday", "2026-04-06", false],
    ["the Labour Day make-up Saturday", "2026-05-09", true],
    ["Dragon Boat Friday", "2026-06-19", false],
    ["the National Day make-up Sunday", "2026-09-20", true],
    ["Mid-Autumn Friday", "2026-09-25", false],
    ["the Sunday after the National Day make-up Saturday", "2026-10-11", false],
  ])("%s (%s) is a working day: %s", (_situation, date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  /*
   * Expected values counted on the calendar above, not with the code under test.
   * Each row: situation, start date, n, n-th working day after the start.
   */
  it.each<[string, LocalDate, number, LocalDate]>([
    // 元旦: Jan 1-3 closed, so the first working day of the year is the make-up Sunday Jan 4.
    ["a case taken on New Year's Eve goes on the make-up Sunday", "2025-12-31", 1, "2026-01-04"],
    ["two days from New Year's Eve is the first Monday", "2025-12-31", 2, "2026-01-05"],
    ["a case started on the closed Friday Jan 2 goes on Sunday", "2026-01-02", 1, "2026-01-04"],
    ["a case started on the closed Saturday Jan 3 goes on Sunday", "2026-01-03", 1, "2026-01-04"],
    ["the day after the make-up Sunday is Monday", "2026-01-04", 1, "2026-01-05"],
    ["an ordinary Friday skips the weekend", "2026-01-09", 1, "2026-01-12"],
    ["a case started on an ordinary Saturday goes on Monday", "2026-01-10", 1, "2026-01-12"],
    ["a 0-day item stays on its own Sunday", "2026-01-11", 0, "2026-01-11"],
    ["an ordinary Thursday before the Spring Festival", "2026-02-12", 1, "2026-02-13"],
    ["the Friday before the Spring Festival goes on make-up Sat", "2026-02-13", 1, "2026-02-14"],
    // Feb 14 is worked, then Feb 15-23 are closed, so the second day is Tue Feb 24.
    ["two days from the eve of the Spring Festival are after it", "2026-02-13", 2, "2026-02-24"],
    ["the make-up Saturday jumps the nine-day holiday", "2026-02-14", 1, "2026-02-24"],
    ["a case started on the first day of the Spring Festival", "2026-02-15", 1, "2026-02-24"],
    ["a case started on the Spring Festival's last day, a Monday", "2026-02-23", 1, "2026-02-24"],
    // Feb 25, 26, 27, make-up Sat 28, then Sun Mar 1 is off: the fifth is Mon Mar 2.
    ["five days after the festival cross the make-up Saturday", "2026-02-24", 5, "2026-03-02"],
    ["the last Friday of February goes on make-up Saturday", "2026-02-27", 1, "2026-02-28"],
    // Feb 14, 24, 25, 26, 27, 28, Mar 2, 3, 4, 5.
    ["ten days from the eve of the Spring Festival", "2026-02-13", 10, "2026-03-05"],
    ["the Friday before Qingming skips Sat-Mon", "2026-04-03", 1, "2026-04-07"],
    ["two days from the Thursday before Qingming", "2026-04-02", 2, "2026-04-07"],
    ["the eve of Labour Day skips May 1-5", "2026-04-30", 1, "2026-05-06"],
    // May 6, 7, 8, then the make-up Saturday May 9.
    ["four days from the eve of Labour Day end on make-up Saturday", "2026-04-30", 4, "2026-05-09"],
    ["the Friday after Labour Day goes on make-up Saturday", "2026-05-08", 1, "2026-05-09"],
    ["the Labour Day make-up Saturday is followed by Monday", "2026-05-09", 1, "2026-05-11"],
    ["the eve of the Dragon Boat Festival skips Fri-Sun", "2026-06-18", 1, "2026-06-22"],
    ["a 0-day item on Dragon Boat Friday stays there", "2026-06-19", 0, "2026-06-19"],
    ["a Friday before the make-up Sunday goes on Sunday", "2026-09-18", 1, "2026-09-20"],
    ["the eve of Mid-Autumn skips Fri-Sun", "2026-09-24", 1, "2026-09-28"],
    // Sep 28, 29, 30, then Oct 1-7 closed: the fourth is Thu Oct 8.
    ["four days from the eve of Mid-Autumn cross National Day", "2026-09-24", 4, "2026-10-08"],
    ["the eve of National Day skips Oct 1-7", "2026-09-30", 1, "2026-10-08"],
    ["three days from the eve of National Day end on make-up Sat", "2026-09-30", 3, "2026-10-10"],
    ["the National Day make-up Saturday is followed by Monday", "2026-10-10", 1, "2026-10-12"],
    // Sep 20, 21, 22, 23, 24, 28, 29, 30, Oct 8, 9.
    ["ten days through both autumn holidays", "2026-09-18", 10, "2026-10-09"],
    ["a case started during National Day counts from Oct 8", "2026-10-05", 2, "2026-10-09"],
  ])("%s: %s + %i working days = %s", (_situation, date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it.each<[string, LocalDate, LocalDate, number]>([
    ["the eve of the Spring Festival to the day after it", "2026-02-13", "2026-02-24", 2],
    ["the eve of National Day to the first day back", "2026-09-30", "2026-10-08", 1],
    ["two autumn weeks with both holidays", "2026-09-18", "2026-10-09", 10],
    // Make-up Sun Jan 4, then the full weeks Jan 5-9, 12-16, 19-23, 26-30: 1 + 4 * 5.
    ["January after New Year's Day", "2026-01-01", "2026-01-31", 21],
    // Feb 2-6, 9-13, make-up 14, 24-27, make-up 28: 5 + 5 + 1 + 4 + 1.
    ["February with the Spring Festival", "2026-01-31", "2026-02-28", 16],
    // Oct 8, 9, make-up 10, then 12-16, 19-23, 26-30: 3 + 15.
    ["October with National Day", "2026-09-30", "2026-10-31", 18],
    ["the Labour Day week", "2026-04-30", "2026-05-11", 5],
    ["a single day", "2026-03-02", "2026-03-03", 1],
    ["the same day", "2026-05-01", "2026-05-01", 0],
    ["dates given backwards", "2026-05-10", "2026-05-01", 0],
  ])("counts %s (%s, %s] as %i working days", (_situation, from, to, expected) => {
    expect(calendar.countWorkingDays(from, to)).toBe(expected);
  });

  it("refuses a negative or fractional number of working days", () => {
    expect(() => calendar.addWorkingDays("2026-03-02", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2026-03-02", 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2026-03-02", Number.NaN)).toThrow(RangeError);
  });

  it("refuses dates that are not YYYY-MM-DD", () => {
    expect(() => calendar.addWorkingDays("2026-3-2", 1)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay("2026-02-29")).toThrow(/Invalid date/);
    expect(() => calendar.countWorkingDays("2026-03-02", "tomorrow")).toThrow(RangeError);
  });

  it("gives up when a hall never works instead of searching forever", () => {
    const shut = new HallCalendar({ timeZone: "UTC", weeklyHours: emptyWeek(), days: NO_DAYS });
    expect(() => shut.addWorkingDays("2026-03-02", 1)).toThrow(/No working day within 400 days/);
    expect(shut.addWorkingDays("2026-03-02", 0)).toBe("2026-03-02");
  });
});

describe("due dates of promised items (Shanghai, 2026)", () => {
  const calendar = hall();

  it.each<[string, string, number, string]>([
    [
      "a case whose materials arrive on the eve of National Day is due after the holiday",
      "2026-09-30T18:00+08:00",
      1,
      "2026-10-08T11:30:00Z",
    ],
    [
      // 00:30 in Shanghai on Oct 1 is still Sep 30 in UTC; the hall's date is what counts.
      "materials completed just after midnight on National Day count from the hall's date",
      "2026-09-30T16:30:00Z",
      1,
      "2026-10-08T11:30:00Z",
    ],
    [
      "materials completed online on a closed holiday count from the next working day",
      "2026-10-03T10:00+08:00",
      1,
      "2026-10-08T11:30:00Z",
    ],
    [
      "a three-day item started on Thursday before the Spring Festival jumps it",
      "2026-02-12T15:00+08:00",
      3,
      "2026-02-24T11:30:00Z",
    ],
    [
      // The make-up Saturday is worked with the Monday hours, so it closes at 19:30 too.
      "a one-day item from Friday May 8 is due on the make-up Saturday",
      "2026-05-08T10:00+08:00",
      1,
      "2026-05-09T11:30:00Z",
    ],
    [
      "materials in on Friday morning make a one-day item due Monday",
      "2026-01-09T10:00+08:00",
      1,
      "2026-01-12T11:30:00Z",
    ],
    [
      // Counting starts the day after the materials' day, so after-closing changes nothing.
      "materials in on Friday after closing make a one-day item due Monday as well",
      "2026-01-09T20:00+08:00",
      1,
      "2026-01-12T11:30:00Z",
    ],
    [
      "materials in at 23:59:59 on Thursday count from Friday",
      "2026-01-08T15:59:59Z",
      1,
      "2026-01-09T11:30:00Z",
    ],
    [
      "materials in at midnight on Friday count from Monday",
      "2026-01-08T16:00:00Z",
      1,
      "2026-01-12T11:30:00Z",
    ],
    [
      "a same-day item handed in on a working morning is due at closing",
      "2026-01-09T10:00+08:00",
      0,
      "2026-01-09T11:30:00Z",
    ],
    [
      "a same-day item handed in before opening is due at that day's closing",
      "2026-01-09T07:00+08:00",
      0,
      "2026-01-09T11:30:00Z",
    ],
    [
      // Today's closing has passed, so the item cannot be due then.
      "a same-day item handed in after Friday's closing is due at Monday's closing",
      "2026-01-09T19:30+08:00",
      0,
      "2026-01-12T11:30:00Z",
    ],
    [
      "a same-day item handed in on a Saturday is due on Monday",
      "2026-01-10T10:00+08:00",
      0,
      "2026-01-12T11:30:00Z",
    ],
    [
      "a same-day item on the New Year make-up Sunday is due that Sunday",
      "2026-01-04T10:00+08:00",
      0,
      "2026-01-04T11:30:00Z",
    ],
    [
      "a same-day item on New Year's Day waits for the make-up Sunday",
      "2026-01-01T10:00+08:00",
      0,
      "2026-01-04T11:30:00Z",
    ],
    [
      // Sep 28, 29, 30, Oct 8, 9.
      "a five-day item from the Thursday before Mid-Autumn",
      "2026-09-24T09:30+08:00",
      5,
      "2026-10-09T11:30:00Z",
    ],
  ])("%s", (_situation, completeAt, workingDays, due) => {
    expect(calendar.dueAt(at(completeAt), workingDays).toISOString()).toBe(at(due).toISOString());
  });

  it("refuses an invalid completion instant or day count", () => {
    expect(() => calendar.dueAt(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => calendar.dueAt(at("2026-01-09T10:00+08:00"), -2)).toThrow(RangeError);
  });
});

describe("opening times (Shanghai, Mon-Fri 09:00-19:30, 2026 holidays)", () => {
  const calendar = hall();

  it("is closed one second before 09:00 and opens that day at 09:00 local (01:00Z)", () => {
    const justBefore = at("2026-01-12T08:59:59+08:00");
    expect(calendar.isOpenAt(justBefore)).toBe(false);
    expect(calendar.nextOpening(justBefore)).toEqual(at("2026-01-12T01:00:00Z"));
  });

  it("is open at 09:00 sharp, and the next opening is then Tuesday's", () => {
    const opening = at("2026-01-12T09:00+08:00");
    expect(calendar.isOpenAt(opening)).toBe(true);
    expect(calendar.nextOpening(opening)).toEqual(at("2026-01-13T01:00:00Z"));
  });

  it("is still open at 19:29:59 and closed at 19:30 sharp", () => {
    expect(calendar.isOpenAt(at("2026-01-12T19:29:59+08:00"))).toBe(true);
    expect(calendar.isOpenAt(at("2026-01-12T19:30+08:00"))).toBe(false);
    expect(calendar.closingOn("2026-01-12")).toEqual(at("2026-01-12T11:30:00Z"));
  });

  it("on a Friday evening next opens on Monday at 09:00 local, 01:00Z", () => {
    const friday = at("2026-01-16T20:00+08:00");
    expect(calendar.isOpenAt(friday)).toBe(false);
    expect(calendar.nextOpening(friday)).toEqual(at("2026-01-19T01:00:00Z"));
  });

  it("on an ordinary Saturday is closed all day", () => {
    expect(calendar.isOpenAt(at("2026-02-07T10:00+08:00"))).toBe(false);
    expect(calendar.hoursOn("2026-02-07")).toEqual([]);
    expect(calendar.closingOn("2026-02-07")).toBeNull();
  });

  it("at closing on the eve of National Day next opens on Oct 8", () => {
    const eve = at("2026-09-30T19:30+08:00");
    expect(calendar.isOpenAt(eve)).toBe(false);
    expect(calendar.nextOpening(eve)).toEqual(at("2026-10-08T01:00:00Z"));
  });

  it("the evening before Mid-Autumn next opens the Monday after", () => {
    expect(calendar.nextOpening(at("2026-09-24T20:00+08:00"))).toEqual(at("2026-09-28T01:00:00Z"));
  });

  it("is closed at mid-morning on National Day itself", () => {
    expect(calendar.isOpenAt(at("2026-10-01T10:00+08:00"))).toBe(false);
    expect(calendar.hoursOn("2026-10-01")).toEqual([]);
    expect(calendar.closingOn("2026-10-01")).toBeNull();
  });

  it("on the Friday evening before the Spring Festival next opens on the make-up Saturday", () => {
    expect(calendar.nextOpening(at("2026-02-13T20:00+08:00"))).toEqual(at("2026-02-14T01:00:00Z"));
  });

  it("is open on the make-up Saturday with weekday hours, then shut until Feb 24", () => {
    expect(calendar.isOpenAt(at("2026-02-14T10:00+08:00"))).toBe(true);
    expect(calendar.hoursOn("2026-02-14")).toEqual([{ from: 540, to: 1170 }]);
    expect(calendar.closingOn("2026-02-14")).toEqual(at("2026-02-14T11:30:00Z"));
    expect(calendar.nextOpening(at("2026-02-14T10:00+08:00"))).toEqual(
      at("2026-02-24T01:00:00Z"),
    );
  });

  it("is open on the National Day make-up Sunday", () => {
    expect(calendar.isOpenAt(at("2026-09-20T15:00+08:00"))).toBe(true);
    expect(calendar.isOpenAt(at("2026-09-19T15:00+08:00"))).toBe(false);
  });

  it("reads the hall's local date, not UTC's, near midnight", () => {
    expect(calendar.localDate(at("2026-09-30T16:00:00Z"))).toBe("2026-10-01");
    expect(calendar.localDate(at("2026-09-30T15:59:59.999Z"))).toBe("2026-09-30");
    expect(() => calendar.localDate(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("a hall that closes for lunch", () => {
  const calendar = hall("Mon-Fri 09:00-12:00; Mon-Fri 13:00-19:30");

  it("is closed over lunch and reopens at 13:00 local, 05:00Z", () => {
    expect(calendar.isOpenAt(at("2026-03-02T12:00+08:00"))).toBe(false);
    expect(calendar.nextOpening(at("2026-03-02T12:30+08:00"))).toEqual(at("2026-03-02T05:00:00Z"));
  });

  it("while open in the morning names the afternoon as the next opening", () => {
    expect(calendar.isOpenAt(at("2026-03-02T10:00+08:00"))).toBe(true);
    expect(calendar.nextOpening(at("2026-03-02T10:00+08:00"))).toEqual(at("2026-03-02T05:00:00Z"));
  });

  it("works the make-up Saturday with the Monday morning and afternoon", () => {
    expect(calendar.hoursOn("2026-02-28")).toEqual([
      { from: 540, to: 720 },
      { from: 780, to: 1170 },
    ]);
    expect(calendar.closingOn("2026-02-28")).toEqual(at("2026-02-28T11:30:00Z"));
  });
});

describe("make-up days under other weekly hours", () => {
  it("borrow the hours of the first weekday that has any when Monday is shut", () => {
    const calendar = hall("Tue-Thu 10:00-16:00; Fri 09:00-12:00");
    expect(calendar.hoursOn("2026-05-09")).toEqual([{ from: 600, to: 960 }]);
  });

  it("keep their own hours when the hall has a Saturday service anyway", () => {
    const calendar = hall("Mon-Fri 09:00-19:30; Sat 09:00-12:00");
    expect(calendar.hoursOn("2026-02-14")).toEqual([{ from: 540, to: 720 }]);
    expect(calendar.hoursOn("2026-02-07")).toEqual([{ from: 540, to: 720 }]);
  });
});

describe("a round-the-clock hall (Mon-Sun 00:00-24:00)", () => {
  const calendar = hall("Mon-Sun 00:00-24:00");

  it("is open at any hour of an ordinary week, even on Sunday night", () => {
    expect(calendar.isOpenAt(at("2026-01-11T03:00+08:00"))).toBe(true);
    expect(calendar.isOpenAt(at("2026-01-11T00:00+08:00"))).toBe(true);
    expect(calendar.isOpenAt(at("2026-01-11T23:59:59+08:00"))).toBe(true);
  });

  it("closes at local midnight, and the next opening is the next day's midnight", () => {
    expect(calendar.closingOn("2026-01-11")).toEqual(at("2026-01-11T16:00:00Z"));
    expect(calendar.nextOpening(at("2026-01-11T15:00+08:00"))).toEqual(at("2026-01-11T16:00:00Z"));
  });

  it("still shuts for National Day and reopens at midnight on Oct 8", () => {
    expect(calendar.isOpenAt(at("2026-10-01T12:00+08:00"))).toBe(false);
    expect(calendar.nextOpening(at("2026-09-30T15:00+08:00"))).toEqual(at("2026-10-07T16:00:00Z"));
  });
});

describe("a hall in Europe/London across the 2026 clock changes", () => {
  // BST starts on Sun 29 March 2026 at 01:00Z and ends on Sun 25 October 2026 at 01:00Z.
  const calendar = hall("Mon-Fri 09:00-17:00", "Europe/London", NO_DAYS);

  it("on the Friday evening before clocks go forward next opens Monday 09:00 BST, 08:00Z", () => {
    const friday = at("2026-03-27T18:00:00Z");
    expect(calendar.isOpenAt(friday)).toBe(false);
    expect(calendar.nextOpening(friday)).toEqual(at("2026-03-30T08:00:00Z"));
  });

  it("opens at 09:00Z in winter and at 08:00Z in summer", () => {
    expect(calendar.isOpenAt(at("2026-03-27T08:30:00Z"))).toBe(false);
    expect(calendar.isOpenAt(at("2026-03-27T09:00:00Z"))).toBe(true);
    expect(calendar.isOpenAt(at("2026-03-30T07:59:59Z"))).toBe(false);
    expect(calendar.isOpenAt(at("2026-03-30T08:00:00Z"))).toBe(true);
  });

  it("closes at 16:00Z on the last Friday of BST and at 17:00Z the Monday after", () => {
    expect(calendar.closingOn("2026-10-23")).toEqual(at("2026-10-23T16:00:00Z"));
    expect(calendar.closingOn("2026-10-26")).toEqual(at("2026-10-26T17:00:00Z"));
    expect(calendar.nextOpening(at("2026-10-23T16:00:00Z"))).toEqual(at("2026-10-26T09:00:00Z"));
  });

  it("makes a one-day item from before the change due at Monday's BST closing", () => {
    expect(calendar.dueAt(at("2026-03-27T12:00:00Z"), 1)).toEqual(at("2026-03-30T16:00:00Z"));
  });

  it("reads London's date, which runs an hour ahead of UTC in summer", () => {
    expect(calendar.localDate(at("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(calendar.localDate(at("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
  });

  it("round the clock, lives through the 23-hour and the 25-hour Sunday", () => {
    const allDay = hall("Mon-Sun 00:00-24:00", "Europe/London", NO_DAYS);
    expect(allDay.closingOn("2026-03-29")).toEqual(at("2026-03-29T23:00:00Z"));
    expect(allDay.closingOn("2026-10-25")).toEqual(at("2026-10-26T00:00:00Z"));
    expect(allDay.isOpenAt(at("2026-03-29T01:30:00Z"))).toBe(true);
    expect(allDay.isOpenAt(at("2026-10-25T01:30:00Z"))).toBe(true);
    expect(allDay.nextOpening(at("2026-03-29T00:30:00Z"))).toEqual(at("2026-03-29T23:00:00Z"));
  });
});

describe("searching far ahead", () => {
  /** Every Monday from Jan 5 2026 up to and including `last`, as closed days. */
  function mondaysClosedUntil(last: LocalDate): CalendarDays {
    const closed = new Map<LocalDate, string>();
    for (let t = Date.UTC(2026, 0, 5); ; t += 7 * 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (date > last) {
        break;
      }
      closed.set(date, "renovation");
    }
    return { closed, extraWorkdays: new Map() };
  }

  it("finds a Monday-only hall reopening 396 days after New Year 2026", () => {
    // 2027-02-01 is the first Monday left open: 365 + 31 days after 2026-01-01.
    const calendar = hall("Mon 09:00-19:30", "Asia/Shanghai", mondaysClosedUntil("2027-01-25"));
    expect(calendar.nextOpening(at("2026-01-01T00:00+08:00"))).toEqual(at("2027-02-01T01:00:00Z"));
  });

  it("reports no next opening when nothing opens within 400 days", () => {
    // The next open Monday, 2027-02-08, is 403 days away.
    const calendar = hall("Mon 09:00-19:30", "Asia/Shanghai", mondaysClosedUntil("2027-02-01"));
    expect(calendar.nextOpening(at("2026-01-01T00:00+08:00"))).toBeNull();
  });

  it("reports no next opening for a hall without any hours", () => {
    const shut = new HallCalendar({ timeZone: "UTC", weeklyHours: emptyWeek(), days: NO_DAYS });
    expect(shut.nextOpening(at("2026-03-02T00:00:00Z"))).toBeNull();
    expect(shut.isOpenAt(at("2026-03-02T12:00:00Z"))).toBe(false);
  });
});

function emptyWeek(): [][] {
  return [[], [], [], [], [], [], [], []];
}
