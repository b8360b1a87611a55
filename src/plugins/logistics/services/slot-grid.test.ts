import type { HallCalendar } from "../../../core";
import { bookableStarts, formatMinute, gridMinute, localInstant } from "./slot-grid";

/** Only what the grid reads of a calendar: a morning from 09:15 and an afternoon to 19:30. */
const calendar = {
  timeZone: "Asia/Shanghai",
  hoursOn: (date: string) =>
    date === "2026-12-10" ? [] : [{ from: 555, to: 720 }, { from: 780, to: 1170 }],
} as unknown as HallCalendar;

describe("the half-hour grid", () => {
  it("reads times on the grid, 24:00 only as an end", () => {
    expect(gridMinute("14:30", "startTime")).toBe(870);
    expect(gridMinute("24:00", "endTime", true)).toBe(1440);
    expect(() => gridMinute("24:00", "startTime")).toThrow(/23:30/);
    expect(() => gridMinute("14:10", "startTime")).toThrow(/half hour/);
    expect(() => gridMinute("2pm", "startTime")).toThrow(/HH:MM/);
  });

  it("offers only whole half hours inside each opening", () => {
    const starts = bookableStarts(calendar, "2026-12-09").map(formatMinute);
    expect(starts[0]).toBe("09:30");
    expect(starts).toContain("11:30");
    expect(starts).not.toContain("12:00");
    expect(starts).toContain("13:00");
    expect(starts[starts.length - 1]).toBe("19:00");
    expect(bookableStarts(calendar, "2026-12-10")).toEqual([]);
  });

  it("places a local time in the hall's zone", () => {
    expect(localInstant(calendar, "2026-12-09", 600).toISOString()).toBe("2026-12-09T02:00:00.000Z");
    expect(localInstant(calendar, "2026-12-09", 1440).toISOString()).toBe("2026-12-09T16:00:00.000Z");
  });
});
