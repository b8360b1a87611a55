import { addService, addWindow, CALL, signOn, student, TAKE, volunteer } from "./support/front-line";
import {
  ACCEPT,
  allPages,
  ASK_EXTENSION,
  CASES,
  CLOSE,
  DECIDE_EXTENSION,
  DECLINE,
  DUE_SOON,
  HAND_OVER,
  MY_CASES,
  MY_OWNED,
  ok,
  OPEN,
  OVERDUE,
  READ,
  RECEIVE,
  refusal,
  staffOf,
  supervisor,
} from "./support/case-desk";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

// The hall of this file keeps the test hall's hours, Mon-Sun 00:00-24:00: every day but a
// public holiday is a working day and every day closes at the next midnight (16:00Z).

type Person = { id: string; token: string };
type Volunteer = Person & { badgeNo: string };

const COMPLETE = [
  { name: "申请表", count: 1 },
  { name: "一寸照", count: 2 },
];

describeWith("student-affairs", "logistics", "security", "it-office", "youth-league")("a case's transitions under first-inquiry responsibility", () => {
  let hall: TestHall;
  let windowA: string;
  let windowB: string;
  let atA: Volunteer;
  let atB: Volunteer;
  let roaming: Volunteer;
  let saStaff: Person;
  let lgStaff: Person;
  let secStaff: Person;
  let boss: Person;
  let alice: Person & { studentNo: string };
  let bob: Person & { studentNo: string };
  const clock = () => hall.hall.services.clock;

  beforeAll(async () => {
    // The sweeper would raise alerts of its own while a test has the clock pinned.
    hall = await startTestHall({ env: { SWEEP_SECONDS: "86400" } });
    await addService(hall, "ct-certificate", "student-affairs", {
      mode: "PROMISED",
      promisedWorkingDays: 3,
      materials: [
        { name: "申请表", count: 1 },
        { name: "一寸照", count: 2 },
      ],
    });
    await addService(hall, "ct-dorm", "logistics", {
      mode: "PROMISED",
      promisedWorkingDays: 2,
      materials: [{ name: "住宿申请表", count: 1 }],
    });
    windowA = await addWindow(hall, "CT1", "student-affairs", ["ct-certificate"]);
    windowB = await addWindow(hall, "CT2", "student-affairs", ["ct-certificate"]);
    [atA, atB, roaming] = [await volunteer(hall), await volunteer(hall), await volunteer(hall)];
    await signOn(hall, atA.token, windowA);
    await signOn(hall, atB.token, windowB);
    saStaff = await staffOf(hall, "student-affairs");
    lgStaff = await staffOf(hall, "logistics");
    secStaff = await staffOf(hall, "security");
    boss = await supervisor(hall);
    alice = await student(hall);
    bob = await student(hall);
  });
  afterEach(() => clock().set(null));
  afterAll(() => hall.stop());

  /** Alice takes a number and the volunteer at the window calls it. */
  async function calledTicket(windowId: string, at: Volunteer, who: Person = alice): Promise<string> {
    ok(await hall.gql(TAKE, { s: "ct-certificate" }, who.token), "takeTicket");
    return ok(await hall.gql(CALL, { w: windowId }, at.token), "callNext").id;
  }

  async function finish(ticketId: string, at: Volunteer): Promise<void> {
    const reply = await hall.gql(
      `mutation($t: ID!){ completeTicket(ticketId:$t, outcome: CASE_OPENED){ id } }`,
      { t: ticketId },
      at.token,
    );
    ok(reply, "completeTicket");
  }

  /** A phone call about the certificate for Alice, with the materials given. */
  async function phoneCase(by: Person, materialsReceived = COMPLETE, extra: Record<string, unknown> = {}) {
    const input = {
      origin: "PHONE",
      serviceCode: "ct-certificate",
      studentNo: alice.studentNo,
      subject: "补办证明",
      materialsReceived,
      ...extra,
    };
    return ok(await hall.gql(OPEN, { input }, by.token), "openCase");
  }

  async function read(id: string, token = hall.adminToken) {
    return ok(await hall.gql(READ, { id }, token), "case");
  }

  async function pendingAtLogistics(by: Volunteer = atA) {
    const opened = await phoneCase(by);
    ok(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "宿舍问题" }, by.token), "handOver");
    return opened.id as string;
  }

  describe("openCase", () => {
    it("the volunteer who called a ticket opens its case and is first responder and owner", async () => {
      const ticketId = await calledTicket(windowA, atA);
      const opened = ok(
        await hall.gql(OPEN, { input: { origin: "TICKET", ticketId, subject: "补办证明", materialsReceived: COMPLETE } }, atA.token),
        "openCase",
      );
      await finish(ticketId, atA);

      expect(opened).toMatchObject({
        origin: "TICKET",
        status: "OPEN",
        ticketId,
        serviceCode: "ct-certificate",
        departmentCode: "student-affairs",
        studentNo: alice.studentNo,
        firstResponder: { badgeNo: atA.badgeNo, role: "VOLUNTEER" },
        owner: { badgeNo: atA.badgeNo, role: "VOLUNTEER" },
        missingMaterials: [],
      });
      expect(opened.dueAt).not.toBeNull();
      const mine = ok(await hall.gql(MY_CASES, { first: 100 }, alice.token), "myCases");
      expect(mine.nodes.map((n: { id: string }) => n.id)).toContain(opened.id);
    });

    it("a second case for the same ticket is a CONFLICT", async () => {
      const ticketId = await calledTicket(windowA, atA);
      const input = { origin: "TICKET", ticketId, subject: "补办证明" };
      ok(await hall.gql(OPEN, { input }, atA.token), "openCase");
      const again = await hall.gql(OPEN, { input: { ...input, subject: "再开一次" } }, atA.token);
      await finish(ticketId, atA);

      expect(refusal(again)).toEqual({ code: "CONFLICT" });
    });

    it("five openCase calls at once for one ticket open exactly one case", async () => {
      const ticketId = await calledTicket(windowA, atA);
      const input = { origin: "TICKET", ticketId, subject: "同时提交" };
      const replies = await Promise.all(Array.from({ length: 5 }, () => hall.gql(OPEN, { input }, atA.token)));
      await finish(ticketId, atA);

      expect(replies.filter((r) => r.data?.openCase)).toHaveLength(1);
      expect(replies.filter((r) => refusal(r).code === "CONFLICT")).toHaveLength(4);
    });

    it("a volunteer who does not hold the ticket cannot open its case: NOT_FOUND", async () => {
      const ticketId = await calledTicket(windowA, atA);
      const input = { origin: "TICKET", ticketId, subject: "别人的号" };
      const otherWindow = await hall.gql(OPEN, { input }, atB.token);
      const noWindow = await hall.gql(OPEN, { input }, roaming.token);
      const otherDepartment = await hall.gql(OPEN, { input }, lgStaff.token);
      await finish(ticketId, atA);

      expect(refusal(otherWindow)).toEqual({ code: "NOT_FOUND" });
      expect(refusal(noWindow)).toEqual({ code: "NOT_FOUND" });
      expect(refusal(otherDepartment)).toEqual({ code: "NOT_FOUND" });
    });

    it("a number still waiting has no volunteer yet, so no case opens from it", async () => {
      const taken = ok(await hall.gql(TAKE, { s: "ct-certificate" }, bob.token), "takeTicket");
      const reply = await hall.gql(OPEN, { input: { origin: "TICKET", ticketId: taken.id, subject: "还没叫号" } }, atA.token);
      ok(await hall.gql(`mutation($t: ID!){ cancelTicket(ticketId:$t){ id } }`, { t: taken.id }, bob.token), "cancelTicket");

      expect(refusal(reply)).toEqual({ code: "NOT_FOUND" });
    });

    it("a TICKET case without a ticket is BAD_USER_INPUT on ticketId", async () => {
      const reply = await hall.gql(OPEN, { input: { origin: "TICKET", subject: "没有号" } }, atA.token);
      expect(refusal(reply)).toEqual({ code: "BAD_USER_INPUT", field: "ticketId" });
    });

    it("a phone call about a service belongs to the service's department and to the student named", async () => {
      const input = { origin: "PHONE", serviceCode: "ct-dorm", studentNo: bob.studentNo, subject: "电话咨询换宿" };
      const opened = ok(await hall.gql(OPEN, { input }, roaming.token), "openCase");

      expect(opened).toMatchObject({
        origin: "PHONE",
        departmentCode: "logistics",
        studentNo: bob.studentNo,
        status: "AWAITING_MATERIALS",
        missingMaterials: [{ name: "住宿申请表", count: 1 }],
        owner: { badgeNo: roaming.badgeNo },
      });
      const bobs = ok(await hall.gql(MY_CASES, { first: 100 }, bob.token), "myCases");
      expect(bobs.nodes.map((n: { id: string }) => n.id)).toContain(opened.id);
    });

    it("a walk-in naming only a department is open at once and has no due date", async () => {
      const input = { origin: "WALK_IN", department: "security", subject: "咨询征兵政策" };
      const opened = ok(await hall.gql(OPEN, { input }, roaming.token), "openCase");
      expect(opened).toMatchObject({ origin: "WALK_IN", departmentCode: "security", status: "OPEN", dueAt: null });
    });

    it("a walk-in naming a department the hall does not have is BAD_USER_INPUT on department and opens nothing", async () => {
      const before = ok(await hall.gql(CASES, { first: 100 }, hall.adminToken), "cases").nodes.length;
      const input = { origin: "WALK_IN", department: "no-such-office", subject: "找不到部门" };
      const reply = await hall.gql(OPEN, { input }, roaming.token);
      const after = ok(await hall.gql(CASES, { first: 100 }, hall.adminToken), "cases").nodes.length;

      expect(refusal(reply)).toEqual({ code: "BAD_USER_INPUT", field: "department" });
      expect(after).toBe(before);
    });

    it("a phone call about a service the catalogue does not have is NOT_FOUND", async () => {
      const input = { origin: "PHONE", serviceCode: "no-such-service", subject: "问一个不存在的事项" };
      expect(refusal(await hall.gql(OPEN, { input }, roaming.token))).toEqual({ code: "NOT_FOUND" });
    });

    it("a blank subject is BAD_USER_INPUT on subject", async () => {
      const input = { origin: "WALK_IN", department: "security", subject: "   " };
      expect(refusal(await hall.gql(OPEN, { input }, roaming.token))).toEqual({ code: "BAD_USER_INPUT", field: "subject" });
    });

    it("students and supervisors do not open cases: FORBIDDEN", async () => {
      const input = { origin: "WALK_IN", department: "security", subject: "自己开" };
      expect(refusal(await hall.gql(OPEN, { input }, alice.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(OPEN, { input }, boss.token))).toEqual({ code: "FORBIDDEN" });
    });
  });

  describe("receiveMaterials", () => {
    it("the owner records what the student brings; the last missing item starts the clock", async () => {
      const opened = await phoneCase(atA, [{ name: "申请表", count: 1 }]);
      expect(opened).toMatchObject({ status: "AWAITING_MATERIALS", dueAt: null, missingMaterials: [{ name: "一寸照", count: 2 }] });

      const partly = ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 1 }] }, atA.token), "receiveMaterials");
      expect(partly).toMatchObject({ status: "AWAITING_MATERIALS", dueAt: null, missingMaterials: [{ name: "一寸照", count: 1 }] });

      const complete = ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 1 }] }, atA.token), "receiveMaterials");
      expect(complete).toMatchObject({ status: "OPEN", missingMaterials: [] });
      expect(complete.dueAt).not.toBeNull();
      expect(complete.materialsCompleteAt).not.toBeNull();
      expect(complete.receivedMaterials).toEqual([
        { name: "申请表", count: 1 },
        { name: "一寸照", count: 2 },
      ]);
    });

    it("only the owner records materials: staff and a supervisor are FORBIDDEN, a stranger NOT_FOUND", async () => {
      const opened = await phoneCase(atA, []);
      const m = [{ name: "申请表", count: 1 }];
      expect(refusal(await hall.gql(RECEIVE, { c: opened.id, m }, saStaff.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(RECEIVE, { c: opened.id, m }, boss.token))).toEqual({ code: "FORBIDDEN" });
      // A volunteer who never touched the case is not told it exists.
      expect(refusal(await hall.gql(RECEIVE, { c: opened.id, m }, atB.token))).toEqual({ code: "NOT_FOUND" });
      expect((await read(opened.id)).receivedMaterials).toEqual([]);
    });

    it("an empty list or a count of 0 is BAD_USER_INPUT", async () => {
      const opened = await phoneCase(atA, []);
      expect(refusal(await hall.gql(RECEIVE, { c: opened.id, m: [] }, atA.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "materials",
      });
      const zero = await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 0 }] }, atA.token);
      expect(refusal(zero).code).toBe("BAD_USER_INPUT");
    });
  });

  describe("handOver, acceptCase and declineCase", () => {
    it("handing over to a department the hall does not have is BAD_USER_INPUT on toDepartment", async () => {
      const opened = await phoneCase(atA);
      const reply = await hall.gql(HAND_OVER, { c: opened.id, to: "no-such-office", reason: "转办" }, atA.token);
      expect(refusal(reply)).toEqual({ code: "BAD_USER_INPUT", field: "toDepartment" });
      expect((await read(opened.id)).status).toBe("OPEN");
    });

    it("a blank reason is BAD_USER_INPUT on reason", async () => {
      const opened = await phoneCase(atA);
      const reply = await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: " " }, atA.token);
      expect(refusal(reply)).toEqual({ code: "BAD_USER_INPUT", field: "reason" });
    });

    it("only the owner hands a case over: staff FORBIDDEN, a stranger NOT_FOUND", async () => {
      const opened = await phoneCase(atA);
      const vars = { c: opened.id, to: "logistics", reason: "转办" };
      expect(refusal(await hall.gql(HAND_OVER, vars, saStaff.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(HAND_OVER, vars, atB.token))).toEqual({ code: "NOT_FOUND" });
    });

    it("while a handover is pending the case keeps its owner, and a second handOver is a CONFLICT", async () => {
      const id = await pendingAtLogistics();
      const again = await hall.gql(HAND_OVER, { c: id, to: "security", reason: "再转" }, atA.token);
      const now = await read(id);

      expect(refusal(again)).toEqual({ code: "CONFLICT" });
      expect(now).toMatchObject({
        status: "HANDOVER_PENDING",
        handoverToDepartment: "logistics",
        departmentCode: "student-affairs",
        owner: { badgeNo: atA.badgeNo },
      });
    });

    it("staff of the receiving department accept and own it from then on", async () => {
      const id = await pendingAtLogistics();
      const accepted = ok(await hall.gql(ACCEPT, { c: id }, lgStaff.token), "acceptCase");

      expect(accepted).toMatchObject({
        status: "OPEN",
        departmentCode: "logistics",
        handoverToDepartment: null,
        firstResponder: { badgeNo: atA.badgeNo, role: "VOLUNTEER" },
        owner: { badgeNo: null, role: "STAFF", department: "logistics" },
      });
      expect(refusal(await hall.gql(ACCEPT, { c: id }, lgStaff.token))).toEqual({ code: "CONFLICT" });
      // The first responder still sees the case but no longer acts on it.
      expect((await read(id, atA.token)).id).toBe(id);
      expect(refusal(await hall.gql(CLOSE, { c: id, answer: "已办" }, atA.token))).toEqual({ code: "FORBIDDEN" });
    });

    it("nobody but the receiving department accepts: a third department NOT_FOUND, the sender's staff and volunteers FORBIDDEN", async () => {
      const id = await pendingAtLogistics();
      // Security staff are not shown a case that is neither theirs nor coming to them.
      expect(refusal(await hall.gql(ACCEPT, { c: id }, secStaff.token))).toEqual({ code: "NOT_FOUND" });
      // Student-affairs staff see their department's case but are not the receiver.
      expect(refusal(await hall.gql(ACCEPT, { c: id }, saStaff.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(ACCEPT, { c: id }, atA.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(ACCEPT, { c: id }, roaming.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(DECLINE, { c: id, reason: "不归我们" }, secStaff.token))).toEqual({ code: "NOT_FOUND" });
      expect((await read(id)).status).toBe("HANDOVER_PENDING");
    });

    it("a declined handover returns the case to its owner, as it was, and hides it from the receiver again", async () => {
      const opened = await phoneCase(atA, [{ name: "申请表", count: 1 }]);
      ok(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "宿舍问题" }, atA.token), "handOver");
      expect(refusal(await hall.gql(DECLINE, { c: opened.id, reason: "" }, lgStaff.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "reason",
      });

      const declined = ok(await hall.gql(DECLINE, { c: opened.id, reason: "不属于后勤" }, lgStaff.token), "declineCase");
      expect(declined).toMatchObject({
        status: "AWAITING_MATERIALS",
        departmentCode: "student-affairs",
        handoverToDepartment: null,
        owner: { badgeNo: atA.badgeNo },
      });
      expect(refusal(await hall.gql(READ, { id: opened.id }, lgStaff.token))).toEqual({ code: "NOT_FOUND" });
      expect(refusal(await hall.gql(ACCEPT, { c: opened.id }, lgStaff.token))).toEqual({ code: "NOT_FOUND" });
      // The owner may hand it over again.
      ok(await hall.gql(HAND_OVER, { c: opened.id, to: "security", reason: "改转保卫处" }, atA.token), "handOver");
    });

    it("staff cannot hand their own department's case to their own department", async () => {
      const input = { origin: "WALK_IN", department: "security", subject: "保卫处自己的事" };
      const opened = ok(await hall.gql(OPEN, { input }, secStaff.token), "openCase");
      const reply = await hall.gql(HAND_OVER, { c: opened.id, to: "security", reason: "原地转" }, secStaff.token);
      expect(refusal(reply)).toEqual({ code: "BAD_USER_INPUT", field: "toDepartment" });
    });
  });

  describe("closeCase", () => {
    it("closing needs the answer given to the student: blank is BAD_USER_INPUT on answer", async () => {
      const opened = await phoneCase(atA);
      expect(refusal(await hall.gql(CLOSE, { c: opened.id, answer: "" }, atA.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "answer",
      });
      expect(refusal(await hall.gql(CLOSE, { c: opened.id, answer: "  \n " }, atA.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "answer",
      });
      expect((await read(opened.id)).status).toBe("OPEN");
    });

    it("a referral out of the hall is a close, with where the student was sent", async () => {
      const opened = await phoneCase(atA);
      const closed = ok(
        await hall.gql(CLOSE, { c: opened.id, answer: "此事由学院办理", to: "计算机学院教务办" }, atA.token),
        "closeCase",
      );
      expect(closed).toMatchObject({ status: "CLOSED", answer: "此事由学院办理", referredTo: "计算机学院教务办" });
      expect(closed.closedAt).not.toBeNull();
      const seen = await read(opened.id, alice.token);
      expect(seen.history.at(-1)).toMatchObject({ kind: "CLOSED", note: "此事由学院办理 (referred to 计算机学院教务办)" });
    });

    it("a closed case cannot be closed again, handed over, given materials or extended: CONFLICT", async () => {
      const opened = await phoneCase(atA);
      ok(await hall.gql(CLOSE, { c: opened.id, answer: "已当场答复" }, atA.token), "closeCase");

      expect(refusal(await hall.gql(CLOSE, { c: opened.id, answer: "再关一次" }, atA.token))).toEqual({ code: "CONFLICT" });
      expect(refusal(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "转" }, atA.token))).toEqual({
        code: "CONFLICT",
      });
      expect(refusal(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 1 }] }, atA.token))).toEqual({
        code: "CONFLICT",
      });
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 1, reason: "晚了" }, atA.token))).toEqual({
        code: "CONFLICT",
      });
    });

    it("a case with a pending handover cannot be closed; only its owner closes it", async () => {
      const id = await pendingAtLogistics();
      expect(refusal(await hall.gql(CLOSE, { c: id, answer: "x" }, atA.token))).toEqual({ code: "CONFLICT" });
      const other = await phoneCase(atA);
      expect(refusal(await hall.gql(CLOSE, { c: other.id, answer: "x" }, saStaff.token))).toEqual({ code: "FORBIDDEN" });
    });
  });

  describe("extensions", () => {
    // Tuesday 2026-03-03 10:00 in the hall; three promised working days end on Friday
    // 2026-03-06, and a day that closes at 24:00 closes at 2026-03-06T16:00Z.
    const tuesday = new Date("2026-03-03T02:00:00Z");
    const fridayClose = "2026-03-06T16:00:00.000Z";

    it("the owner asks, a supervisor approves before the due date, and the student sees the new date", async () => {
      clock().set(tuesday);
      const opened = await phoneCase(atA);
      expect(opened.dueAt).toBe(fridayClose);
      const asked = ok(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 2, reason: "需学院盖章" }, atA.token), "requestExtension");
      expect(asked).toMatchObject({ extensionStatus: "REQUESTED", extensionDays: 2, dueAt: fridayClose });

      for (const notSupervisor of [atA, saStaff, alice]) {
        expect(refusal(await hall.gql(DECIDE_EXTENSION, { c: opened.id }, notSupervisor.token))).toEqual({ code: "FORBIDDEN" });
      }
      const approved = ok(await hall.gql(DECIDE_EXTENSION, { c: opened.id }, boss.token), "approveExtension");

      // Two working days after Friday 03-06: Saturday and Sunday (this hall works them), so
      // due at Sunday 03-08's closing, 24:00 = 2026-03-08T16:00Z.
      const moved = "2026-03-08T16:00:00.000Z";
      expect(approved).toMatchObject({ extensionStatus: "APPROVED", dueAt: moved });
      expect(await read(opened.id, alice.token)).toMatchObject({
        dueAt: moved,
        extensionDays: 2,
        extensionReason: "需学院盖章",
        extensionStatus: "APPROVED",
      });
      const mine = ok(await hall.gql(MY_CASES, { first: 100 }, alice.token), "myCases");
      expect(mine.nodes.find((n: { id: string }) => n.id === opened.id)?.dueAt).toBe(moved);
    });

    it("approving once the due date has passed is a CONFLICT and changes nothing", async () => {
      clock().set(tuesday);
      const opened = await phoneCase(atA);
      ok(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 1, reason: "等待审批" }, atA.token), "requestExtension");
      clock().set(new Date(new Date(fridayClose).getTime() + 60_000));

      expect(refusal(await hall.gql(DECIDE_EXTENSION, { c: opened.id }, boss.token))).toEqual({ code: "CONFLICT" });
      expect(await read(opened.id)).toMatchObject({ dueAt: fridayClose, extensionStatus: "REQUESTED" });
    });

    it("asking once the due date has passed is a CONFLICT", async () => {
      clock().set(tuesday);
      const opened = await phoneCase(atA);
      clock().set(new Date(fridayClose));
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 1, reason: "晚了" }, atA.token))).toEqual({
        code: "CONFLICT",
      });
    });

    it("a refused extension leaves the due date; deciding again without a request is a CONFLICT", async () => {
      clock().set(tuesday);
      const opened = await phoneCase(atA);
      ok(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 3, reason: "人手不够" }, atA.token), "requestExtension");
      const again = await hall.gql(ASK_EXTENSION, { c: opened.id, days: 2, reason: "再申请" }, atA.token);
      expect(refusal(again)).toEqual({ code: "CONFLICT" });

      const refused = ok(await hall.gql(DECIDE_EXTENSION, { c: opened.id, approve: false }, boss.token), "approveExtension");
      expect(refused).toMatchObject({ extensionStatus: "REFUSED", dueAt: fridayClose });
      expect(refusal(await hall.gql(DECIDE_EXTENSION, { c: opened.id }, boss.token))).toEqual({ code: "CONFLICT" });
    });

    it("only the owner asks, for 1 to 30 working days, and only once the clock runs", async () => {
      const opened = await phoneCase(atA);
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 0, reason: "x" }, atA.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "workingDays",
      });
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 31, reason: "x" }, atA.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "workingDays",
      });
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: opened.id, days: 1, reason: "x" }, saStaff.token))).toEqual({
        code: "FORBIDDEN",
      });
      const waiting = await phoneCase(atA, []);
      expect(refusal(await hall.gql(ASK_EXTENSION, { c: waiting.id, days: 1, reason: "x" }, atA.token))).toEqual({
        code: "CONFLICT",
      });
    });
  });

  describe("one owner and the history", () => {
    it("through open, handover, decline, handover, acceptance and close the case always has exactly one owner", async () => {
      const owners: unknown[] = [];
      const look = async (id: string) => owners.push((await read(id, alice.token)).owner);

      const opened = await phoneCase(atA, [{ name: "申请表", count: 1 }]);
      await look(opened.id);
      ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 2 }] }, atA.token), "receiveMaterials");
      await look(opened.id);
      ok(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "宿舍" }, atA.token), "handOver");
      await look(opened.id);
      ok(await hall.gql(DECLINE, { c: opened.id, reason: "不是后勤" }, lgStaff.token), "declineCase");
      await look(opened.id);
      ok(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "确认是宿舍问题" }, atA.token), "handOver");
      await look(opened.id);
      const owned = ok(await hall.gql(MY_OWNED, { first: 100 }, atA.token), "myOwnedCases");
      expect(owned.nodes.map((n: { id: string }) => n.id)).toContain(opened.id);
      ok(await hall.gql(ACCEPT, { c: opened.id }, lgStaff.token), "acceptCase");
      await look(opened.id);
      ok(await hall.gql(CLOSE, { c: opened.id, answer: "已调换宿舍" }, lgStaff.token), "closeCase");
      await look(opened.id);

      const volunteerOwner = { badgeNo: atA.badgeNo, role: "VOLUNTEER", department: null };
      // Staff carry no badge: a staff owner shows as staff of their department instead.
      const staffOwner = { badgeNo: null, role: "STAFF", department: "logistics" };
      expect(owners).toEqual([
        volunteerOwner,
        volunteerOwner,
        volunteerOwner,
        volunteerOwner,
        volunteerOwner,
        staffOwner,
        staffOwner,
      ]);
      const ownedAfter = ok(await hall.gql(MY_OWNED, { first: 100 }, atA.token), "myOwnedCases");
      expect(ownedAfter.nodes.map((n: { id: string }) => n.id)).not.toContain(opened.id);
    });

    it("the history tells who did what and when, with the materials' names and counts, in order", async () => {
      const t0 = new Date("2026-03-03T02:00:00.000Z");
      const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
      clock().set(at(0));
      const opened = await phoneCase(atA, [{ name: "申请表", count: 1 }]);
      clock().set(at(10));
      ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 1 }] }, atA.token), "receiveMaterials");
      clock().set(at(20));
      ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 1 }] }, atA.token), "receiveMaterials");
      clock().set(at(30));
      const m = [{ name: "住宿证明", count: 1 }];
      ok(await hall.gql(HAND_OVER, { c: opened.id, to: "logistics", reason: "宿舍问题", m }, atA.token), "handOver");
      clock().set(at(40));
      ok(await hall.gql(ACCEPT, { c: opened.id }, lgStaff.token), "acceptCase");
      clock().set(at(50));
      ok(await hall.gql(CLOSE, { c: opened.id, answer: "已调换宿舍" }, lgStaff.token), "closeCase");

      const seen = await read(opened.id, alice.token);
      const volunteerActor = { badgeNo: atA.badgeNo, role: "VOLUNTEER", department: null };
      const staffActor = { badgeNo: null, role: "STAFF", department: "logistics" };
      expect(seen.history).toEqual([
        {
          at: at(0).toISOString(),
          kind: "OPENED",
          actorBadgeNo: atA.badgeNo,
          actor: volunteerActor,
          note: "补办证明",
          materials: [{ name: "申请表", count: 1 }],
          fromDepartment: null,
          toDepartment: null,
        },
        {
          at: at(0).toISOString(),
          kind: "MATERIALS_MISSING",
          actorBadgeNo: atA.badgeNo,
          actor: volunteerActor,
          note: "Told the student to bring: 一寸照 ×2",
          materials: [{ name: "一寸照", count: 2 }],
          fromDepartment: null,
          toDepartment: null,
        },
        {
          at: at(10).toISOString(),
          kind: "MATERIALS_RECEIVED",
          actorBadgeNo: atA.badgeNo,
          actor: volunteerActor,
          note: null,
          materials: [{ name: "一寸照", count: 1 }],
          fromDepartment: null,
          toDepartment: null,
        },
        {
          at: at(20).toISOString(),
          kind: "MATERIALS_COMPLETE",
          actorBadgeNo: atA.badgeNo,
          actor: volunteerActor,
          note: null,
          materials: [{ name: "一寸照", count: 1 }],
          fromDepartment: null,
          toDepartment: null,
        },
        {
          at: at(30).toISOString(),
          kind: "HANDOVER_REQUESTED",
          actorBadgeNo: atA.badgeNo,
          actor: volunteerActor,
          note: "宿舍问题",
          materials: [{ name: "住宿证明", count: 1 }],
          fromDepartment: "student-affairs",
          toDepartment: "logistics",
        },
        {
          at: at(40).toISOString(),
          kind: "HANDOVER_ACCEPTED",
          actorBadgeNo: null,
          actor: staffActor,
          note: null,
          materials: null,
          fromDepartment: "student-affairs",
          toDepartment: "logistics",
        },
        {
          at: at(50).toISOString(),
          kind: "CLOSED",
          actorBadgeNo: null,
          actor: staffActor,
          note: "已调换宿舍",
          materials: null,
          fromDepartment: null,
          toDepartment: null,
        },
      ]);
      expect(seen.receivedMaterials).toEqual([
        { name: "申请表", count: 1 },
        { name: "一寸照", count: 2 },
        { name: "住宿证明", count: 1 },
      ]);
    });

    it("the history keeps the order things were written in even when a later step carries an earlier clock", async () => {
      // Two servers whose clocks differ by an hour: the second step is stamped earlier.
      clock().set(new Date("2026-03-03T03:00:00Z"));
      const opened = await phoneCase(atA, [{ name: "申请表", count: 1 }]);
      clock().set(new Date("2026-03-03T02:00:00Z"));
      ok(await hall.gql(RECEIVE, { c: opened.id, m: [{ name: "一寸照", count: 2 }] }, atA.token), "receiveMaterials");

      const kinds = (await read(opened.id)).history.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(["OPENED", "MATERIALS_MISSING", "MATERIALS_COMPLETE"]);
    });
  });

  describe("who sees what", () => {
    it("a student sees their own case; another student's is NOT_FOUND and not in their list", async () => {
      const opened = await phoneCase(atA);
      expect((await read(opened.id, alice.token)).id).toBe(opened.id);
      expect(refusal(await hall.gql(READ, { id: opened.id }, bob.token))).toEqual({ code: "NOT_FOUND" });
      const bobs = await allPages(hall, MY_CASES, "myCases", bob.token, {}, 100);
      expect(bobs.ids).not.toContain(opened.id);
      // An id that does not exist reads exactly the same.
      const missing = await hall.gql(READ, { id: "00000000-0000-4000-8000-000000000000" }, bob.token);
      expect(refusal(missing)).toEqual({ code: "NOT_FOUND" });
    });

    it("staff see their department's cases and those coming to it, not another department's", async () => {
      const ours = await phoneCase(atA);
      const coming = await pendingAtLogistics();
      const saList = await allPages(hall, CASES, "cases", saStaff.token, { d: "student-affairs" }, 100);
      const saDefault = await allPages(hall, CASES, "cases", saStaff.token, {}, 100);
      const lgList = await allPages(hall, CASES, "cases", lgStaff.token, {}, 100);

      expect(saList.ids).toEqual(expect.arrayContaining([ours.id, coming]));
      expect(saDefault.ids).toEqual(saList.ids);
      expect(lgList.ids).toContain(coming);
      expect(lgList.ids).not.toContain(ours.id);
      expect((await read(coming, lgStaff.token)).id).toBe(coming);
      expect(refusal(await hall.gql(READ, { id: ours.id }, lgStaff.token))).toEqual({ code: "NOT_FOUND" });
      expect(refusal(await hall.gql(CASES, { d: "student-affairs" }, lgStaff.token))).toEqual({ code: "FORBIDDEN" });
    });

    it("a volunteer sees the cases they touched, not a colleague's; volunteers and students list no department", async () => {
      const opened = await phoneCase(atA);
      expect((await read(opened.id, atA.token)).id).toBe(opened.id);
      expect(refusal(await hall.gql(READ, { id: opened.id }, atB.token))).toEqual({ code: "NOT_FOUND" });
      const bOwns = await allPages(hall, MY_OWNED, "myOwnedCases", atB.token, {}, 100);
      expect(bOwns.ids).not.toContain(opened.id);
      expect(refusal(await hall.gql(CASES, { d: "student-affairs" }, atA.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(CASES, {}, alice.token))).toEqual({ code: "FORBIDDEN" });
      expect(refusal(await hall.gql(MY_CASES, {}, atA.token))).toEqual({ code: "FORBIDDEN" });
    });

    it("a supervisor sees every department's cases", async () => {
      const sa = await phoneCase(atA);
      const input = { origin: "WALK_IN", department: "security", subject: "督导可见" };
      const sec = ok(await hall.gql(OPEN, { input }, roaming.token), "openCase");
      const all = await allPages(hall, CASES, "cases", boss.token, {}, 100);
      expect(all.ids).toEqual(expect.arrayContaining([sa.id, sec.id]));
    });
  });

  describe("lists are paginated", () => {
    it("myCases pages through seven cases opened in the same millisecond, with no repeats and no gaps", async () => {
      const carol = await student(hall);
      clock().set(new Date("2026-03-04T02:00:00Z"));
      const opened: string[] = [];
      for (let i = 0; i < 7; i++) {
        const input = { origin: "PHONE", department: "youth-league", studentNo: carol.studentNo, subject: `咨询 ${i}` };
        opened.push(ok(await hall.gql(OPEN, { input }, roaming.token), "openCase").id);
      }
      const read3 = await allPages(hall, MY_CASES, "myCases", carol.token, {}, 3);

      expect(read3.pages).toBe(3);
      expect(read3.ids).toHaveLength(7);
      expect(new Set(read3.ids)).toEqual(new Set(opened));
    });

    it("cases(department) pages newest first across different moments, with no repeats", async () => {
      const opened: string[] = [];
      for (let i = 0; i < 5; i++) {
        clock().set(new Date(Date.UTC(2026, 2, 5, 2, i)));
        const input = { origin: "WALK_IN", department: "it-office", subject: `易班问题 ${i}` };
        opened.push(ok(await hall.gql(OPEN, { input }, roaming.token), "openCase").id);
      }
      const pages = await allPages(hall, CASES, "cases", boss.token, { d: "it-office" }, 2);
      expect(pages.pages).toBe(3);
      expect(pages.ids).toEqual([...opened].reverse());
    });

    it("asking for more than 100 a page, or for 0, is BAD_USER_INPUT on first; a forged cursor on after", async () => {
      const over = { first: 101 };
      expect(refusal(await hall.gql(MY_CASES, over, alice.token))).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(refusal(await hall.gql(MY_OWNED, over, atA.token))).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(refusal(await hall.gql(CASES, over, boss.token))).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(refusal(await hall.gql(OVERDUE, over, boss.token))).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(refusal(await hall.gql(DUE_SOON, { ...over, h: 24 }, boss.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "first",
      });
      expect(refusal(await hall.gql(CASES, { first: 0 }, boss.token))).toEqual({ code: "BAD_USER_INPUT", field: "first" });
      expect(refusal(await hall.gql(CASES, { after: "not-a-cursor" }, boss.token))).toEqual({
        code: "BAD_USER_INPUT",
        field: "after",
      });
      expect(ok(await hall.gql(CASES, { first: 100 }, boss.token), "cases").nodes.length).toBeLessThanOrEqual(100);
    });
  });
});
