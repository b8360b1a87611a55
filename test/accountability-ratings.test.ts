import { RatingEntity } from "../src/core/accountability/rating.entity";
import { type Desk, ok, openDesk, RATE, servedStudent, servedTicket, staff } from "./support/accountability";
import { CALL, codeOf, signOn, student, TAKE } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const FOLLOW_UPS = `query($d: String, $open: Boolean){ followUps(department:$d, open:$open){ nodes {
  id ratingId departmentCode badgeNo studentNo dueAt doneAt calledBack action overdue doneOnTime rating { level comment } } } }`;
const RECORD = `mutation($id: ID!, $input: RecordFollowUpInput!){ recordFollowUp(id:$id, input:$input){ id doneAt calledBack action doneOnTime } }`;

describeWith("student-affairs", "logistics")("ratings of visits (好差评)", () => {
  let hall: TestHall;
  let desk: Desk;
  beforeAll(async () => {
    hall = await startTestHall();
    desk = await openDesk(hall);
  });
  afterAll(() => hall.stop());
  afterEach(() => hall.hall.services.clock.set(null));

  it("a student rates their completed visit; the rating is tied to window, department and badge", async () => {
    const s = await servedStudent(hall, desk);
    const reply = await hall.gql(
      RATE,
      { input: { ticketId: s.ticketId, level: "SATISFIED", reasons: [], comment: "  很快  " } },
      s.token,
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data.rateService).toMatchObject({
      level: "SATISFIED",
      comment: "很快",
      departmentCode: "student-affairs",
      windowNumber: desk.windowNumber,
      badgeNo: desk.volunteer.badgeNo,
      ticketId: s.ticketId,
      caseId: null,
    });
  });

  it("a student cannot rate a visit twice: CONFLICT", async () => {
    const s = await servedStudent(hall, desk);
    await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level: "BASIC" } }, s.token), "first rating");
    const again = await hall.gql(RATE, { input: { ticketId: s.ticketId, level: "VERY_SATISFIED" } }, s.token);
    expect(codeOf(again)).toBe("CONFLICT");
  });

  it("two ratings of one visit sent at once leave one", async () => {
    const s = await servedStudent(hall, desk);
    const replies = await Promise.all(
      ["SATISFIED", "BASIC", "VERY_SATISFIED"].map((level) =>
        hall.gql(RATE, { input: { ticketId: s.ticketId, level } }, s.token),
      ),
    );
    expect(replies.filter((r) => !r.errors)).toHaveLength(1);
    expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(2);
    const stored = await hall.hall.dataSource.manager.countBy(RatingEntity, { ticketId: s.ticketId });
    expect(stored).toBe(1);
  });

  it("a student cannot rate another student's visit: NOT_FOUND, so its id is not confirmed", async () => {
    const owner = await servedStudent(hall, desk);
    const other = await student(hall);
    const reply = await hall.gql(RATE, { input: { ticketId: owner.ticketId, level: "VERY_DISSATISFIED" } }, other.token);
    expect(codeOf(reply)).toBe("NOT_FOUND");
  });

  it("a visit is rated only once it is completed: a waiting ticket is CONFLICT", async () => {
    const s = await student(hall);
    const taken = await ok(hall.gql(TAKE, { s: desk.serviceCode }, s.token), "takeTicket");
    const reply = await hall.gql(RATE, { input: { ticketId: taken.data.takeTicket.id, level: "BASIC" } }, s.token);
    expect(codeOf(reply)).toBe("CONFLICT");
    await hall.gql(`mutation($t: ID!){ cancelTicket(ticketId:$t){ id } }`, { t: taken.data.takeTicket.id }, s.token);
  });

  it("nobody rates their own service: a volunteer served as a walk-in by themselves is FORBIDDEN", async () => {
    const other = await openDesk(hall);
    await hall.gql(`mutation($w: ID!){ signOffWindow(windowId:$w){ id } }`, { w: other.windowId }, other.volunteer.token);
    const self = await hall.account({ account: "self-server", role: "VOLUNTEER", name: "自己", badgeNo: "SELF-1", studentNo: "2026SELF1" });
    await signOn(hall, self.token, other.windowId);
    const taken = await ok(hall.gql(TAKE, { s: other.serviceCode, n: "2026SELF1" }, self.token), "takeTicket");
    const id = taken.data.takeTicket.id;
    await ok(hall.gql(CALL, { w: other.windowId }, self.token), "callNext");
    await ok(hall.gql(`mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ id } }`, { t: id }, self.token), "complete");
    const reply = await hall.gql(RATE, { input: { ticketId: id, level: "VERY_SATISFIED" } }, self.token);
    expect(codeOf(reply)).toBe("FORBIDDEN");
  });

  it("only students and volunteers rate; staff and supervisors are FORBIDDEN, nobody signed in UNAUTHENTICATED", async () => {
    const s = await servedStudent(hall, desk);
    const teacher = await staff(hall, "student-affairs");
    expect(codeOf(await hall.gql(RATE, { input: { ticketId: s.ticketId, level: "BASIC" } }, teacher.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(RATE, { input: { ticketId: s.ticketId, level: "BASIC" } }))).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["neither a ticket nor a case", { level: "BASIC" }, "ticketId"],
    ["both a ticket and a case", { ticketId: "t", caseId: "c", level: "BASIC" }, "ticketId"],
    ["a comment over 500 characters", { ticketId: "t", level: "BASIC", comment: "长".repeat(501) }, "comment"],
    ["a reason given twice", { ticketId: "t", level: "DISSATISFIED", reasons: ["SLOW", "SLOW"] }, "reasons"],
  ])("%s is BAD_USER_INPUT naming the field", async (_what, input, field) => {
    const s = await student(hall);
    const reply = await hall.gql(RATE, { input }, s.token);
    expect(codeOf(reply)).toBe("BAD_USER_INPUT");
    expect(reply.errors![0].extensions!.field).toBe(field);
  });

  it("a closed case is rated by its student and tied to its first responder; an open one is CONFLICT", async () => {
    const s = await student(hall);
    await ok(hall.gql(TAKE, { s: desk.serviceCode }, s.token), "takeTicket");
    const called = await ok(hall.gql(CALL, { w: desk.windowId }, desk.volunteer.token), "callNext");
    const opened = await ok(
      hall.gql(
        `mutation($input: OpenCaseInput!){ openCase(input:$input){ id } }`,
        { input: { origin: "TICKET", ticketId: called.data.callNext.id, subject: "补办", materialsReceived: [{ name: "一寸照", count: 1 }] } },
        desk.volunteer.token,
      ),
      "openCase",
    );
    const caseId = opened.data.openCase.id;
    expect(codeOf(await hall.gql(RATE, { input: { caseId, level: "BASIC" } }, s.token))).toBe("CONFLICT");
    await ok(hall.gql(`mutation($c: ID!){ closeCase(caseId:$c, answer:"办好了"){ id } }`, { c: caseId }, desk.volunteer.token), "closeCase");
    const rated = await ok(hall.gql(RATE, { input: { caseId, level: "VERY_SATISFIED" } }, s.token), "rate case");
    expect(rated.data.rateService).toMatchObject({ caseId, badgeNo: desk.volunteer.badgeNo, windowNumber: desk.windowNumber });
  });

  describe("follow-ups of dissatisfied ratings", () => {
    // Tuesday 3 March 2026, 10:00 in Shanghai; the test hall is open every day around the clock.
    const TUESDAY = new Date("2026-03-03T02:00:00Z");

    it("a DISSATISFIED rating opens a follow-up due at closing of the second working day after", async () => {
      hall.hall.services.clock.set(TUESDAY);
      const s = await servedStudent(hall, desk);
      const rated = await ok(
        hall.gql(RATE, { input: { ticketId: s.ticketId, level: "DISSATISFIED", reasons: ["SLOW"], comment: "等太久" } }, s.token),
        "rate",
      );
      const teacher = await staff(hall, "student-affairs");
      const list = await ok(hall.gql(FOLLOW_UPS, { open: true }, teacher.token), "followUps");
      const followUp = list.data.followUps.nodes.find((f: any) => f.ratingId === rated.data.rateService.id);
      expect(followUp).toMatchObject({
        departmentCode: "student-affairs",
        badgeNo: desk.volunteer.badgeNo,
        studentNo: s.studentNo,
        // FOLLOW_UP_WORKING_DAYS=2: Thursday 5 March, closing at 24:00 Shanghai.
        dueAt: "2026-03-05T16:00:00.000Z",
        doneAt: null,
        overdue: false,
        doneOnTime: null,
        rating: { level: "DISSATISFIED", comment: "等太久" },
      });
    });

    it("a satisfied rating opens none", async () => {
      const s = await servedStudent(hall, desk);
      const rated = await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level: "BASIC" } }, s.token), "rate");
      const list = await ok(hall.gql(FOLLOW_UPS, {}, hall.adminToken), "followUps");
      expect(list.data.followUps.nodes.map((f: any) => f.ratingId)).not.toContain(rated.data.rateService.id);
    });

    it("the department records what was done, once; another department is FORBIDDEN", async () => {
      hall.hall.services.clock.set(TUESDAY);
      const s = await servedStudent(hall, desk);
      await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level: "VERY_DISSATISFIED" } }, s.token), "rate");
      const teacher = await staff(hall, "student-affairs");
      const list = await ok(hall.gql(FOLLOW_UPS, { open: true }, teacher.token), "followUps");
      const id = list.data.followUps.nodes.find((f: any) => f.studentNo === s.studentNo).id;

      const stranger = await staff(hall, "logistics");
      const input = { calledBack: true, action: "电话回访，已道歉并当场补办" };
      expect(codeOf(await hall.gql(RECORD, { id, input }, stranger.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(RECORD, { id, input: { calledBack: true, action: "" } }, teacher.token))).toBe("BAD_USER_INPUT");

      const done = await ok(hall.gql(RECORD, { id, input }, teacher.token), "recordFollowUp");
      expect(done.data.recordFollowUp).toMatchObject({ calledBack: true, action: input.action, doneOnTime: true });
      expect(codeOf(await hall.gql(RECORD, { id, input }, teacher.token))).toBe("CONFLICT");
    });

    it("staff read their own department's follow-ups only; asking for another's is FORBIDDEN", async () => {
      const teacher = await staff(hall, "student-affairs");
      const other = await hall.gql(FOLLOW_UPS, { d: "logistics" }, teacher.token);
      expect(codeOf(other)).toBe("FORBIDDEN");
      const stranger = await staff(hall, "logistics");
      const theirs = await ok(hall.gql(FOLLOW_UPS, {}, stranger.token), "followUps");
      expect(theirs.data.followUps.nodes.every((f: any) => f.departmentCode === "logistics")).toBe(true);
    });

    it("a follow-up not done by its due time is overdue, and the feed hears of it once", async () => {
      hall.hall.services.clock.set(TUESDAY);
      const s = await servedStudent(hall, desk);
      await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level: "DISSATISFIED" } }, s.token), "rate");
      hall.hall.services.clock.set(new Date("2026-03-06T01:00:00Z"));
      const told = await hall.hall.services.deadlines.sweep();
      expect(told).toBeGreaterThanOrEqual(1);
      expect(await hall.hall.services.deadlines.sweep()).toBe(0);
      const list = await ok(hall.gql(FOLLOW_UPS, { open: true }, hall.adminToken), "followUps");
      const mine = list.data.followUps.nodes.find((f: any) => f.studentNo === s.studentNo);
      expect(mine.overdue).toBe(true);
    });
  });

  it("staff read their department's ratings; another department's is FORBIDDEN", async () => {
    const teacher = await staff(hall, "student-affairs");
    const mine = await ok(hall.gql(`{ ratings(first: 100) { nodes { departmentCode badgeNo level } } }`, {}, teacher.token), "ratings");
    expect(mine.data.ratings.nodes.length).toBeGreaterThan(0);
    expect(mine.data.ratings.nodes.every((r: any) => r.departmentCode === "student-affairs")).toBe(true);
    const other = await hall.gql(`{ ratings(department: "logistics") { nodes { id } } }`, {}, teacher.token);
    expect(codeOf(other)).toBe("FORBIDDEN");
    const volunteerReads = await hall.gql(`{ ratings { nodes { id } } }`, {}, desk.volunteer.token);
    expect(codeOf(volunteerReads)).toBe("FORBIDDEN");
  });

  it("a ticket served by this desk can also be rated after the volunteer moved on", async () => {
    const s = await student(hall);
    const id = await servedTicket(hall, desk, s.token);
    await hall.gql(`mutation($w: ID!){ signOffWindow(windowId:$w){ id } }`, { w: desk.windowId }, desk.volunteer.token);
    const rated = await ok(hall.gql(RATE, { input: { ticketId: id, level: "SATISFIED" } }, s.token), "rate");
    expect(rated.data.rateService.badgeNo).toBe(desk.volunteer.badgeNo);
    await signOn(hall, desk.volunteer.token, desk.windowId);
  });
});
