import { addWindow, codeOf, signOn, student, volunteer } from "../support/front-line";
import { otherDepartmentStaff } from "../support/other-department";
import { pluginsEnabled, startTestHall, type TestHall } from "../support/test-hall";

const NOW = new Date("2026-03-11T02:00:00Z");
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

const PUBLISH = `mutation($input: PublishLeagueActivityInput!){ publishLeagueActivity(input:$input){ id capacity confirmed waiting } }`;
const SIGN_UP = `mutation($a: ID!, $n: String){ signUpForActivity(activityId:$a, studentNo:$n){ id status waitingPosition promoted } }`;
const CANCEL = `mutation($s: ID!){ cancelActivitySignUp(signUpId:$s){ id status } }`;
const ACTIVITY = `query($id: ID!){ leagueActivity(id:$id){ confirmed waiting mySignUp { status waitingPosition } } }`;
const MINE = `{ myActivitySignUps { nodes { id status promoted waitingPosition activity { title } } } }`;
const CHECK_IN = `mutation($a: ID!, $n: String!){ checkInToActivity(activityId:$a, studentNo:$n){ status checkedInAt } }`;

/** Counts SQL statements while `on`, to show nested fields are batched. */
const sql = { on: false, queries: 0 };
const sqlLogger = {
  logQuery: () => void (sql.on && sql.queries++),
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

(pluginsEnabled("youth-league") ? describe : describe.skip)("the Youth League Committee", () => {
  let hall: TestHall;
  let staff: { token: string };
  let desk: Awaited<ReturnType<typeof volunteer>>;
  let serial = 0;

  beforeAll(async () => {
    hall = await startTestHall({ sqlLogger });
    hall.hall.services.clock.set(NOW);
    staff = await hall.account({ account: "league-staff", role: "STAFF", name: "团委老师", department: "youth-league" });
    const windowId = await addWindow(hall, "E1", "youth-league", ["charity-item-lending"]);
    desk = await volunteer(hall);
    await signOn(hall, desk.token, windowId);
  });
  afterEach(() => hall.hall.services.clock.set(NOW));
  afterAll(() => hall.stop());

  async function publish(capacity: number, startsIn = 2 * DAY) {
    const reply = await hall.gql(
      PUBLISH,
      {
        input: {
          title: `读书沙龙 ${++serial}`,
          place: "平台活动室",
          startsAt: at(startsIn),
          endsAt: at(startsIn + 2 * HOUR),
          capacity,
        },
      },
      staff.token,
    );
    expect(reply.errors).toBeUndefined();
    return reply.data.publishLeagueActivity.id as string;
  }

  const signUp = async (activityId: string, token: string) => (await hall.gql(SIGN_UP, { a: activityId }, token)).data.signUpForActivity;

  describe("activities", () => {
    it("League staff publish an activity; bad input is refused naming the field, and others may not publish", async () => {
      const good = { title: "志愿者培训", place: "平台活动室", startsAt: at(DAY), endsAt: at(DAY + HOUR), capacity: 30 };
      const published = await hall.gql(PUBLISH, { input: good }, staff.token);
      expect(published.data.publishLeagueActivity).toMatchObject({ capacity: 30, confirmed: 0, waiting: 0 });

      const bad: Array<[Record<string, unknown>, string]> = [
        [{ capacity: 0 }, "capacity"],
        [{ title: "   " }, "title"],
        [{ title: "x".repeat(101) }, "title"],
        [{ startsAt: at(-HOUR) }, "startsAt"],
        [{ endsAt: at(DAY - HOUR) }, "endsAt"],
        [{ endsAt: at(DAY + 8 * DAY) }, "endsAt"],
      ];
      for (const [change, field] of bad) {
        const reply = await hall.gql(PUBLISH, { input: { ...good, ...change } }, staff.token);
        expect({ field, code: codeOf(reply), at: reply.errors?.[0].extensions?.field }).toEqual({ field, code: "BAD_USER_INPUT", at: field });
      }

      const s = await student(hall);
      const outsider = await otherDepartmentStaff(hall, "youth-league", "yl-outsider");
      expect(codeOf(await hall.gql(PUBLISH, { input: good }, s.token))).toBe("FORBIDDEN");
      if (outsider) expect(codeOf(await hall.gql(PUBLISH, { input: good }, outsider.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(PUBLISH, { input: good }))).toBe("UNAUTHENTICATED");

      const listed = await hall.gql(`{ leagueActivities(first: 100) { nodes { title place } } }`);
      expect(listed.data.leagueActivities.nodes).toContainEqual({ title: "志愿者培训", place: "平台活动室" });
    });

    it("a sign-up beyond capacity goes to the waiting list and moves up on a cancellation", async () => {
      const activity = await publish(2);
      const [a, b, c, d] = [await student(hall), await student(hall), await student(hall), await student(hall)];
      const first = await signUp(activity, a.token);
      expect(first).toMatchObject({ status: "CONFIRMED", waitingPosition: null });
      await signUp(activity, b.token);
      const third = await signUp(activity, c.token);
      const fourth = await signUp(activity, d.token);
      expect(third).toMatchObject({ status: "WAITING", waitingPosition: 1 });
      expect(fourth).toMatchObject({ status: "WAITING", waitingPosition: 2 });
      expect((await hall.gql(ACTIVITY, { id: activity }, a.token)).data.leagueActivity).toEqual({
        confirmed: 2,
        waiting: 2,
        mySignUp: { status: "CONFIRMED", waitingPosition: null },
      });

      const cancelled = await hall.gql(CANCEL, { s: first.id }, a.token);
      expect(cancelled.data.cancelActivitySignUp.status).toBe("CANCELLED");
      const moved = (await hall.gql(MINE, {}, c.token)).data.myActivitySignUps.nodes;
      expect(moved).toEqual([expect.objectContaining({ id: third.id, status: "CONFIRMED", promoted: true, waitingPosition: null })]);
      expect((await hall.gql(MINE, {}, d.token)).data.myActivitySignUps.nodes[0]).toMatchObject({ waitingPosition: 1 });
      expect((await hall.gql(ACTIVITY, { id: activity }, a.token)).data.leagueActivity).toEqual({
        confirmed: 2,
        waiting: 1,
        mySignUp: null,
      });

      // The last on the list leaving shortens the list; a place nobody waits for frees up.
      await hall.gql(CANCEL, { s: fourth.id }, d.token);
      await hall.gql(CANCEL, { s: third.id }, c.token);
      expect((await hall.gql(ACTIVITY, { id: activity })).data.leagueActivity).toMatchObject({ confirmed: 1, waiting: 0 });
      expect(codeOf(await hall.gql(CANCEL, { s: third.id }, c.token))).toBe("CONFLICT");
    });

    it("one standing sign-up per student; after cancelling, signing up again goes to the end", async () => {
      const activity = await publish(1);
      const [a, b] = [await student(hall), await student(hall)];
      const mine = await signUp(activity, a.token);
      expect(codeOf(await hall.gql(SIGN_UP, { a: activity }, a.token))).toBe("CONFLICT");
      await signUp(activity, b.token);
      await hall.gql(CANCEL, { s: mine.id }, a.token);
      expect(await signUp(activity, a.token)).toMatchObject({ status: "WAITING", waitingPosition: 1 });
    });

    it("a student sees and cancels only their own sign-ups; staff of other departments see none", async () => {
      const activity = await publish(5);
      const [a, b] = [await student(hall), await student(hall)];
      const theirs = await signUp(activity, a.token);
      expect(codeOf(await hall.gql(CANCEL, { s: theirs.id }, b.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(CANCEL, { s: "not-an-id" }, b.token))).toBe("NOT_FOUND");
      expect((await hall.gql(MINE, {}, b.token)).data.myActivitySignUps.nodes).toEqual([]);
      expect(codeOf(await hall.gql(SIGN_UP, { a: activity, n: a.studentNo }, b.token))).toBe("FORBIDDEN");

      const list = `query($a: ID!){ activitySignUps(activityId:$a){ nodes { studentNo status } } }`;
      const outsider = await otherDepartmentStaff(hall, "youth-league", "yl-outsider-2");
      expect(codeOf(await hall.gql(list, { a: activity }, a.token))).toBe("FORBIDDEN");
      if (outsider) {
        expect(codeOf(await hall.gql(list, { a: activity }, outsider.token))).toBe("FORBIDDEN");
        expect(codeOf(await hall.gql(CANCEL, { s: theirs.id }, outsider.token))).toBe("FORBIDDEN");
      }
      expect((await hall.gql(list, { a: activity }, staff.token)).data.activitySignUps.nodes).toEqual([
        { studentNo: a.studentNo, status: "CONFIRMED" },
      ]);
    });

    it("the League's window signs a student up by number", async () => {
      const activity = await publish(5);
      const s = await student(hall);
      const reply = await hall.gql(SIGN_UP, { a: activity, n: s.studentNo }, desk.token);
      expect(reply.data.signUpForActivity.status).toBe("CONFIRMED");
      expect((await hall.gql(MINE, {}, s.token)).data.myActivitySignUps.nodes).toHaveLength(1);
      expect(codeOf(await hall.gql(SIGN_UP, { a: activity, n: "20260000000" }, desk.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(SIGN_UP, { a: activity }, desk.token))).toBe("BAD_USER_INPUT");
    });

    it("sign-ups and cancellations close when the activity starts", async () => {
      const activity = await publish(5, HOUR);
      const [a, b] = [await student(hall), await student(hall)];
      const mine = await signUp(activity, a.token);
      hall.hall.services.clock.set(new Date(NOW.getTime() + HOUR));
      expect(codeOf(await hall.gql(SIGN_UP, { a: activity }, b.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(CANCEL, { s: mine.id }, a.token))).toBe("CONFLICT");
    });

    it("League staff check in students with a place, once, from an hour before the start", async () => {
      const activity = await publish(1, 3 * HOUR);
      const [a, b, c] = [await student(hall), await student(hall), await student(hall)];
      await signUp(activity, a.token);
      await signUp(activity, b.token);

      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: a.studentNo }, staff.token))).toBe("CONFLICT");
      hall.hall.services.clock.set(new Date(NOW.getTime() + 2.5 * HOUR));
      const checked = await hall.gql(CHECK_IN, { a: activity, n: a.studentNo }, staff.token);
      expect(checked.data.checkInToActivity).toMatchObject({ status: "CONFIRMED", checkedInAt: at(2.5 * HOUR) });
      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: a.studentNo }, staff.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: b.studentNo }, staff.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: c.studentNo }, staff.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: c.studentNo }, desk.token))).toBe("FORBIDDEN");
      hall.hall.services.clock.set(new Date(NOW.getTime() + 6 * HOUR));
      expect(codeOf(await hall.gql(CHECK_IN, { a: activity, n: b.studentNo }, staff.token))).toBe("CONFLICT");
    });

    it(`30 students signing up at once for 5 places: 5 get places, 25 wait in distinct places (${process.env.TEST_DATABASE_URL ? "MySQL" : "SQLite"})`, async () => {
      const activity = await publish(5);
      const students: Array<{ token: string }> = [];
      for (let i = 0; i < 30; i++) students.push(await student(hall));
      const replies = await Promise.all(students.map((s) => hall.gql(SIGN_UP, { a: activity }, s.token)));
      expect(replies.filter((r) => r.errors)).toEqual([]);
      const signUps = replies.map((r) => r.data.signUpForActivity);
      expect(signUps.filter((s) => s.status === "CONFIRMED")).toHaveLength(5);
      const waiting = signUps.filter((s) => s.status === "WAITING").map((s) => s.waitingPosition);
      expect(new Set(waiting)).toEqual(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));

      // The five with places give them up at once: the first five waiting move up, no more.
      const placed = signUps.map((s, i) => ({ s, i })).filter(({ s }) => s.status === "CONFIRMED");
      const cancels = await Promise.all(placed.map(({ s, i }) => hall.gql(CANCEL, { s: s.id }, students[i].token)));
      expect(cancels.filter((r) => r.errors)).toEqual([]);
      expect((await hall.gql(ACTIVITY, { id: activity })).data.leagueActivity).toMatchObject({ confirmed: 5, waiting: 20 });
      const list = await hall.gql(
        `query($a: ID!){ activitySignUps(activityId:$a, status: CONFIRMED){ nodes { id promoted } } }`,
        { a: activity },
        staff.token,
      );
      const movedUp = signUps.filter((s) => s.status === "WAITING" && s.waitingPosition <= 5).map((s) => s.id);
      expect(new Set(list.data.activitySignUps.nodes.map((n: { id: string }) => n.id))).toEqual(new Set(movedUp));
    });
  });

  it("a page of sign-ups with their activities and places costs the same few queries for 3 rows or 12", async () => {
    const s = await student(hall);
    const queriesFor = async (rows: number) => {
      sql.queries = 0;
      sql.on = true;
      const reply = await hall.gql(
        `query($n: Int){ myActivitySignUps(first: $n){ nodes { status waitingPosition activity { title mySignUp { status } } } } }`,
        { n: rows },
        s.token,
      );
      sql.on = false;
      expect(reply.data.myActivitySignUps.nodes).toHaveLength(rows);
      return sql.queries;
    };
    // Every one waiting behind another student, so that any page has waiting positions to load.
    const ahead = await student(hall);
    for (let i = 0; i < 12; i++) {
      const activity = await publish(1);
      await signUp(activity, ahead.token);
      await signUp(activity, s.token);
    }
    expect(await queriesFor(12)).toBe(await queriesFor(3));
  });

  describe("volunteer service hours", () => {
    const RECORD = `mutation($input: RecordVolunteerHoursInput!){ recordVolunteerHours(input:$input){ hours activity { title } } }`;
    const MY_HOURS = `{ myVolunteerHours { studentNo totalHours entries { nodes { hours note activity { title } } } } }`;

    it("League staff record hours per activity; the student reads their total and entries", async () => {
      const [first, second] = [await publish(10, HOUR), await publish(10, 2 * HOUR)];
      const s = await student(hall);
      hall.hall.services.clock.set(new Date(NOW.getTime() + 3 * HOUR));
      const one = await hall.gql(RECORD, { input: { activityId: first, studentNo: s.studentNo, hours: 2.5, note: "引导签到" } }, staff.token);
      expect(one.errors).toBeUndefined();
      await hall.gql(RECORD, { input: { activityId: second, studentNo: s.studentNo, hours: 3 } }, staff.token);

      const mine = (await hall.gql(MY_HOURS, {}, s.token)).data.myVolunteerHours;
      expect(mine.studentNo).toBe(s.studentNo);
      expect(mine.totalHours).toBe(5.5);
      expect(mine.entries.nodes).toHaveLength(2);
      expect(mine.entries.nodes).toContainEqual({ hours: 2.5, note: "引导签到", activity: { title: expect.any(String) } });

      const again = await hall.gql(RECORD, { input: { activityId: first, studentNo: s.studentNo, hours: 1 } }, staff.token);
      expect(codeOf(again)).toBe("CONFLICT");

      const other = await student(hall);
      expect((await hall.gql(MY_HOURS, {}, other.token)).data.myVolunteerHours).toMatchObject({ totalHours: 0, entries: { nodes: [] } });
      const of = `query($n: String!){ volunteerHoursOf(studentNo:$n){ totalHours } }`;
      expect(codeOf(await hall.gql(of, { n: s.studentNo }, other.token))).toBe("FORBIDDEN");
      expect((await hall.gql(of, { n: s.studentNo }, staff.token)).data.volunteerHoursOf.totalHours).toBe(5.5);
    });

    it("hours are half hours up to 24, for an activity that has begun, by League staff", async () => {
      const future = await publish(10, DAY);
      const s = await student(hall);
      const input = (change: Record<string, unknown>) => ({ input: { activityId: future, studentNo: s.studentNo, hours: 1, ...change } });
      for (const hours of [0, 0.3, 24.5, -1]) {
        const reply = await hall.gql(RECORD, input({ hours }), staff.token);
        expect([hours, codeOf(reply), reply.errors?.[0].extensions?.field]).toEqual([hours, "BAD_USER_INPUT", "hours"]);
      }
      expect(codeOf(await hall.gql(RECORD, input({}), staff.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(RECORD, input({ studentNo: "20260000000" }), staff.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(RECORD, input({}), desk.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(RECORD, input({}), s.token))).toBe("FORBIDDEN");
    });
  });

  describe("charity services", () => {
    const ADD = `mutation($input: AddCharityItemInput!){ addCharityItem(input:$input){ id stock onLoan } }`;
    const LEND = `mutation($i: ID!, $n: String!){ lendCharityItem(itemId:$i, studentNo:$n){ id dueAt overdue item { name stock } } }`;
    const RETURN = `mutation($l: ID!){ returnCharityItem(loanId:$l){ returnedAt item { stock onLoan } } }`;
    const OVERDUE = `{ overdueCharityLoans { nodes { id studentNo overdue item { name } } } }`;

    async function addItem(name: string, stock: number, loanDays = 3) {
      const reply = await hall.gql(ADD, { input: { name, stock, loanDays } }, staff.token);
      expect(reply.errors).toBeUndefined();
      return reply.data.addCharityItem.id as string;
    }

    it("lending takes one off the shelf and returning puts it back; none left is refused", async () => {
      const umbrella = await addItem("爱心雨伞", 2);
      const [a, b, c] = [await student(hall), await student(hall), await student(hall)];
      const lent = await hall.gql(LEND, { i: umbrella, n: a.studentNo }, desk.token);
      expect(lent.data.lendCharityItem).toMatchObject({ dueAt: at(3 * DAY), overdue: false, item: { name: "爱心雨伞", stock: 1 } });
      expect(codeOf(await hall.gql(LEND, { i: umbrella, n: a.studentNo }, desk.token))).toBe("CONFLICT");
      await hall.gql(LEND, { i: umbrella, n: b.studentNo }, staff.token);
      const none = await hall.gql(LEND, { i: umbrella, n: c.studentNo }, desk.token);
      expect(codeOf(none)).toBe("CONFLICT");
      expect(none.errors![0].message).toMatch(/No 爱心雨伞 is left/);

      const back = await hall.gql(RETURN, { l: lent.data.lendCharityItem.id }, desk.token);
      expect(back.data.returnCharityItem).toMatchObject({ returnedAt: NOW.toISOString(), item: { stock: 1, onLoan: 1 } });
      expect(codeOf(await hall.gql(RETURN, { l: lent.data.lendCharityItem.id }, desk.token))).toBe("CONFLICT");
      expect((await hall.gql(`{ myCharityLoans { nodes { returnedAt item { name } } } }`, {}, a.token)).data.myCharityLoans.nodes).toEqual([
        { returnedAt: NOW.toISOString(), item: { name: "爱心雨伞" } },
      ]);
    });

    it("a loan past its due date is listed for League staff, and its borrower borrows nothing more until it is back", async () => {
      const stapler = await addItem("订书机", 5, 1);
      const charger = await addItem("充电宝", 5, 7);
      const s = await student(hall);
      const loan = (await hall.gql(LEND, { i: stapler, n: s.studentNo }, desk.token)).data.lendCharityItem;
      hall.hall.services.clock.set(new Date(NOW.getTime() + 2 * DAY));

      const overdue = (await hall.gql(OVERDUE, {}, staff.token)).data.overdueCharityLoans.nodes;
      expect(overdue).toContainEqual({ id: loan.id, studentNo: s.studentNo, overdue: true, item: { name: "订书机" } });
      const refused = await hall.gql(LEND, { i: charger, n: s.studentNo }, desk.token);
      expect(codeOf(refused)).toBe("CONFLICT");
      expect(refused.errors![0].message).toMatch(/overdue/);

      await hall.gql(RETURN, { l: loan.id }, desk.token);
      expect((await hall.gql(OVERDUE, {}, staff.token)).data.overdueCharityLoans.nodes).not.toContainEqual(
        expect.objectContaining({ id: loan.id }),
      );
      expect((await hall.gql(LEND, { i: charger, n: s.studentNo }, desk.token)).errors).toBeUndefined();
    });

    it("only the League's window lends, only League staff see overdue loans or add items", async () => {
      const pen = await addItem("签字笔", 5);
      const s = await student(hall);
      const offDuty = await volunteer(hall);
      expect(codeOf(await hall.gql(LEND, { i: pen, n: s.studentNo }, offDuty.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(LEND, { i: pen, n: s.studentNo }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(OVERDUE, {}, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(ADD, { input: { name: "x", stock: 1, loanDays: 1 } }, desk.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(ADD, { input: { name: "签字笔", stock: 1, loanDays: 1 } }, staff.token))).toBe("CONFLICT");
      const bad: Array<[Record<string, unknown>, string]> = [[{ stock: -1 }, "stock"], [{ loanDays: 0 }, "loanDays"], [{ name: " " }, "name"]];
      for (const [change, field] of bad) {
        const reply = await hall.gql(ADD, { input: { name: "新物品", stock: 1, loanDays: 1, ...change } }, staff.token);
        expect([codeOf(reply), reply.errors?.[0].extensions?.field]).toEqual(["BAD_USER_INPUT", field]);
      }
      expect(codeOf(await hall.gql(LEND, { i: "not-an-id", n: s.studentNo }, desk.token))).toBe("NOT_FOUND");
      const items = (await hall.gql(`{ charityItems(first: 100) { nodes { name stock onLoan } } }`)).data.charityItems.nodes;
      expect(items).toContainEqual({ name: "签字笔", stock: 5, onLoan: 0 });
    });

    it(`20 loans of 3 chargers at once lend exactly 3 (${process.env.TEST_DATABASE_URL ? "MySQL" : "SQLite"})`, async () => {
      const item = await addItem("移动电源", 3);
      const students: Array<{ studentNo: string }> = [];
      for (let i = 0; i < 20; i++) students.push(await student(hall));
      const replies = await Promise.all(students.map((s) => hall.gql(LEND, { i: item, n: s.studentNo }, desk.token)));
      expect(replies.filter((r) => r.data?.lendCharityItem)).toHaveLength(3);
      expect(replies.filter((r) => r.errors).map(codeOf)).toEqual(Array(17).fill("CONFLICT"));
      const items = (await hall.gql(`{ charityItems(first: 100) { nodes { name stock onLoan } } }`)).data.charityItems.nodes;
      expect(items).toContainEqual({ name: "移动电源", stock: 0, onLoan: 3 });
    });
  });
});
