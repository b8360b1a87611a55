import type { Logger as TypeOrmLogger } from "typeorm";
import { CaseEntity } from "../src/core/cases/case.entity";
import { RatingEntity } from "../src/core/accountability/rating.entity";
import { TicketEntity } from "../src/core/queue/ticket.entity";
import { type Desk, FILE, ok, openDesk, RATE, staff, supervisor } from "./support/accountability";
import { CALL, codeOf, student, TAKE } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const FIGURES = `from to department badgeNo ticketsTaken ticketsServed noShows ticketsCancelled
  waitMedianSeconds waitP90Seconds serviceMedianSeconds casesOpened casesClosed casesOverdue caseOnTimeRate
  ratingCount ratings { level count } badRatingRate complaintsFiled complaintsByState { status count }
  followUpsOpened followUpsDone followUpsDoneOnTime followUpsOverdue followUpOnTimeRate`;
const DEPARTMENT_STATS = `query($d: String!, $from: DateTimeISO!, $to: DateTimeISO!){ departmentStats(department:$d, from:$from, to:$to){ ${FIGURES} } }`;
const VOLUNTEER_STATS = `query($b: String!, $from: DateTimeISO!, $to: DateTimeISO!){ volunteerStats(badgeNo:$b, from:$from, to:$to){ ${FIGURES} } }`;
const HALL_STATS = `query($from: DateTimeISO!, $to: DateTimeISO!){ hallStats(from:$from, to:$to){
  hall { ticketsTaken ratingCount } departments { department ${FIGURES} } } }`;

/** An instant on a local day in Shanghai (UTC+8, no daylight saving). */
function local(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/** A TypeORM logger that counts the SQL it is shown. */
function queryCounter() {
  const counter = { queries: 0 };
  const logger: TypeOrmLogger = {
    logQuery: () => void counter.queries++,
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  return { counter, logger };
}

describeWith("student-affairs", "logistics")("figures for dashboards", () => {
  const counting = queryCounter();
  let hall: TestHall;
  let desk: Desk;
  let teacher: { token: string };
  beforeAll(async () => {
    hall = await startTestHall({ sqlLogger: counting.logger });
    desk = await openDesk(hall, "student-affairs", "STAT-1");
    teacher = await staff(hall, "student-affairs");
  });
  afterAll(() => hall.stop());
  afterEach(() => hall.hall.services.clock.set(null));

  describe("one day of the student affairs windows, counted by hand", () => {
    // Tuesday 10 March 2026 in Shanghai.
    const DAY = "2026-03-10";
    const from = local(DAY, "00:00").toISOString();
    const to = local("2026-03-11", "00:00").toISOString();
    const at = (time: string) => hall.hall.services.clock.set(local(DAY, time));
    const students: Array<{ token: string; studentNo: string; ticketId?: string }> = [];
    let figures: any;

    async function take(n: number, time: string) {
      at(time);
      students[n] = await student(hall);
      const taken = await ok(hall.gql(TAKE, { s: desk.serviceCode }, students[n].token), `take t${n}`);
      students[n].ticketId = taken.data.takeTicket.id;
    }
    async function call(n: number, time: string) {
      at(time);
      const called = await ok(hall.gql(CALL, { w: desk.windowId }, desk.volunteer.token), `call t${n}`);
      expect(called.data.callNext.id).toBe(students[n].ticketId);
    }
    async function act(n: number, time: string, mutation: string, token = desk.volunteer.token) {
      at(time);
      await ok(hall.gql(`mutation($t: ID!){ ${mutation} }`, { t: students[n].ticketId }, token), `${mutation} t${n}`);
    }
    const serve = (n: number, time: string) => act(n, time, "startServing(ticketId:$t){ id }");
    const complete = (n: number, time: string) => act(n, time, "completeTicket(ticketId:$t, outcome: DONE){ id }");
    async function rate(n: number, time: string, level: string) {
      at(time);
      await ok(hall.gql(RATE, { input: { ticketId: students[n].ticketId, level } }, students[n].token), `rate t${n}`);
    }

    beforeAll(async () => {
      // Noise: the evening before, and the same day at another department.
      hall.hall.services.clock.set(local("2026-03-09", "23:50"));
      const yesterday = await student(hall);
      await ok(hall.gql(TAKE, { s: desk.serviceCode }, yesterday.token), "yesterday");
      const logistics = await openDesk(hall, "logistics");
      at("09:00");
      const elsewhere = await student(hall);
      await ok(hall.gql(TAKE, { s: logistics.serviceCode }, elsewhere.token), "logistics ticket");

      // The day, in the order it happened.                       wait    at the window
      await take(1, "09:00");
      await take(2, "09:01");
      await call(1, "09:02"); //                                    120 s
      await serve(1, "09:03");
      await complete(1, "09:08"); //                                        300 s
      await take(3, "09:04");
      await take(4, "09:05");
      await call(2, "09:09"); //                                    480 s
      await serve(2, "09:10");
      await complete(2, "09:20"); //                                        600 s
      await call(3, "09:21"); //                                   1020 s
      await act(3, "09:22", "recall(ticketId:$t){ id }");
      await act(3, "09:23", "recall(ticketId:$t){ id }");
      await act(3, "09:24", "markNoShow(ticketId:$t){ id }"); //     no-show
      await take(5, "09:25");
      await act(4, "09:26", "cancelTicket(ticketId:$t){ id }", students[4].token); // cancelled
      await call(5, "09:27"); //                                    120 s
      await serve(5, "09:28");
      await complete(5, "09:30"); //                                        120 s
      await take(6, "09:40");
      await take(7, "09:41");
      await call(6, "09:45"); //                                    300 s
      await serve(6, "09:46");
      await complete(6, "09:56"); //                                        600 s
      await call(7, "10:00"); //                                   1140 s
      await serve(7, "10:01");
      await complete(7, "10:04"); //                                        180 s
      await take(8, "10:10"); //                                     still waiting

      await rate(1, "10:20", "VERY_SATISFIED");
      await rate(2, "10:21", "DISSATISFIED");
      await rate(5, "10:22", "BASIC");
      await rate(6, "10:23", "VERY_DISSATISFIED");
      await rate(7, "10:24", "SATISFIED");

      // The follow-up of t2's rating is done the same day; t6's stays open (due in two working days).
      at("11:00");
      const open = await ok(hall.gql(`{ followUps(open: true) { nodes { id studentNo } } }`, {}, teacher.token), "followUps");
      const t2 = open.data.followUps.nodes.find((f: { studentNo: string }) => f.studentNo === students[2].studentNo);
      await ok(
        hall.gql(`mutation($id: ID!){ recordFollowUp(id:$id, input:{ calledBack: true, action: "已回访" }){ id } }`, { id: t2.id }, teacher.token),
        "recordFollowUp",
      );

      // Three complaints about the department: one acknowledged, one left filed, one dismissed.
      const sup = await supervisor(hall);
      const complaint = async (time: string, input: Record<string, unknown>) => {
        at(time);
        const s = await student(hall);
        const reply = await ok(hall.gql(FILE, { input: { text: "投诉", ...input } }, s.token), "fileComplaint");
        return reply.data.fileComplaint.id as string;
      };
      const c1 = await complaint("12:00", { badgeNo: desk.volunteer.badgeNo });
      await complaint("12:05", { department: "student-affairs" });
      const c3 = await complaint("12:10", { badgeNo: desk.volunteer.badgeNo });
      await complaint("12:15", { department: "logistics" });
      at("13:00");
      await ok(hall.gql(`mutation($id: ID!){ acknowledgeComplaint(id:$id, note:"收到"){ id } }`, { id: c1 }, sup.token), "ack");
      await ok(hall.gql(`mutation($id: ID!){ acknowledgeComplaint(id:$id, note:"收到"){ id } }`, { id: c3 }, sup.token), "ack");
      await ok(hall.gql(`mutation($id: ID!){ investigateComplaint(id:$id, note:"查"){ id } }`, { id: c3 }, sup.token), "investigate");
      await ok(hall.gql(`mutation($id: ID!){ concludeComplaint(id:$id, upheld:false, answer:"不成立"){ id } }`, { id: c3 }, sup.token), "dismiss");

      // Cases, written straight in with the times they had (createdAt is the database's own clock).
      const kase = (fields: Partial<CaseEntity>) => ({
        origin: "WALK_IN",
        ticketId: null,
        serviceCode: null,
        variantCode: null,
        departmentCode: "student-affairs",
        studentAccountId: null,
        studentNo: null,
        subject: "统计用",
        status: "OPEN",
        statusBeforeHandover: null,
        firstResponderAccountId: desk.volunteer.id,
        firstResponderBadgeNo: desk.volunteer.badgeNo,
        ownerAccountId: desk.volunteer.id,
        ownerBadgeNo: desk.volunteer.badgeNo,
        handoverToDepartment: null,
        handoverRequestedAt: null,
        handoverReason: null,
        missingMaterials: [],
        receivedMaterials: [],
        materialsCompleteAt: null,
        dueAt: null,
        extensionDays: 0,
        extensionReason: null,
        extensionStatus: null,
        answer: null,
        referredTo: null,
        closedAt: null,
        dueSoonAlertedAt: null,
        overdueAlertedAt: null,
        ...fields,
      });
      await hall.hall.dataSource.manager.insert(CaseEntity, [
        // Opened and closed in time.
        kase({ createdAt: local(DAY, "09:30"), dueAt: local("2026-03-12", "24:00"), closedAt: local(DAY, "11:00"), status: "CLOSED" }),
        // Opened earlier, due at noon, closed late.
        kase({ createdAt: local("2026-03-07", "10:00"), dueAt: local(DAY, "12:00"), closedAt: local(DAY, "15:00"), status: "CLOSED" }),
        // Opened earlier, due at ten, still open.
        kase({ createdAt: local("2026-03-08", "10:00"), dueAt: local(DAY, "10:00") }),
        // Opened today, due later.
        kase({ createdAt: local(DAY, "10:00"), dueAt: local("2026-03-13", "24:00") }),
        // Another department's, first received by its own staff.
        kase({
          departmentCode: "logistics",
          firstResponderBadgeNo: null,
          ownerBadgeNo: null,
          createdAt: local(DAY, "10:00"),
          dueAt: local(DAY, "11:00"),
        }),
      ] as never);

      at("20:00");
      figures = (await ok(hall.gql(DEPARTMENT_STATS, { d: "student-affairs", from, to }, teacher.token), "departmentStats")).data
        .departmentStats;
    }, 60_000);

    it("tickets: 8 taken, 5 served, 1 no-show, 1 cancelled", () => {
      expect(figures).toMatchObject({ department: "student-affairs", from, to, ticketsTaken: 8, ticketsServed: 5, noShows: 1, ticketsCancelled: 1 });
    });

    it("waits 120 120 300 480 1020 1140 s: median 390 s, 90th percentile 1140 s; service median 300 s", () => {
      expect(figures).toMatchObject({ waitMedianSeconds: 390, waitP90Seconds: 1140, serviceMedianSeconds: 300 });
    });

    it("cases: 2 opened, 2 closed, 2 overdue, one of the two closed on time", () => {
      expect(figures).toMatchObject({ casesOpened: 2, casesClosed: 2, casesOverdue: 2, caseOnTimeRate: 0.5 });
    });

    it("ratings: one at each level, two of five bad", () => {
      expect(figures.ratingCount).toBe(5);
      expect(figures.ratings).toEqual([
        { level: "VERY_SATISFIED", count: 1 },
        { level: "SATISFIED", count: 1 },
        { level: "BASIC", count: 1 },
        { level: "DISSATISFIED", count: 1 },
        { level: "VERY_DISSATISFIED", count: 1 },
      ]);
      expect(figures.badRatingRate).toBeCloseTo(0.4);
    });

    it("complaints: three filed, one each filed, acknowledged and dismissed", () => {
      expect(figures.complaintsFiled).toBe(3);
      expect(figures.complaintsByState).toEqual([
        { status: "FILED", count: 1 },
        { status: "ACKNOWLEDGED", count: 1 },
        { status: "INVESTIGATING", count: 0 },
        { status: "UPHELD", count: 0 },
        { status: "DISMISSED", count: 1 },
      ]);
    });

    it("follow-ups: two opened, one done on time, none overdue yet", () => {
      expect(figures).toMatchObject({
        followUpsOpened: 2,
        followUpsDone: 1,
        followUpsDoneOnTime: 1,
        followUpsOverdue: 0,
        followUpOnTimeRate: 1,
      });
    });

    it("the volunteer's figures count what their badge served, was rated and complained of", async () => {
      at("20:00");
      const mine = (await ok(hall.gql(VOLUNTEER_STATS, { b: desk.volunteer.badgeNo, from, to }, desk.volunteer.token), "volunteerStats"))
        .data.volunteerStats;
      expect(mine).toMatchObject({
        badgeNo: desk.volunteer.badgeNo,
        ticketsTaken: 6,
        ticketsServed: 5,
        noShows: 1,
        ticketsCancelled: 0,
        waitMedianSeconds: 390,
        ratingCount: 5,
        complaintsFiled: 2,
        casesOpened: 2,
      });
    });

    it("the hall's figures hold each department's, the same as departmentStats", async () => {
      const sup = await supervisor(hall);
      at("20:00");
      const reply = await ok(hall.gql(HALL_STATS, { from, to }, sup.token), "hallStats");
      const { hall: total, departments } = reply.data.hallStats;
      expect(departments.find((d: { department: string }) => d.department === "student-affairs")).toEqual(figures);
      expect(total.ticketsTaken).toBe(9);
      expect(total.ratingCount).toBe(5);
    });
  });

  describe("who may read which figures", () => {
    const from = "2026-03-10T00:00:00.000Z";
    const to = "2026-03-11T00:00:00.000Z";

    it("staff read their own department's figures; another department's are FORBIDDEN", async () => {
      const other = await staff(hall, "logistics");
      expect(codeOf(await hall.gql(DEPARTMENT_STATS, { d: "student-affairs", from, to }, other.token))).toBe("FORBIDDEN");
    });

    it("a volunteer reads only their own figures, and never the hall's", async () => {
      const other = await openDesk(hall);
      expect(codeOf(await hall.gql(VOLUNTEER_STATS, { b: desk.volunteer.badgeNo, from, to }, other.volunteer.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(HALL_STATS, { from, to }, other.volunteer.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(DEPARTMENT_STATS, { d: "student-affairs", from, to }, other.volunteer.token))).toBe("FORBIDDEN");
    });

    it("staff read the hall's figures? no: FORBIDDEN; students read none", async () => {
      expect(codeOf(await hall.gql(HALL_STATS, { from, to }, teacher.token))).toBe("FORBIDDEN");
      const s = await student(hall);
      expect(codeOf(await hall.gql(DEPARTMENT_STATS, { d: "student-affairs", from, to }, s.token))).toBe("FORBIDDEN");
    });

    it.each([
      ["a period that ends before it starts", { from: to, to: from }],
      ["a period of more than 366 days", { from: "2025-01-01T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" }],
    ])("%s is BAD_USER_INPUT naming `to`", async (_what, period) => {
      const reply = await hall.gql(DEPARTMENT_STATS, { d: "student-affairs", ...period }, teacher.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe("to");
    });

    it("an unknown department is NOT_FOUND", async () => {
      expect(codeOf(await hall.gql(DEPARTMENT_STATS, { d: "no-such-office", from, to }, hall.adminToken))).toBe("NOT_FOUND");
    });
  });

  describe("a fixed number of SQL queries", () => {
    /** Writes a day of `count` tickets (a third of them rated) straight into the tables, in one transaction. */
    async function seedDay(day: string, count: number): Promise<void> {
      const start = local(day, "09:00").getTime();
      const tickets = Array.from({ length: count }, (_, i) => {
        const takenAt = new Date(start + i * 20_000);
        const status = i % 10 === 9 ? "NO_SHOW" : i % 10 === 8 ? "WAITING" : "COMPLETED";
        const called = status !== "WAITING";
        return {
          departmentCode: "student-affairs",
          serviceCode: desk.serviceCode,
          serviceDay: day,
          seq: i + 1,
          number: `A${String(i + 1).padStart(4, "0")}`,
          status,
          studentAccountId: null,
          studentNo: null,
          takenByAccountId: desk.volunteer.id,
          activeKey: null,
          windowId: called ? desk.windowId : null,
          windowNumber: called ? desk.windowNumber : null,
          volunteerAccountId: called ? desk.volunteer.id : null,
          badgeNo: called ? desk.volunteer.badgeNo : null,
          recalls: 0,
          outcome: status === "COMPLETED" ? "DONE" : null,
          materials: [],
          takenAt,
          calledAt: called ? new Date(takenAt.getTime() + 60_000 + (i % 7) * 30_000) : null,
          servingAt: status === "COMPLETED" ? new Date(takenAt.getTime() + 120_000 + (i % 7) * 30_000) : null,
          finishedAt: called ? new Date(takenAt.getTime() + 300_000 + (i % 5) * 60_000) : null,
        };
      });
      const ratings = tickets
        .map((t, i) => ({ t, i }))
        .filter(({ t, i }) => t.status === "COMPLETED" && i % 3 === 0)
        .map(({ t, i }) => ({
          visitKey: `TICKET:seed-${day}-${i}`,
          ticketId: null,
          caseId: null,
          studentAccountId: desk.volunteer.id,
          level: ["VERY_SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "VERY_DISSATISFIED"][i % 5],
          bad: i % 5 >= 3,
          reasons: [],
          comment: null,
          departmentCode: "student-affairs",
          windowId: desk.windowId,
          windowNumber: desk.windowNumber,
          volunteerAccountId: desk.volunteer.id,
          badgeNo: desk.volunteer.badgeNo,
          ratedAt: t.finishedAt!,
        }));
      await hall.hall.dataSource.transaction(async (tx) => {
        for (let i = 0; i < tickets.length; i += 100) await tx.insert(TicketEntity, tickets.slice(i, i + 100) as never);
        for (let i = 0; i < ratings.length; i += 100) await tx.insert(RatingEntity, ratings.slice(i, i + 100) as never);
      });
    }

    async function queriesFor(query: string, variables: Record<string, unknown>, token: string) {
      counting.counter.queries = 0;
      const reply = await ok(hall.gql(query, variables, token), "stats");
      return { queries: counting.counter.queries, reply };
    }

    it("a day of 10 tickets and a day of 1,000 cost the same number of queries, for each kind of figures", async () => {
      await seedDay("2026-05-11", 10);
      await seedDay("2026-05-12", 1000);
      const small = { from: local("2026-05-11", "00:00").toISOString(), to: local("2026-05-12", "00:00").toISOString() };
      const large = { from: local("2026-05-12", "00:00").toISOString(), to: local("2026-05-13", "00:00").toISOString() };
      const sup = await supervisor(hall);

      // One query finds the caller, volunteerStats checks the badge, and the figures take six.
      for (const [query, extra, expected] of [
        [DEPARTMENT_STATS, { d: "student-affairs" }, 7],
        [VOLUNTEER_STATS, { b: desk.volunteer.badgeNo }, 8],
        [HALL_STATS, {}, 7],
      ] as const) {
        const ten = await queriesFor(query, { ...extra, ...small }, sup.token);
        const thousand = await queriesFor(query, { ...extra, ...large }, sup.token);
        expect(thousand.queries).toBe(ten.queries);
        expect(ten.queries).toBe(expected);
        const figuresOf = (r: any) => r.data.departmentStats ?? r.data.volunteerStats ?? r.data.hallStats.hall;
        // A tenth of the tickets still wait, with no badge yet: the volunteer's figures leave them out.
        const share = query === VOLUNTEER_STATS ? 0.9 : 1;
        expect(figuresOf(ten.reply).ticketsTaken).toBe(10 * share);
        expect(figuresOf(thousand.reply).ticketsTaken).toBe(1000 * share);
      }
    }, 60_000);
  });
});
