import { addService, student, volunteer } from "./support/front-line";
import {
  alertFeed,
  allPages,
  ASK_EXTENSION,
  CLOSE,
  DECIDE_EXTENSION,
  DUE_SOON,
  HAND_OVER,
  MY_CASES,
  ok,
  OPEN,
  OVERDUE,
  pause,
  READ,
  RECEIVE,
  refusal,
  shanghai,
  staffOf,
  supervisor,
  waitFor,
  type AlertFeed,
} from "./support/case-desk";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

/*
 * Time-limited completion, through the API, with the hall's real hours (Mon-Fri 09:00-19:30 in
 * Asia/Shanghai) and the 2026 holiday arrangement. The rule under test: a PROMISED item is due
 * at closing time on the n-th working day after the local date on which its materials were
 * complete (that date itself never counts, whatever the hour); an ON_THE_SPOT item is due at
 * that day's closing, or the next working day's when the day has no closing still ahead.
 *
 * Every expected value below was worked out by hand from a 2026 calendar. Each is a local date;
 * the hall closes at 19:30 there, which is 11:30Z (Shanghai keeps UTC+8 all year).
 */

type Days = 0 | 1 | 2 | 3 | 5;

interface Scenario {
  name: string;
  days: Days;
  /** Local wall time the materials were complete. */
  complete: string;
  /** Local wall time the case was opened, when that was earlier, with nothing brought. */
  opened?: string;
  /** An extension asked for at once and approved at `approvedAt`; `due` is then after it. */
  extension?: { days: number; approvedAt: string; dueBefore: string };
  /** Local date of the due closing time. */
  due: string;
}

const closing = (localDate: string) => `${localDate}T11:30:00.000Z`;

const scenarios: Scenario[] = [
  // Ordinary weeks: March 2026, Monday 2 to Friday 13, no holidays.
  { name: "Tuesday morning, 1 day: Wednesday", days: 1, complete: "2026-03-03T10:00", due: "2026-03-04" },
  { name: "Tuesday morning, 2 days: Thursday", days: 2, complete: "2026-03-03T10:00", due: "2026-03-05" },
  { name: "Tuesday morning, 3 days: Friday", days: 3, complete: "2026-03-03T10:00", due: "2026-03-06" },
  // Wed 4, Thu 5, Fri 6, (weekend), Mon 9, Tue 10.
  { name: "Tuesday morning, 5 days: over the weekend to Tuesday", days: 5, complete: "2026-03-03T10:00", due: "2026-03-10" },
  { name: "Friday afternoon, 1 day: the weekend is skipped", days: 1, complete: "2026-03-06T15:00", due: "2026-03-09" },
  { name: "Friday afternoon, 3 days: Wednesday", days: 3, complete: "2026-03-06T15:00", due: "2026-03-11" },
  { name: "Saturday (phone, hall shut), 1 day: Monday", days: 1, complete: "2026-03-07T11:00", due: "2026-03-09" },
  { name: "Saturday (phone, hall shut), 2 days: Tuesday", days: 2, complete: "2026-03-07T11:00", due: "2026-03-10" },
  { name: "Sunday night 23:30, 1 day: Monday", days: 1, complete: "2026-03-08T23:30", due: "2026-03-09" },
  // The day of completion never counts, so after closing gives the same answer as at noon.
  { name: "Tuesday 20:00 after closing, 1 day: Wednesday", days: 1, complete: "2026-03-03T20:00", due: "2026-03-04" },
  { name: "Tuesday 20:00 after closing, 3 days: Friday", days: 3, complete: "2026-03-03T20:00", due: "2026-03-06" },
  { name: "Tuesday 08:00 before opening, 1 day: Wednesday", days: 1, complete: "2026-03-03T08:00", due: "2026-03-04" },
  { name: "Tuesday at the closing minute 19:30, 1 day: Wednesday", days: 1, complete: "2026-03-03T19:30", due: "2026-03-04" },
  // 00:30 Monday in Shanghai is 16:30Z on Sunday: the hall's date, not UTC's, is the one that counts.
  { name: "Monday 00:30 (still Sunday in UTC), 1 day: Tuesday", days: 1, complete: "2026-03-02T00:30", due: "2026-03-03" },
  // 07:30 Monday is 23:30Z Sunday: the same.
  { name: "Monday 07:30 (still Sunday in UTC), 1 day: Tuesday", days: 1, complete: "2026-03-09T07:30", due: "2026-03-10" },

  // 元旦: 2026-01-01..03 off (Thu-Sat); Sunday 01-04 is worked instead.
  { name: "元旦 eve (Wed 12-31), 1 day: the make-up Sunday 01-04", days: 1, complete: "2025-12-31T10:00", due: "2026-01-04" },
  { name: "元旦 eve, 2 days: Sunday 01-04 then Monday 01-05", days: 2, complete: "2025-12-31T10:00", due: "2026-01-05" },
  { name: "on 元旦 itself (Fri 01-02, phone), 1 day: Sunday 01-04", days: 1, complete: "2026-01-02T10:00", due: "2026-01-04" },
  { name: "on the make-up Sunday 01-04, 1 day: Monday", days: 1, complete: "2026-01-04T10:00", due: "2026-01-05" },

  // 春节: 2026-02-15..23 off (Sun-Mon); Saturdays 02-14 and 02-28 are worked.
  { name: "春节 eve (Fri 02-13), 1 day: the make-up Saturday 02-14", days: 1, complete: "2026-02-13T10:00", due: "2026-02-14" },
  // Sat 14 counts, then nine days off, then Tue 24.
  { name: "春节 eve, 2 days: Saturday 02-14 then Tuesday 02-24", days: 2, complete: "2026-02-13T10:00", due: "2026-02-24" },
  { name: "Thursday 02-12, 3 days: Fri 13, Sat 14, Tue 24", days: 3, complete: "2026-02-12T10:00", due: "2026-02-24" },
  { name: "on the make-up Saturday 02-14, 1 day: Tuesday 02-24", days: 1, complete: "2026-02-14T10:00", due: "2026-02-24" },
  { name: "Friday 02-27, 1 day: the make-up Saturday 02-28", days: 1, complete: "2026-02-27T10:00", due: "2026-02-28" },
  // Wed 25, Thu 26, Fri 27, Sat 28 (make-up), Mon 03-02.
  { name: "Tuesday 02-24, 5 days: through the make-up Saturday to Monday 03-02", days: 5, complete: "2026-02-24T10:00", due: "2026-03-02" },

  // 清明: 2026-04-04..06 off (Sat-Mon), no make-up day.
  { name: "清明 eve (Fri 04-03), 1 day: Tuesday 04-07", days: 1, complete: "2026-04-03T10:00", due: "2026-04-07" },
  { name: "Thursday 04-02, 2 days: Friday 04-03 then Tuesday 04-07", days: 2, complete: "2026-04-02T10:00", due: "2026-04-07" },

  // 劳动节: 2026-05-01..05 off (Fri-Tue); Saturday 05-09 is worked.
  { name: "劳动节 eve (Thu 04-30), 1 day: Wednesday 05-06", days: 1, complete: "2026-04-30T10:00", due: "2026-05-06" },
  { name: "劳动节 eve, 3 days: Wed 6, Thu 7, Fri 8", days: 3, complete: "2026-04-30T10:00", due: "2026-05-08" },
  // Wed 6, Thu 7, Fri 8, Sat 9 (make-up), Mon 11.
  { name: "劳动节 eve, 5 days: through the make-up Saturday to Monday 05-11", days: 5, complete: "2026-04-30T10:00", due: "2026-05-11" },
  { name: "Friday 05-08, 1 day: the make-up Saturday 05-09", days: 1, complete: "2026-05-08T10:00", due: "2026-05-09" },

  // 端午: 2026-06-19..21 off (Fri-Sun), no make-up day.
  { name: "端午 eve (Thu 06-18), 1 day: Monday 06-22", days: 1, complete: "2026-06-18T10:00", due: "2026-06-22" },
  { name: "端午 eve, 2 days: Tuesday 06-23", days: 2, complete: "2026-06-18T10:00", due: "2026-06-23" },

  // 中秋 2026-09-25..27 (Fri-Sun) and 国庆 10-01..07 (Thu-Wed); Sunday 09-20 and Saturday 10-10 worked.
  { name: "Saturday 09-19, 1 day: the make-up Sunday 09-20", days: 1, complete: "2026-09-19T10:00", due: "2026-09-20" },
  // Sun 20 (make-up), Mon 21, Tue 22, Wed 23, Thu 24.
  { name: "Friday 09-18, 5 days: from the make-up Sunday to Thursday 09-24", days: 5, complete: "2026-09-18T10:00", due: "2026-09-24" },
  { name: "中秋 eve (Thu 09-24), 1 day: Monday 09-28", days: 1, complete: "2026-09-24T10:00", due: "2026-09-28" },
  { name: "中秋 eve, 3 days: Mon 28, Tue 29, Wed 30", days: 3, complete: "2026-09-24T10:00", due: "2026-09-30" },
  { name: "国庆 eve (Wed 09-30), 1 day: Thursday 10-08", days: 1, complete: "2026-09-30T10:00", due: "2026-10-08" },
  { name: "国庆 eve after closing (20:00), 1 day: still Thursday 10-08", days: 1, complete: "2026-09-30T20:00", due: "2026-10-08" },
  { name: "国庆 eve, 3 days: Thu 8, Fri 9, the make-up Saturday 10", days: 3, complete: "2026-09-30T10:00", due: "2026-10-10" },
  // Thu 8, Fri 9, Sat 10 (make-up), (Sun 11), Mon 12, Tue 13.
  { name: "国庆 eve, 5 days: Tuesday 10-13", days: 5, complete: "2026-09-30T10:00", due: "2026-10-13" },
  { name: "Tuesday 09-29, 2 days: Wednesday 09-30 then Thursday 10-08", days: 2, complete: "2026-09-29T10:00", due: "2026-10-08" },

  // Materials arriving late: the clock starts on the day they are complete, not the day opened.
  { name: "opened Monday, complete Thursday, 2 days: Fri 6 and Mon 9", days: 2, opened: "2026-03-02T10:00", complete: "2026-03-05T14:00", due: "2026-03-09" },
  { name: "opened Monday, complete Thursday 20:00 after closing, 1 day: Friday", days: 1, opened: "2026-03-02T10:00", complete: "2026-03-05T20:00", due: "2026-03-06" },
  { name: "opened before 国庆, complete on its eve, 2 days: Thu 10-08, Fri 10-09", days: 2, opened: "2026-09-29T10:00", complete: "2026-09-30T11:00", due: "2026-10-09" },
  // Counted from the opening day it would have been 02-24; from the completion it is Wed 25, Thu 26, Fri 27.
  { name: "opened on 春节 eve, complete after the holiday (Tue 02-24), 3 days: Friday 02-27", days: 3, opened: "2026-02-13T10:00", complete: "2026-02-24T10:00", due: "2026-02-27" },

  // Extensions move the due date by their working days, counted from the old due date.
  {
    name: "Tuesday, 3 days (Friday), extended by 2 on Thursday: Mon 9, Tue 10",
    days: 3,
    complete: "2026-03-03T10:00",
    extension: { days: 2, approvedAt: "2026-03-05T10:00", dueBefore: "2026-03-06" },
    due: "2026-03-10",
  },
  {
    name: "劳动节 eve, 1 day (Wed 05-06), extended by 3 during the holiday: Thu 7, Fri 8, Sat 9 (make-up)",
    days: 1,
    complete: "2026-04-30T10:00",
    extension: { days: 3, approvedAt: "2026-05-04T10:00", dueBefore: "2026-05-06" },
    due: "2026-05-09",
  },
  {
    name: "国庆 eve, 3 days (the make-up Saturday 10-10), extended by 1: Monday 10-12",
    days: 3,
    complete: "2026-09-30T10:00",
    extension: { days: 1, approvedAt: "2026-10-09T18:00", dueBefore: "2026-10-10" },
    due: "2026-10-12",
  },
  {
    name: "Thursday 02-12, 1 day (Fri 02-13), extended by 2 on its due day: Sat 14, Tue 24",
    days: 1,
    complete: "2026-02-12T10:00",
    extension: { days: 2, approvedAt: "2026-02-13T10:00", dueBefore: "2026-02-13" },
    due: "2026-02-24",
  },
  {
    name: "extended a minute before the due closing (19:29): one more day",
    days: 1,
    complete: "2026-03-03T10:00",
    extension: { days: 1, approvedAt: "2026-03-04T19:29", dueBefore: "2026-03-04" },
    due: "2026-03-05",
  },

  // ON_THE_SPOT: today's closing while it is still ahead, else the next working day's.
  { name: "on the spot, Tuesday 10:00: Tuesday's closing", days: 0, complete: "2026-03-03T10:00", due: "2026-03-03" },
  // Before opening, today's closing is still ahead.
  { name: "on the spot, Tuesday 08:00 before opening: Tuesday's closing", days: 0, complete: "2026-03-03T08:00", due: "2026-03-03" },
  { name: "on the spot, Tuesday 20:00 after closing: Wednesday's closing", days: 0, complete: "2026-03-03T20:00", due: "2026-03-04" },
  // Closing is the end of the interval; at 19:30 itself it has passed.
  { name: "on the spot, Tuesday at 19:30 exactly: Wednesday's closing", days: 0, complete: "2026-03-03T19:30", due: "2026-03-04" },
  { name: "on the spot, Friday 20:00: Monday's closing", days: 0, complete: "2026-03-06T20:00", due: "2026-03-09" },
  { name: "on the spot, Saturday (hall shut): Monday's closing", days: 0, complete: "2026-03-07T11:00", due: "2026-03-09" },
  { name: "on the spot, the make-up Sunday 01-04 at noon: that day's closing", days: 0, complete: "2026-01-04T12:00", due: "2026-01-04" },
  { name: "on the spot, 元旦 eve 20:00: the make-up Sunday 01-04", days: 0, complete: "2025-12-31T20:00", due: "2026-01-04" },
  { name: "on the spot, the make-up Saturday 02-14 at 20:00: Tuesday 02-24", days: 0, complete: "2026-02-14T20:00", due: "2026-02-24" },
  { name: "on the spot, 国庆 eve 20:00: Thursday 10-08", days: 0, complete: "2026-09-30T20:00", due: "2026-10-08" },
];

const APPLICATION = [{ name: "申请表", count: 1 }];

describeWith("student-affairs", "logistics", "security")("due dates under the hall's calendar", () => {
  let hall: TestHall;
  let desk: { token: string; badgeNo: string };
  let dana: { token: string; studentNo: string };
  let boss: { token: string };
  const clock = () => hall.hall.services.clock;

  beforeAll(async () => {
    hall = await startTestHall({
      env: { HALL_OPENING_HOURS: "Mon-Fri 09:00-19:30", HALL_TIME_ZONE: "Asia/Shanghai", SWEEP_SECONDS: "86400" },
    });
    for (const days of [1, 2, 3, 5]) {
      await addService(hall, `dd-${days}`, "student-affairs", {
        mode: "PROMISED",
        promisedWorkingDays: days,
        materials: APPLICATION,
      });
    }
    await addService(hall, "dd-0", "student-affairs", { mode: "ON_THE_SPOT", materials: APPLICATION });
    desk = await volunteer(hall);
    dana = await student(hall);
    boss = await supervisor(hall);
  });
  afterEach(() => clock().set(null));
  afterAll(() => hall.stop());

  it("runs with the real hours: the hall is shut on a Saturday", async () => {
    clock().set(shanghai("2026-03-07T11:00"));
    const reply = await hall.gql(`mutation{ takeTicket(serviceCode: "dd-1"){ id } }`, {}, dana.token);
    expect(refusal(reply)).toEqual({ code: "OUTSIDE_SERVICE_HOURS" });
  });

  it.each(scenarios)("$name", async (row) => {
    clock().set(shanghai(row.opened ?? row.complete));
    const input = {
      origin: "PHONE",
      serviceCode: `dd-${row.days}`,
      studentNo: dana.studentNo,
      subject: row.name,
      materialsReceived: row.opened ? [] : APPLICATION,
    };
    let item = ok(await hall.gql(OPEN, { input }, desk.token), "openCase");
    if (row.opened) {
      expect(item).toMatchObject({ status: "AWAITING_MATERIALS", dueAt: null });
      clock().set(shanghai(row.complete));
      item = ok(await hall.gql(RECEIVE, { c: item.id, m: APPLICATION }, desk.token), "receiveMaterials");
      expect(item.materialsCompleteAt).toBe(shanghai(row.complete).toISOString());
    }
    if (row.extension) {
      expect(item.dueAt).toBe(closing(row.extension.dueBefore));
      const ask = { c: item.id, days: row.extension.days, reason: "需要学院复核" };
      ok(await hall.gql(ASK_EXTENSION, ask, desk.token), "requestExtension");
      clock().set(shanghai(row.extension.approvedAt));
      item = ok(await hall.gql(DECIDE_EXTENSION, { c: item.id }, boss.token), "approveExtension");
    }

    expect(item.dueAt).toBe(closing(row.due));
    expect(ok(await hall.gql(READ, { id: item.id }, dana.token), "case").dueAt).toBe(closing(row.due));
    if (row.extension) {
      const mine = await hall.gql(MY_CASES, { first: 100 }, dana.token);
      expect(ok(mine, "myCases").nodes.find((n: { id: string }) => n.id === item.id)?.dueAt).toBe(closing(row.due));
    }
    ok(await hall.gql(CLOSE, { c: item.id, answer: "已告知办结日期" }, desk.token), "closeCase");
  });

  it("the table holds at least 30 scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
  });

  describe("overdue and due-soon cases, and their alerts", () => {
    // Monday 2026-03-09, 10:00 in the hall. Promised days from then:
    //   security 1 day   -> Tuesday 03-10 19:30 (11:30Z)
    //   logistics 2 days -> Wednesday 03-11 19:30
    //   logistics 5 days -> Monday 03-16 19:30
    // and a student-affairs case still awaiting materials is handed to logistics and never accepted.
    const monday = shanghai("2026-03-09T10:00");
    const wednesday = shanghai("2026-03-11T10:00");
    const thursday = shanghai("2026-03-12T10:00");
    let overdueSecurity: string;
    let dueSoonLogistics: string;
    let laterLogistics: string;
    let unaccepted: string;
    let lgStaff: { token: string };
    let secStaff: { token: string };
    let saStaff: { token: string };
    const feeds: AlertFeed[] = [];

    const open = async (serviceCode: string, materialsReceived = APPLICATION) =>
      ok(await hall.gql(OPEN, { input: { origin: "PHONE", serviceCode, subject: serviceCode, materialsReceived } }, desk.token), "openCase")
        .id as string;
    const ids = (page: { nodes: Array<{ id: string }> }) => page.nodes.map((n) => n.id);

    beforeAll(async () => {
      await addService(hall, "dd-sec-1", "security", { mode: "PROMISED", promisedWorkingDays: 1, materials: APPLICATION });
      await addService(hall, "dd-dorm-2", "logistics", { mode: "PROMISED", promisedWorkingDays: 2, materials: APPLICATION });
      await addService(hall, "dd-dorm-5", "logistics", { mode: "PROMISED", promisedWorkingDays: 5, materials: APPLICATION });
      lgStaff = await staffOf(hall, "logistics");
      secStaff = await staffOf(hall, "security");
      saStaff = await staffOf(hall, "student-affairs");

      clock().set(monday);
      overdueSecurity = await open("dd-sec-1");
      dueSoonLogistics = await open("dd-dorm-2");
      laterLogistics = await open("dd-dorm-5");
      unaccepted = await open("dd-1", []);
      ok(await hall.gql(HAND_OVER, { c: unaccepted, to: "logistics", reason: "宿舍相关" }, desk.token), "handOver");
      clock().set(null);
    });
    afterAll(async () => {
      await Promise.all(feeds.map((feed) => feed.close()));
    });

    it("on Wednesday morning the security case is overdue and the two-day logistics case due soon", async () => {
      clock().set(wednesday);
      const overdue = ok(await hall.gql(OVERDUE, { first: 100 }, boss.token), "overdueCases");
      expect(ids(overdue)).toEqual([overdueSecurity]);
      const soon = ok(await hall.gql(DUE_SOON, { h: 24, first: 100 }, boss.token), "dueSoon");
      expect(ids(soon)).toEqual([dueSoonLogistics]);
      const month = ok(await hall.gql(DUE_SOON, { h: 720, first: 100 }, boss.token), "dueSoon");
      expect(ids(month)).toEqual([dueSoonLogistics, laterLogistics]);
      expect(month.nodes[0].dueAt).toBe(closing("2026-03-11"));
      expect(month.nodes[1].dueAt).toBe(closing("2026-03-16"));
    });

    it("staff see only their own department's overdue and due-soon cases", async () => {
      clock().set(wednesday);
      expect(ids(ok(await hall.gql(OVERDUE, {}, lgStaff.token), "overdueCases"))).toEqual([]);
      expect(ids(ok(await hall.gql(OVERDUE, {}, secStaff.token), "overdueCases"))).toEqual([overdueSecurity]);
      expect(ids(ok(await hall.gql(DUE_SOON, { h: 24 }, lgStaff.token), "dueSoon"))).toEqual([dueSoonLogistics]);
      expect(ids(ok(await hall.gql(DUE_SOON, { h: 24 }, secStaff.token), "dueSoon"))).toEqual([]);
      expect(ids(ok(await hall.gql(OVERDUE, { d: "logistics" }, boss.token), "overdueCases"))).toEqual([]);
      expect(refusal(await hall.gql(OVERDUE, { d: "security" }, lgStaff.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(OVERDUE, {}, desk.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(DUE_SOON, { h: 0 }, boss.token))).toEqual({ code: "BAD_USER_INPUT", field: "withinHours" });
    });

    it("a sweep sends each alert once: to the supervisor all three, to each department its own", async () => {
      const everything = alertFeed(hall, boss.token);
      const logistics = alertFeed(hall, lgStaff.token);
      const security = alertFeed(hall, secStaff.token);
      const studentAffairs = alertFeed(hall, saStaff.token);
      feeds.push(everything, logistics, security, studentAffairs);
      await Promise.all([everything, logistics, security, studentAffairs].map((feed) => feed.ready));
      // The subscribe message follows the connection: give the server a moment to register it.
      await pause(300);

      clock().set(wednesday);
      expect(await hall.hall.services.cases.sweep(60, 24)).toBe(3);
      await waitFor(() => everything.alerts.length >= 3, "the supervisor's three alerts");
      await waitFor(() => studentAffairs.alerts.length >= 1, "student affairs' alert");
      await pause(200);

      const seen = (feed: AlertFeed) => feed.alerts.map((a) => `${a.kind} ${a.caseId}`).sort();
      expect(seen(everything)).toEqual(
        [`OVERDUE ${overdueSecurity}`, `DUE_SOON ${dueSoonLogistics}`, `HANDOVER_NOT_ACCEPTED ${unaccepted}`].sort(),
      );
      expect(seen(logistics)).toEqual([`DUE_SOON ${dueSoonLogistics}`]);
      expect(seen(security)).toEqual([`OVERDUE ${overdueSecurity}`]);
      // The handover went back to its owner, so the alert is the sending department's.
      expect(seen(studentAffairs)).toEqual([`HANDOVER_NOT_ACCEPTED ${unaccepted}`]);
      for (const feed of [everything, logistics, security, studentAffairs]) expect(feed.errors).toEqual([]);

      const returned = ok(await hall.gql(READ, { id: unaccepted }, boss.token), "case");
      expect(returned).toMatchObject({ status: "AWAITING_MATERIALS", handoverToDepartment: null, owner: { badgeNo: desk.badgeNo } });

      expect(await hall.hall.services.cases.sweep(60, 24)).toBe(0);
      await pause(300);
      expect(everything.alerts).toHaveLength(3);
      expect(logistics.alerts).toHaveLength(1);
    });

    it("a day later the due-soon case is overdue: one OVERDUE alert, and no due-soon alert for a case already overdue", async () => {
      const everything = feeds[0];
      const logistics = feeds[1];
      clock().set(thursday);
      expect(await hall.hall.services.cases.sweep(60, 24)).toBe(1);
      await waitFor(() => everything.alerts.length >= 4, "the fourth alert");
      await pause(200);

      expect(everything.alerts.slice(3).map((a) => `${a.kind} ${a.caseId}`)).toEqual([`OVERDUE ${dueSoonLogistics}`]);
      expect(logistics.alerts.map((a) => a.kind)).toEqual(["DUE_SOON", "OVERDUE"]);
      expect(await hall.hall.services.cases.sweep(60, 24)).toBe(0);
      const overdue = ok(await hall.gql(OVERDUE, {}, boss.token), "overdueCases");
      expect(ids(overdue)).toEqual([overdueSecurity, dueSoonLogistics]);
    });

    it("students, volunteers and strangers cannot subscribe to alerts; staff not to another department's", async () => {
      const refusedFeeds = [
        alertFeed(hall, dana.token),
        alertFeed(hall, desk.token),
        alertFeed(hall, lgStaff.token, "security"),
      ];
      feeds.push(...refusedFeeds);
      for (const feed of refusedFeeds) {
        await waitFor(() => feed.errors.length > 0 || feed.failure !== undefined, "the refusal");
      }
      expect(refusedFeeds.map((feed) => feed.errors[0]?.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);

      const stranger = alertFeed(hall, "");
      feeds.push(stranger);
      await waitFor(() => stranger.errors.length > 0 || stranger.failure !== undefined, "the stranger's refusal");
      expect(stranger.errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("the student is shown their case's due date in myCases", async () => {
      clock().set(shanghai("2026-04-30T10:00"));
      const input = { origin: "PHONE", serviceCode: "dd-1", studentNo: dana.studentNo, subject: "劳动节前", materialsReceived: APPLICATION };
      const opened = ok(await hall.gql(OPEN, { input }, desk.token), "openCase");
      const mine = await allPages(hall, MY_CASES, "myCases", dana.token, {}, 50);
      expect(mine.ids).toContain(opened.id);
      const page = ok(await hall.gql(MY_CASES, { first: 100 }, dana.token), "myCases");
      expect(page.nodes.find((n: { id: string }) => n.id === opened.id)?.dueAt).toBe(closing("2026-05-06"));
    });
  });
});
