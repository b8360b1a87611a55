import { type Desk, FILE, ok, openDesk, servedStudent, staff, supervisor } from "./support/accountability";
import { codeOf, student } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const RECORD_FIELDS = `id status badgeNo departmentCode answer appealStatus appealReason appealAnswer
  complainant { accountId name studentNo } history { kind note actorAccountId }`;
const ACK = `mutation($id: ID!, $note: String!){ acknowledgeComplaint(id:$id, note:$note){ ${RECORD_FIELDS} } }`;
const INVESTIGATE = `mutation($id: ID!, $note: String!){ investigateComplaint(id:$id, note:$note){ ${RECORD_FIELDS} } }`;
const CONCLUDE = `mutation($id: ID!, $upheld: Boolean!, $answer: String!){
  concludeComplaint(id:$id, upheld:$upheld, answer:$answer){ ${RECORD_FIELDS} } }`;
const APPEAL = `mutation($id: ID!, $reason: String!){ appealComplaint(id:$id, reason:$reason){ id status appealStatus appealDueAt } }`;
const DECIDE = `mutation($id: ID!, $upheld: Boolean!, $answer: String!){
  decideAppeal(id:$id, upheld:$upheld, answer:$answer){ ${RECORD_FIELDS} } }`;

describeWith("student-affairs", "logistics")("complaints (投诉问责制)", () => {
  let hall: TestHall;
  let desk: Desk;
  let sup: { id: string; token: string };
  let secondSup: { id: string; token: string };
  beforeAll(async () => {
    hall = await startTestHall();
    desk = await openDesk(hall);
    sup = await supervisor(hall, "sup-one");
    secondSup = await supervisor(hall, "sup-two");
  });
  afterAll(() => hall.stop());
  afterEach(() => hall.hall.services.clock.set(null));

  async function filed(token: string, input: Record<string, unknown> = {}) {
    const reply = await ok(
      hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: "态度很差，不耐烦", ...input } }, token),
      "fileComplaint",
    );
    return reply.data.fileComplaint;
  }

  async function dismissed(by: { token: string }) {
    const s = await student(hall);
    const complaint = await filed(s.token);
    await ok(hall.gql(ACK, { id: complaint.id, note: "已受理" }, by.token), "acknowledge");
    await ok(hall.gql(INVESTIGATE, { id: complaint.id, note: "调取录像" }, by.token), "investigate");
    await ok(hall.gql(CONCLUDE, { id: complaint.id, upheld: false, answer: "经核实，志愿者按规定办理。" }, by.token), "dismiss");
    return { student: s, id: complaint.id };
  }

  it("FILED → ACKNOWLEDGED → INVESTIGATING → UPHELD, each step with its note; the complainant reads the answer", async () => {
    // Friday 6 March 2026, 15:00 in Shanghai.
    hall.hall.services.clock.set(new Date("2026-03-06T07:00:00Z"));
    const s = await servedStudent(hall, desk);
    const complaint = await filed(s.token, { ticketId: s.ticketId });
    expect(complaint).toMatchObject({
      status: "FILED",
      badgeNo: desk.volunteer.badgeNo,
      windowNumber: null,
      departmentCode: "student-affairs",
      ticketId: s.ticketId,
      // COMPLAINT_ACK_WORKING_DAYS=1 and COMPLAINT_CONCLUDE_WORKING_DAYS=5, at closing (24:00).
      acknowledgeDueAt: "2026-03-07T16:00:00.000Z",
      concludeDueAt: "2026-03-11T16:00:00.000Z",
    });
    await ok(hall.gql(ACK, { id: complaint.id, note: "已受理，将于五个工作日内答复" }, sup.token), "acknowledge");
    await ok(hall.gql(INVESTIGATE, { id: complaint.id, note: "约谈志愿者" }, sup.token), "investigate");
    const concluded = await ok(
      hall.gql(CONCLUDE, { id: complaint.id, upheld: true, answer: "情况属实，已对志愿者进行诫勉。" }, sup.token),
      "conclude",
    );
    expect(concluded.data.concludeComplaint).toMatchObject({
      status: "UPHELD",
      answer: "情况属实，已对志愿者进行诫勉。",
      complainant: { studentNo: s.studentNo },
      history: [
        { kind: "FILED", note: null },
        { kind: "ACKNOWLEDGED", note: "已受理，将于五个工作日内答复", actorAccountId: sup.id },
        { kind: "INVESTIGATING", note: "约谈志愿者" },
        { kind: "UPHELD", note: "情况属实，已对志愿者进行诫勉。" },
      ],
    });
    const mine = await ok(hall.gql(`{ myComplaints { nodes { id status answer ticketId } } }`, {}, s.token), "myComplaints");
    expect(mine.data.myComplaints.nodes).toEqual([
      { id: complaint.id, status: "UPHELD", answer: "情况属实，已对志愿者进行诫勉。", ticketId: s.ticketId },
    ]);
  });

  it("a step out of order is CONFLICT, and a step without its note BAD_USER_INPUT", async () => {
    const s = await student(hall);
    const complaint = await filed(s.token);
    const early = await hall.gql(CONCLUDE, { id: complaint.id, upheld: true, answer: "x" }, sup.token);
    expect(codeOf(early)).toBe("CONFLICT");
    const bare = await hall.gql(ACK, { id: complaint.id, note: "  " }, sup.token);
    expect(codeOf(bare)).toBe("BAD_USER_INPUT");
    expect(bare.errors![0].extensions!.field).toBe("note");
    await ok(hall.gql(ACK, { id: complaint.id, note: "收到" }, sup.token), "acknowledge");
    expect(codeOf(await hall.gql(ACK, { id: complaint.id, note: "再次" }, sup.token))).toBe("CONFLICT");
  });

  it("students, volunteers and staff cannot take a complaint through its steps: FORBIDDEN", async () => {
    const s = await student(hall);
    const complaint = await filed(s.token);
    const teacher = await staff(hall, "student-affairs");
    for (const token of [s.token, desk.volunteer.token, teacher.token]) {
      expect(codeOf(await hall.gql(ACK, { id: complaint.id, note: "看看" }, token))).toBe("FORBIDDEN");
    }
  });

  describe("the complainant's identity", () => {
    it("a volunteer reads complaints about them, but not who filed them", async () => {
      const s = await servedStudent(hall, desk);
      const complaint = await filed(s.token, { ticketId: s.ticketId, text: "办事拖拉" });
      const about = await ok(
        hall.gql(`{ complaintsAboutMe { nodes { id status badgeNo text filedAt } } }`, {}, desk.volunteer.token),
        "complaintsAboutMe",
      );
      expect(about.data.complaintsAboutMe.nodes).toContainEqual(expect.objectContaining({ id: complaint.id, text: "办事拖拉" }));
      const text = JSON.stringify(about);
      expect(text).not.toContain(s.studentNo);
      expect(text).not.toContain(s.id);
      expect(text).not.toContain(s.ticketId);
    });

    it("the volunteer's type has no complainant, visit or answer to ask for", async () => {
      for (const field of ["complainant { name }", "ticketId", "caseId", "answer", "history { note }"]) {
        const reply = await hall.gql(`{ complaintsAboutMe { nodes { id ${field} } } }`, {}, desk.volunteer.token);
        expect(codeOf(reply)).toBe("GRAPHQL_VALIDATION_FAILED");
      }
    });

    it("the supervisors' lists with identities are FORBIDDEN to the volunteer, the student and staff", async () => {
      const s = await student(hall);
      const complaint = await filed(s.token);
      const teacher = await staff(hall, "student-affairs");
      for (const token of [desk.volunteer.token, s.token, teacher.token]) {
        expect(codeOf(await hall.gql(`{ complaints { nodes { id } } }`, {}, token))).toBe("FORBIDDEN");
        expect(codeOf(await hall.gql(`query($id: ID!){ complaint(id:$id){ id } }`, { id: complaint.id }, token))).toBe("FORBIDDEN");
      }
    });

    it("a supervisor sees who filed it", async () => {
      const s = await student(hall);
      const complaint = await filed(s.token);
      const read = await ok(
        hall.gql(`query($id: ID!){ complaint(id:$id){ complainant { accountId studentNo name } } }`, { id: complaint.id }, sup.token),
        "complaint",
      );
      expect(read.data.complaint.complainant).toMatchObject({ accountId: s.id, studentNo: s.studentNo });
    });

    it("department staff read their department's complaints without identities; another department is FORBIDDEN", async () => {
      const s = await student(hall);
      const complaint = await filed(s.token, { badgeNo: null, department: "student-affairs", text: "窗口太少" });
      const teacher = await staff(hall, "student-affairs");
      const list = await ok(
        hall.gql(`{ departmentComplaints(department: "student-affairs") { nodes { id text } } }`, {}, teacher.token),
        "departmentComplaints",
      );
      expect(list.data.departmentComplaints.nodes).toContainEqual({ id: complaint.id, text: "窗口太少" });
      const other = await staff(hall, "logistics");
      const refused = await hall.gql(`{ departmentComplaints(department: "student-affairs") { nodes { id } } }`, {}, other.token);
      expect(codeOf(refused)).toBe("FORBIDDEN");
    });
  });

  describe("filing", () => {
    it("a complaint against a window takes the window's department", async () => {
      const s = await student(hall);
      const complaint = await filed(s.token, { badgeNo: null, windowId: desk.windowId });
      expect(complaint).toMatchObject({ windowNumber: desk.windowNumber, departmentCode: "student-affairs", badgeNo: null });
    });

    it.each([
      ["no target at all", { badgeNo: null }, "badgeNo"],
      ["an unknown badge", { badgeNo: "NOBODY" }, "badgeNo"],
      ["an unknown window", { badgeNo: null, windowId: "00000000-0000-0000-0000-000000000000" }, "windowId"],
      ["an unknown department", { badgeNo: null, department: "no-such-office" }, "department"],
      ["a window of another department", { windowId: "WINDOW", department: "logistics" }, "department"],
      ["an empty text", { text: " " }, "text"],
    ])("%s is BAD_USER_INPUT naming the field", async (_what, input, field) => {
      const s = await student(hall);
      const resolved = Object.fromEntries(
        Object.entries(input).map(([key, value]) => [key, value === "WINDOW" ? desk.windowId : value]),
      );
      const reply = await hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: "投诉", ...resolved } }, s.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
    });

    it("another student's ticket is NOT_FOUND", async () => {
      const owner = await servedStudent(hall, desk);
      const other = await student(hall);
      const reply = await hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, ticketId: owner.ticketId, text: "x" } }, other.token);
      expect(codeOf(reply)).toBe("NOT_FOUND");
    });

    it("a volunteer cannot complain about themselves; staff cannot file: FORBIDDEN", async () => {
      const self = await hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: "我自己" } }, desk.volunteer.token);
      expect(codeOf(self)).toBe("BAD_USER_INPUT");
      const teacher = await staff(hall, "student-affairs");
      expect(codeOf(await hall.gql(FILE, { input: { department: "student-affairs", text: "x" } }, teacher.token))).toBe("FORBIDDEN");
    });
  });

  describe("the appeal", () => {
    it("dismissed → appealed once → a different supervisor decides; the dismissing one is FORBIDDEN", async () => {
      const { student: s, id } = await dismissed(sup);
      const appealed = await ok(hall.gql(APPEAL, { id, reason: "有录像为证" }, s.token), "appeal");
      expect(appealed.data.appealComplaint).toMatchObject({ status: "DISMISSED", appealStatus: "PENDING" });

      const same = await hall.gql(DECIDE, { id, upheld: true, answer: "改判" }, sup.token);
      expect(codeOf(same)).toBe("FORBIDDEN");

      const decided = await ok(hall.gql(DECIDE, { id, upheld: true, answer: "复核后投诉成立。" }, secondSup.token), "decide");
      expect(decided.data.decideAppeal).toMatchObject({
        status: "UPHELD",
        appealStatus: "GRANTED",
        appealReason: "有录像为证",
        appealAnswer: "复核后投诉成立。",
      });
      expect(decided.data.decideAppeal.history.map((h: { kind: string }) => h.kind)).toEqual([
        "FILED",
        "ACKNOWLEDGED",
        "INVESTIGATING",
        "DISMISSED",
        "APPEALED",
        "APPEAL_GRANTED",
      ]);
    });

    it("a second appeal is CONFLICT, also after a refused one", async () => {
      const { student: s, id } = await dismissed(sup);
      await ok(hall.gql(APPEAL, { id, reason: "不服" }, s.token), "appeal");
      expect(codeOf(await hall.gql(APPEAL, { id, reason: "再次不服" }, s.token))).toBe("CONFLICT");
      await ok(hall.gql(DECIDE, { id, upheld: false, answer: "维持原结论。" }, secondSup.token), "decide");
      expect(codeOf(await hall.gql(APPEAL, { id, reason: "第三次" }, s.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(DECIDE, { id, upheld: true, answer: "x" }, hall.adminToken))).toBe("CONFLICT");
    });

    it("only a dismissed complaint is appealed (CONFLICT), only by its complainant (NOT_FOUND)", async () => {
      const s = await student(hall);
      const complaint = await filed(s.token);
      expect(codeOf(await hall.gql(APPEAL, { id: complaint.id, reason: "急" }, s.token))).toBe("CONFLICT");
      const { id } = await dismissed(sup);
      const other = await student(hall);
      expect(codeOf(await hall.gql(APPEAL, { id, reason: "我也不服" }, other.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(APPEAL, { id, reason: "" }, other.token))).toBe("BAD_USER_INPUT");
    });
  });

  describe("deadlines and catching up", () => {
    it("a complaint not acknowledged in time is told to the feed once, and shows in complaints(since)", async () => {
      hall.hall.services.clock.set(new Date("2026-03-09T02:00:00Z"));
      const s = await student(hall);
      const complaint = await filed(s.token);
      hall.hall.services.clock.set(new Date("2026-03-11T02:00:00Z"));
      const before = new Date("2026-03-11T00:00:00Z").toISOString();
      await hall.hall.services.deadlines.sweep();
      expect(await hall.hall.services.deadlines.sweep()).toBe(0);
      const since = await ok(
        hall.gql(`query($since: DateTimeISO){ complaints(since:$since, first: 100){ nodes { id acknowledgeMissedAt concludeMissedAt } } }`, { since: before }, sup.token),
        "complaints",
      );
      expect(since.data.complaints.nodes).toContainEqual({
        id: complaint.id,
        acknowledgeMissedAt: "2026-03-11T02:00:00.000Z",
        concludeMissedAt: null,
      });
    });

    it("complaints(since) pages oldest change first, with a cursor that continues", async () => {
      // After the real clock, so the complaints other tests filed at "now" come before these.
      const start = new Date("2027-06-01T00:00:00Z");
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        hall.hall.services.clock.set(new Date(start.getTime() + i * 60_000));
        ids.push((await filed((await student(hall)).token)).id);
      }
      const page = `query($since: DateTimeISO, $after: String){ complaints(since:$since, first: 2, after:$after){
        nodes { id } pageInfo { endCursor hasNextPage } } }`;
      const first = await ok(hall.gql(page, { since: start.toISOString() }, sup.token), "page 1");
      expect(first.data.complaints.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(0, 2));
      expect(first.data.complaints.pageInfo.hasNextPage).toBe(true);
      const second = await ok(
        hall.gql(page, { since: start.toISOString(), after: first.data.complaints.pageInfo.endCursor }, sup.token),
        "page 2",
      );
      expect(second.data.complaints.nodes.map((n: { id: string }) => n.id)).toEqual([ids[2]]);
    });
  });
});
