import { ConfigError, loadConfig } from "../src/core";
import { type Desk, FILE, ok, openDesk, RATE, servedStudent, supervisor } from "./support/accountability";
import { addService, addWindow, codeOf, signOn, student } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";
import { collect, until, wsClient } from "./support/ws-client";

const FLAGS = `{ flaggedVolunteers { nodes { id badgeNo rule detail raisedAt clearedAt talkId } } }`;
const TALK = `mutation($input: RecordCoachingTalkInput!){ recordCoachingTalk(input:$input){
  id badgeNo heldAt departmentCode participants notes outcome recordedAt } }`;
const SIGN_ON = `mutation($w: ID!){ signOnWindow(windowId:$w){ id onDutyBadgeNo } }`;
const REINSTATE = `mutation($b: String!, $note: String!){ reinstateVolunteer(badgeNo:$b, note:$note){ badgeNo offDuty openFlags { rule } } }`;
const FEED = `subscription { complaintFeed { kind badgeNo flagRule summary } }`;

describeWith("student-affairs")("the accountability ladder", () => {
  let hall: TestHall;
  let sup: { id: string; token: string };
  beforeAll(async () => {
    hall = await startTestHall();
    sup = await supervisor(hall);
  });
  afterAll(() => hall.stop());
  afterEach(() => hall.hall.services.clock.set(null));

  async function badRatings(desk: Desk, count: number, level = "VERY_DISSATISFIED") {
    for (let i = 0; i < count; i++) {
      const s = await servedStudent(hall, desk);
      await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level, reasons: ["ATTITUDE"] } }, s.token), "rate");
    }
  }

  async function flagsOf(badgeNo: string) {
    const reply = await ok(hall.gql(FLAGS, {}, sup.token), "flaggedVolunteers");
    return reply.data.flaggedVolunteers.nodes.filter((f: { badgeNo: string }) => f.badgeNo === badgeNo);
  }

  function talk(badgeNo: string, outcome: string, extra: Record<string, unknown> = {}) {
    const input = {
      badgeNo,
      heldAt: new Date(Date.now() - 3600_000).toISOString(),
      department: "student-affairs",
      participants: ["学工部 王老师", "中心主任 李老师"],
      notes: "谈话记录：服务态度问题，已指出并提出改进要求。",
      outcome,
      ...extra,
    };
    return hall.gql(TALK, { input }, sup.token);
  }

  it("three VERY_DISSATISFIED ratings for one badge flag the volunteer, and the flag appears in the feed", async () => {
    const desk = await openDesk(hall);
    const socket = wsClient(hall.port, sup.token);
    const before = hall.hall.services.feed.subscribers;
    const feed = collect(socket, { query: FEED });
    try {
      await until(() => hall.hall.services.feed.subscribers > before, 5000, "the feed subscription");
      await badRatings(desk, 2);
      expect(await flagsOf(desk.volunteer.badgeNo)).toEqual([]);

      await badRatings(desk, 1);
      const flags = await flagsOf(desk.volunteer.badgeNo);
      expect(flags).toEqual([
        expect.objectContaining({ rule: "BAD_RATINGS", detail: expect.stringMatching(/^3 of the last 3 ratings/), clearedAt: null }),
      ]);
      await until(() => feed.results.some((r) => r.data?.complaintFeed.kind === "VOLUNTEER_FLAGGED"), 5000, "the flag in the feed");
      const heard = feed.results.map((r) => r.data?.complaintFeed);
      expect(heard.filter((e) => e.kind === "BAD_RATING")).toHaveLength(3);
      expect(heard).toContainEqual(expect.objectContaining({ kind: "VOLUNTEER_FLAGGED", badgeNo: desk.volunteer.badgeNo, flagRule: "BAD_RATINGS" }));
    } finally {
      feed.stop();
      await socket.dispose();
    }
  });

  it("DISSATISFIED counts too, satisfied ratings in between do not, and a further bad rating raises no second flag", async () => {
    const desk = await openDesk(hall);
    await badRatings(desk, 1, "DISSATISFIED");
    await badRatings(desk, 2, "SATISFIED");
    await badRatings(desk, 2, "DISSATISFIED");
    expect(await flagsOf(desk.volunteer.badgeNo)).toHaveLength(1);
    await badRatings(desk, 1);
    expect(await flagsOf(desk.volunteer.badgeNo)).toHaveLength(1);
  });

  it("only the last 20 ratings count: two bad ones long ago and one now raise no flag", async () => {
    const desk = await openDesk(hall);
    await badRatings(desk, 2);
    await badRatings(desk, 18, "VERY_SATISFIED");
    await badRatings(desk, 1);
    expect(await flagsOf(desk.volunteer.badgeNo)).toEqual([]);
  }, 60_000);

  it("two complaints upheld within 30 days flag the volunteer", async () => {
    const desk = await openDesk(hall);
    for (let i = 0; i < 2; i++) {
      const s = await student(hall);
      const filed = await ok(hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: `投诉 ${i}` } }, s.token), "file");
      const id = filed.data.fileComplaint.id;
      await ok(hall.gql(`mutation($id: ID!){ acknowledgeComplaint(id:$id, note:"收到"){ id } }`, { id }, sup.token), "ack");
      await ok(hall.gql(`mutation($id: ID!){ investigateComplaint(id:$id, note:"调查"){ id } }`, { id }, sup.token), "investigate");
      await ok(hall.gql(`mutation($id: ID!){ concludeComplaint(id:$id, upheld:true, answer:"属实"){ id } }`, { id }, sup.token), "conclude");
      expect(await flagsOf(desk.volunteer.badgeNo)).toHaveLength(i);
    }
    expect((await flagsOf(desk.volunteer.badgeNo))[0]).toMatchObject({ rule: "UPHELD_COMPLAINTS" });
  });

  it("a coaching talk answers the flags; counting starts afresh after it; the history stays", async () => {
    const desk = await openDesk(hall);
    await badRatings(desk, 3);
    const [flag] = await flagsOf(desk.volunteer.badgeNo);
    const recorded = await ok(talk(desk.volunteer.badgeNo, "WATCH"), "recordCoachingTalk");
    expect(recorded.data.recordCoachingTalk).toMatchObject({ outcome: "WATCH", participants: ["学工部 王老师", "中心主任 李老师"] });
    expect(await flagsOf(desk.volunteer.badgeNo)).toEqual([]);

    const history = await ok(hall.gql(`{ flaggedVolunteers(open: false, first: 100) { nodes { id clearedAt talkId } } }`, {}, sup.token), "history");
    expect(history.data.flaggedVolunteers.nodes).toContainEqual(
      expect.objectContaining({ id: flag.id, talkId: recorded.data.recordCoachingTalk.id, clearedAt: expect.any(String) }),
    );
    await badRatings(desk, 2);
    expect(await flagsOf(desk.volunteer.badgeNo)).toEqual([]);
  });

  it("after a REPLACE outcome the volunteer is signed off and their sign-on is refused until an admin reinstates them", async () => {
    const desk = await openDesk(hall);
    await ok(talk(desk.volunteer.badgeNo, "REPLACE"), "recordCoachingTalk");
    const windows = await ok(hall.gql(`{ windows { id onDutyBadgeNo } }`), "windows");
    expect(windows.data.windows.find((w: { id: string }) => w.id === desk.windowId).onDutyBadgeNo).toBeNull();

    const refused = await hall.gql(SIGN_ON, { w: desk.windowId }, desk.volunteer.token);
    expect(codeOf(refused)).toBe("FORBIDDEN");
    expect(refused.errors![0].message).toMatch(/taken off window duty/);

    expect(codeOf(await hall.gql(REINSTATE, { b: desk.volunteer.badgeNo, note: "已整改" }, sup.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(REINSTATE, { b: desk.volunteer.badgeNo, note: "" }, hall.adminToken))).toBe("BAD_USER_INPUT");
    const back = await ok(hall.gql(REINSTATE, { b: desk.volunteer.badgeNo, note: "培训合格，恢复上岗" }, hall.adminToken), "reinstate");
    expect(back.data.reinstateVolunteer).toMatchObject({ badgeNo: desk.volunteer.badgeNo, offDuty: false });
    expect(codeOf(await hall.gql(REINSTATE, { b: desk.volunteer.badgeNo, note: "again" }, hall.adminToken))).toBe("CONFLICT");

    const signedOn = await ok(hall.gql(SIGN_ON, { w: desk.windowId }, desk.volunteer.token), "signOnWindow");
    expect(signedOn.data.signOnWindow.onDutyBadgeNo).toBe(desk.volunteer.badgeNo);
  });

  it("the volunteer reads their own talks and standing; another volunteer sees none of them", async () => {
    const desk = await openDesk(hall);
    await ok(talk(desk.volunteer.badgeNo, "KEEP"), "recordCoachingTalk");
    const mine = await ok(hall.gql(`{ myCoachingTalks { nodes { badgeNo outcome notes } } }`, {}, desk.volunteer.token), "mine");
    expect(mine.data.myCoachingTalks.nodes).toEqual([expect.objectContaining({ badgeNo: desk.volunteer.badgeNo, outcome: "KEEP" })]);
    const standing = await ok(hall.gql(`{ myStanding { badgeNo offDuty openFlags { rule } } }`, {}, desk.volunteer.token), "myStanding");
    expect(standing.data.myStanding).toEqual({ badgeNo: desk.volunteer.badgeNo, offDuty: false, openFlags: [] });

    const other = await openDesk(hall);
    const theirs = await ok(hall.gql(`{ myCoachingTalks { nodes { id } } }`, {}, other.volunteer.token), "theirs");
    expect(theirs.data.myCoachingTalks.nodes).toEqual([]);
    const peek = await hall.gql(`query($b: String!){ coachingTalks(badgeNo:$b){ nodes { id } } }`, { b: desk.volunteer.badgeNo }, other.volunteer.token);
    expect(codeOf(peek)).toBe("FORBIDDEN");
    const bySupervisor = await ok(hall.gql(`query($b: String!){ coachingTalks(badgeNo:$b){ nodes { outcome } } }`, { b: desk.volunteer.badgeNo }, sup.token), "talks");
    expect(bySupervisor.data.coachingTalks.nodes).toEqual([{ outcome: "KEEP" }]);
  });

  it.each([
    ["a talk in the future", { heldAt: new Date(Date.now() + 86_400_000).toISOString() }, "heldAt"],
    ["an unknown badge", { badgeNo: "NO-SUCH" }, "badgeNo"],
    ["nobody taking part", { participants: [] }, "participants"],
    ["no notes", { notes: "   " }, "notes"],
    ["an unknown department", { department: "no-such-office" }, "department"],
  ])("%s is BAD_USER_INPUT naming the field", async (_what, extra, field) => {
    const desk = await openDesk(hall);
    const reply = await talk(desk.volunteer.badgeNo, "KEEP", extra);
    expect(codeOf(reply)).toBe("BAD_USER_INPUT");
    expect(reply.errors![0].extensions!.field).toBe(field);
  });

  it("students, volunteers and staff cannot record coaching talks: FORBIDDEN", async () => {
    const desk = await openDesk(hall);
    const s = await student(hall);
    const input = {
      badgeNo: desk.volunteer.badgeNo,
      heldAt: new Date().toISOString(),
      participants: ["x"],
      notes: "x",
      outcome: "REPLACE",
    };
    for (const token of [s.token, desk.volunteer.token]) {
      expect(codeOf(await hall.gql(TALK, { input }, token))).toBe("FORBIDDEN");
    }
  });

  it("a removed volunteer is refused at every window, not only the one they left", async () => {
    const desk = await openDesk(hall);
    await ok(talk(desk.volunteer.badgeNo, "REPLACE"), "recordCoachingTalk");
    await addService(hall, "ladder-other");
    const elsewhere = await addWindow(hall, "LAD-9", "student-affairs", ["ladder-other"]);
    expect(codeOf(await hall.gql(SIGN_ON, { w: elsewhere }, desk.volunteer.token))).toBe("FORBIDDEN");
    const someoneElse = await openDesk(hall);
    await hall.gql(`mutation($w: ID!){ signOffWindow(windowId:$w){ id } }`, { w: someoneElse.windowId }, someoneElse.volunteer.token);
    await signOn(hall, someoneElse.volunteer.token, elsewhere);
  });
});

describeWith("student-affairs")("the ladder's rules are configurable and checked at start", () => {
  it("has the defaults of the brochure's rule", () => {
    expect(loadConfig({})).toMatchObject({
      ladderBadRatings: 3,
      ladderWindow: 20,
      ladderUpheldComplaints: 2,
      ladderUpheldDays: 30,
      followUpWorkingDays: 2,
      complaintAckWorkingDays: 1,
      complaintConcludeWorkingDays: 5,
      commentBookPerHour: 5,
    });
  });

  it.each([
    [{ LADDER_BAD_RATINGS: "21" }, "LADDER_BAD_RATINGS"],
    [{ LADDER_WINDOW: "0" }, "LADDER_WINDOW"],
    [{ LADDER_UPHELD_DAYS: "thirty" }, "LADDER_UPHELD_DAYS"],
    [{ COMPLAINT_ACK_WORKING_DAYS: "6", COMPLAINT_CONCLUDE_WORKING_DAYS: "5" }, "COMPLAINT_CONCLUDE_WORKING_DAYS"],
    [{ FOLLOW_UP_WORKING_DAYS: "-1" }, "FOLLOW_UP_WORKING_DAYS"],
    [{ COMMENT_BOOK_PER_HOUR: "0" }, "COMMENT_BOOK_PER_HOUR"],
  ])("%j is refused, naming %s", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}`));
  });

  it("a hall with LADDER_BAD_RATINGS=1 flags on the first bad rating", async () => {
    const hall = await startTestHall({ env: { LADDER_BAD_RATINGS: "1", LADDER_WINDOW: "5" } });
    try {
      const desk = await openDesk(hall);
      const s = await servedStudent(hall, desk);
      await ok(hall.gql(RATE, { input: { ticketId: s.ticketId, level: "DISSATISFIED" } }, s.token), "rate");
      const flags = await ok(hall.gql(FLAGS, {}, hall.adminToken), "flags");
      expect(flags.data.flaggedVolunteers.nodes).toEqual([expect.objectContaining({ badgeNo: desk.volunteer.badgeNo, rule: "BAD_RATINGS" })]);
    } finally {
      await hall.stop();
    }
  });
});
