import { addService, addWindow, CALL, codeOf, signOn, student, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const OPEN = `mutation($input: OpenCaseInput!){ openCase(input:$input){
  id status dueAt missingMaterials { name count } firstResponder { badgeNo } owner { badgeNo } departmentCode } }`;
const CASE = `query($id: ID!){ case(id:$id){ id status departmentCode answer referredTo dueAt owner { badgeNo }
  history { kind actorBadgeNo note materials { name count } fromDepartment toDepartment } } }`;

describeWith("student-affairs", "logistics", "security")("cases under first-inquiry responsibility", () => {
  let hall: TestHall;
  let windowId: string;
  let v: Awaited<ReturnType<typeof volunteer>>;
  beforeAll(async () => {
    hall = await startTestHall();
    await addService(hall, "k-certificate", "student-affairs", {
      mode: "PROMISED",
      promisedWorkingDays: 3,
      materials: [
        { name: "申请表", count: 1 },
        { name: "一寸照", count: 2 },
      ],
    });
    windowId = await addWindow(hall, "K1", "student-affairs", ["k-certificate"]);
    v = await volunteer(hall);
    await signOn(hall, v.token, windowId);
  });
  afterAll(() => hall.stop());

  async function caseFromTicket(s: { token: string }, materialsReceived: Array<{ name: string; count: number }>) {
    await hall.gql(TAKE, { s: "k-certificate" }, s.token);
    const called = await hall.gql(CALL, { w: windowId }, v.token);
    const reply = await hall.gql(
      OPEN,
      { input: { origin: "TICKET", ticketId: called.data.callNext.id, subject: "补办证明", materialsReceived } },
      v.token,
    );
    expect(reply.errors).toBeUndefined();
    return reply.data.openCase;
  }

  it("missing materials put the case in AWAITING_MATERIALS with the list; the clock starts when complete", async () => {
    const s = await student(hall);
    const opened = await caseFromTicket(s, [{ name: "申请表", count: 1 }]);
    expect(opened).toMatchObject({
      status: "AWAITING_MATERIALS",
      dueAt: null,
      missingMaterials: [{ name: "一寸照", count: 2 }],
      firstResponder: { badgeNo: v.badgeNo },
      owner: { badgeNo: v.badgeNo },
    });
    const complete = await hall.gql(
      `mutation($c: ID!){ receiveMaterials(caseId:$c, materials:[{ name: "一寸照", count: 2 }]){ status dueAt missingMaterials { name } } }`,
      { c: opened.id },
      v.token,
    );
    expect(complete.data.receiveMaterials.status).toBe("OPEN");
    expect(complete.data.receiveMaterials.missingMaterials).toEqual([]);
    expect(new Date(complete.data.receiveMaterials.dueAt).getTime()).toBeGreaterThan(Date.now());

    const mine = await hall.gql(`{ myCases { nodes { id status } } }`, {}, s.token);
    expect(mine.data.myCases.nodes).toEqual([{ id: opened.id, status: "OPEN" }]);
  });

  it("a case handed to logistics stays with its owner until logistics staff accept it", async () => {
    const s = await student(hall);
    const opened = await caseFromTicket(s, [
      { name: "申请表", count: 1 },
      { name: "一寸照", count: 2 },
    ]);
    const logistics = await hall.account({ account: "logistics-staff", role: "STAFF", name: "后勤老师", department: "logistics" });
    const handed = await hall.gql(
      `mutation($c: ID!){ handOver(caseId:$c, toDepartment:"logistics", reason:"宿舍问题", materialsReceived:[{ name:"住宿证明", count:1 }]){ status owner { badgeNo } } }`,
      { c: opened.id },
      v.token,
    );
    expect(handed.data.handOver).toEqual({ status: "HANDOVER_PENDING", owner: { badgeNo: v.badgeNo } });
    const closeWhilePending = await hall.gql(
      `mutation($c: ID!){ closeCase(caseId:$c, answer:"x"){ id } }`,
      { c: opened.id },
      v.token,
    );
    expect(codeOf(closeWhilePending)).toBe("CONFLICT");

    const accepted = await hall.gql(`mutation($c: ID!){ acceptCase(caseId:$c){ status departmentCode } }`, { c: opened.id }, logistics.token);
    expect(accepted.data.acceptCase).toEqual({ status: "OPEN", departmentCode: "logistics" });
    const byVolunteer = await hall.gql(`mutation($c: ID!){ closeCase(caseId:$c, answer:"x"){ id } }`, { c: opened.id }, v.token);
    expect(codeOf(byVolunteer)).toMatch(/FORBIDDEN|NOT_FOUND/);

    const closed = await hall.gql(
      `mutation($c: ID!){ closeCase(caseId:$c, answer:"已为你调换宿舍", referredTo: null){ status answer } }`,
      { c: opened.id },
      logistics.token,
    );
    expect(closed.data.closeCase).toEqual({ status: "CLOSED", answer: "已为你调换宿舍" });
    const read = await hall.gql(CASE, { id: opened.id }, s.token);
    expect(read.data.case.history.map((e: { kind: string }) => e.kind)).toEqual([
      "OPENED",
      "HANDOVER_REQUESTED",
      "HANDOVER_ACCEPTED",
      "CLOSED",
    ]);
    expect(read.data.case.history[1]).toMatchObject({
      actorBadgeNo: v.badgeNo,
      materials: [{ name: "住宿证明", count: 1 }],
      fromDepartment: "student-affairs",
      toDepartment: "logistics",
    });
  });

  it("a handover nobody accepts in time returns to its owner and raises an alert", async () => {
    const s = await student(hall);
    const opened = await caseFromTicket(s, [
      { name: "申请表", count: 1 },
      { name: "一寸照", count: 2 },
    ]);
    await hall.gql(
      `mutation($c: ID!){ handOver(caseId:$c, toDepartment:"security", reason:"征兵"){ status } }`,
      { c: opened.id },
      v.token,
    );
    const clock = hall.hall.services.clock;
    clock.set(new Date(Date.now() + 2 * 3600_000));
    try {
      await hall.hall.services.cases.sweep(60, 24);
    } finally {
      clock.set(null);
    }
    const read = await hall.gql(CASE, { id: opened.id }, v.token);
    expect(read.data.case.status).toBe("OPEN");
    expect(read.data.case.owner.badgeNo).toBe(v.badgeNo);
    expect(read.data.case.history.at(-1).kind).toBe("HANDOVER_EXPIRED");
  });

  it("another student's case is not found, so its id is not confirmed", async () => {
    const owner = await student(hall);
    const other = await student(hall);
    const opened = await caseFromTicket(owner, []);
    const peek = await hall.gql(CASE, { id: opened.id }, other.token);
    expect(codeOf(peek)).toBe("NOT_FOUND");
  });
});
