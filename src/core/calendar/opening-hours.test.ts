import {
  DEFAULT_OPENING_HOURS,
  OpeningHoursFormatError,
  assertWeeklyHours,
  formatOpeningHours,
  parseOpeningHours,
  type Interval,
  type WeeklyHours,
} from "./opening-hours";

type Day = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Builds expected weekly hours by hand, so the tests do not lean on the parser they check. */
function week(days: Partial<Record<Day, Interval[]>>): WeeklyHours {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((d) => days[d as Day] ?? []);
}

/** The same intervals on each of `list`, for spreading into {@link week}. */
function on(list: Day[], intervals: Interval[]): Partial<Record<Day, Interval[]>> {
  return Object.fromEntries(list.map((d) => [d, intervals]));
}

const MON_FRI: Day[] = [1, 2, 3, 4, 5];
const MON_SUN: Day[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAY_DEFAULT: Interval = { from: 9 * 60, to: 19 * 60 + 30 };
const ALL_DAY: Interval = { from: 0, to: 24 * 60 };
const MORNING: Interval = { from: 9 * 60, to: 12 * 60 };
const AFTERNOON: Interval = { from: 13 * 60, to: 19 * 60 + 30 };

describe("parseOpeningHours", () => {
  describe("accepted hours", () => {
    it("reads the hall's default weekday hours 09:00-19:30, closed at the weekend", () => {
      expect(DEFAULT_OPENING_HOURS).toBe("Mon-Fri 09:00-19:30");
      expect(parseOpeningHours("Mon-Fri 09:00-19:30")).toEqual(
        week({
          1: [{ from: 540, to: 1170 }],
          2: [{ from: 540, to: 1170 }],
          3: [{ from: 540, to: 1170 }],
          4: [{ from: 540, to: 1170 }],
          5: [{ from: 540, to: 1170 }],
        }),
      );
    });

    it("reads a round-the-clock hall as 00:00-24:00 every day", () => {
      expect(parseOpeningHours("Mon-Sun 00:00-24:00")).toEqual(week(on(MON_SUN, [ALL_DAY])));
    });

    it("gives each weekday two intervals when the hall closes for lunch", () => {
      const h = parseOpeningHours("Mon-Fri 09:00-12:00; Mon-Fri 13:00-19:30");
      for (let day = 1; day <= 5; day++) {
        expect(h[day]).toEqual([MORNING, AFTERNOON]);
      }
      expect(h[6]).toEqual([]);
      expect(h[7]).toEqual([]);
    });

    it("sorts a day's intervals when the afternoon is written before the morning", () => {
      const h = parseOpeningHours("Mon 13:00-19:30;Mon 09:00-12:00");
      expect(h).toEqual(week({ 1: [MORNING, AFTERNOON] }));
    });

    it("reads a comma list of days and a Saturday-morning service", () => {
      const saturday = { from: 600, to: 840 };
      expect(parseOpeningHours("Mon,Wed,Fri 09:00-12:00; Sat 10:00-14:00")).toEqual(
        week({ 1: [MORNING], 3: [MORNING], 5: [MORNING], 6: [saturday] }),
      );
    });

    it("reads a list that mixes ranges and single days, with spaces around commas", () => {
      const hours = { from: 510, to: 1020 };
      expect(parseOpeningHours("Mon-Tue, Thu 08:30-17:00")).toEqual(
        week({ 1: [hours], 2: [hours], 4: [hours] }),
      );
    });

    it("ignores the case of day names and surrounding blanks", () => {
      expect(parseOpeningHours("  mon-FRI 09:00-19:30 ")).toEqual(
        parseOpeningHours("Mon-Fri 09:00-19:30"),
      );
    });

    it("reads a one-day range such as Wed-Wed as that day", () => {
      expect(parseOpeningHours("Wed-Wed 09:00-12:00")).toEqual(week({ 3: [MORNING] }));
    });

    it("merges a morning and an afternoon that touch at noon into one opening", () => {
      expect(parseOpeningHours("Mon 09:00-12:00; Mon 12:00-19:30")).toEqual(
        week({ 1: [WEEKDAY_DEFAULT] }),
      );
    });

    it("accepts the earliest start 00:00, the latest start 23:59 and a one-minute opening", () => {
      expect(parseOpeningHours("Sun 23:59-24:00; Sat 00:00-00:01")).toEqual(
        week({ 6: [{ from: 0, to: 1 }], 7: [{ from: 1439, to: 1440 }] }),
      );
    });
  });

  describe("refused hours", () => {
    it.each([
      ["empty text", "", /empty/],
      ["blank text", "   ", /empty/],
      ["a weekday range without hours", "Mon-Fri", /no hours/],
      ["a comma list without hours", "Mon, Wed", /no hours/],
      ["hours without days", "09:00-19:30", /no days/],
      ["an unknown day", "Fun-Fri 09:00-19:30", /unknown day "Fun"/],
      ["a full day name", "Monday 09:00-19:30", /unknown day "Monday"/],
      ["a range that wraps past Sunday", "Sat-Mon 10:00-12:00", /wraps.*"Mon,Sat-Sun"/],
      ["an empty day in a list", "Mon,,Wed 09:00-12:00", /empty day/],
      ["a one-digit hour", "Mon-Fri 9:00-19:30", /not HH:MM-HH:MM/],
      ["a time that is not a time", "Mon-Fri 09:00-noon", /not HH:MM-HH:MM/],
      ["an hour 25", "Mon-Fri 09:00-25:00", /end time/],
      ["minute 60", "Mon-Fri 09:60-19:30", /start time/],
      ["a start at 24:00", "Mon 24:00-24:00", /start time/],
      ["an end past midnight", "Mon 09:00-24:01", /end time/],
      ["an end before the start", "Mon-Fri 19:30-09:00", /end after they start/],
      ["an empty interval", "Mon 10:00-10:00", /end after they start/],
      ["overlapping segments", "Mon-Fri 09:00-12:00; Wed 11:00-14:00", /Wed has overlapping/],
      ["the same day twice in a list", "Mon,Mon 09:00-12:00", /Mon has overlapping/],
      ["a trailing semicolon", "Mon-Fri 09:00-19:30;", /empty segment/],
      ["trailing words", "Mon-Fri 09:00-19:30 daily", /not HH:MM-HH:MM/],
    ])("refuses %s", (_situation, text, problem) => {
      expect(() => parseOpeningHours(text)).toThrow(OpeningHoursFormatError);
      expect(() => parseOpeningHours(text)).toThrow(problem);
    });

    it("explains the problem and the accepted format on a single line", () => {
      let error: unknown;
      try {
        parseOpeningHours("Mon-Fri\n25:00-26:00");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OpeningHoursFormatError);
      expect(error).toBeInstanceOf(Error);
      const { name, message } = error as Error;
      expect(name).toBe("OpeningHoursFormatError");
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).toMatch(/^Invalid opening hours: .*start time/);
      expect(message).toContain('"DAYS HH:MM-HH:MM" separated by ";"');
      expect(message).toContain("Mon-Fri");
    });
  });
});

describe("formatOpeningHours", () => {
  it.each([
    ["the default hours", week(on(MON_FRI, [WEEKDAY_DEFAULT])), "Mon-Fri 09:00-19:30"],
    ["a round-the-clock week", week(on(MON_SUN, [ALL_DAY])), "Mon-Sun 00:00-24:00"],
    [
      "a lunch break on weekdays",
      week(on(MON_FRI, [MORNING, AFTERNOON])),
      "Mon-Fri 09:00-12:00; Mon-Fri 13:00-19:30",
    ],
    ["alternate mornings", week(on([1, 3, 5], [MORNING])), "Mon,Wed,Fri 09:00-12:00"],
    ["a weekend service", week(on([6, 7], [MORNING])), "Sat-Sun 09:00-12:00"],
    [
      "afternoons only early in the week",
      week({ ...on([1, 2], [MORNING, AFTERNOON]), ...on([3, 6], [MORNING]) }),
      "Mon-Wed,Sat 09:00-12:00; Mon-Tue 13:00-19:30",
    ],
    [
      "a late Saturday service",
      week({ 1: [WEEKDAY_DEFAULT], 6: [{ from: 600, to: 840 }] }),
      "Mon 09:00-19:30; Sat 10:00-14:00",
    ],
  ])("writes %s canonically", (_situation, hours, text) => {
    expect(formatOpeningHours(hours)).toBe(text);
    expect(parseOpeningHours(text)).toEqual(hours);
  });

  it.each([
    "Mon-Fri 09:00-19:30",
    "Mon-Sun 00:00-24:00",
    "fri 13:00-19:30; mon-fri 09:00-12:00; Mon-Thu 13:00-19:30",
    "Sun 08:00-09:00; Sat 10:00-11:00; Mon,Wed-Thu 07:00-23:59",
    "Mon 09:00-12:00; Mon 12:00-13:00; Tue-Wed 00:00-00:01; Tue-Wed 23:00-24:00",
  ])("round-trips %p through its canonical text", (text) => {
    const hours = parseOpeningHours(text);
    const canonical = formatOpeningHours(hours);
    expect(parseOpeningHours(canonical)).toEqual(hours);
    expect(formatOpeningHours(parseOpeningHours(canonical))).toBe(canonical);
  });

  it("refuses a week without any opening, which the text format cannot express", () => {
    expect(() => formatOpeningHours(week({}))).toThrow(RangeError);
  });

  it("refuses hand-built hours that overlap or are out of order", () => {
    expect(() => formatOpeningHours(week({ 1: [AFTERNOON, MORNING] }))).toThrow(RangeError);
    expect(() => formatOpeningHours(week({ 1: [{ from: 540, to: 800 }, AFTERNOON] }))).toThrow(
      /sorted with gaps/,
    );
  });
});

describe("assertWeeklyHours", () => {
  it("accepts what the parser produces", () => {
    expect(() => assertWeeklyHours(parseOpeningHours("Mon-Sun 00:00-24:00"))).not.toThrow();
  });

  it.each([
    ["a week of 7 days", [[], [], [], [], [], [], []]],
    ["hours on the unused index 0", [[MORNING], [], [], [], [], [], [], []]],
    ["an interval past 24:00", week({ 2: [{ from: 600, to: 1441 }] })],
    ["fractional minutes", week({ 2: [{ from: 600.5, to: 700 }] })],
    ["an empty interval", week({ 2: [{ from: 600, to: 600 }] })],
    ["touching intervals", week({ 2: [MORNING, { from: 720, to: 800 }] })],
  ])("refuses %s", (_situation, hours) => {
    expect(() => assertWeeklyHours(hours as WeeklyHours)).toThrow(RangeError);
  });
});
