import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { RatingEntity } from "../src/core/accountability/rating.entity";
import { type Desk, FILE, ok, openDesk, RATE, servedStudent, supervisor } from "./support/accountability";
import { CALL, student, TAKE } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";
import { within } from "./support/ws-client";

const FEED = `subscription { complaintFeed { kind at summary department badgeNo complaintId complaintStatus
  ratingId ratingLevel followUpId caseId flagRule } }`;

interface Heard {
  at: number;
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** A supervisor's dashboard on the feed: graphql-ws over `ws`, no retries, every message stamped. */
function watch(hall: TestHall, token?: string) {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url: `ws://127.0.0.1:${hall.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  const heard: Heard[] = [];
  let failure: unknown;
  const stop = client.subscribe(
    { query: FEED },
    {
      next: (result) => void heard.push({ at: Date.now(), ...(result as object) }),
      error: (error) => void (failure = error),
      complete: () => undefined,
    },
  );
  return {
    heard,
    closed,
    failure: () => failure,
    events: () => heard.filter((h) => h.data).map((h) => h.data.complaintFeed),
    async waitFor(match: (event: any) => boolean, ms = 5000): Promise<Heard> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = heard.find((h) => h.data && match(h.data.complaintFeed));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`nothing matching in the feed after ${ms} ms: ${JSON.stringify(heard)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      stop();
      await client.dispose();
    },
  };
}

async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeWith("student-affairs")("the supervisors' live feed (complaintFeed)", () => {
  let hall: TestHall;
  let desk: Desk;
  let sup: { id: string; token: string };
  beforeAll(async () => {
    hall = await startTestHall();
    desk = await openDesk(hall);
    sup = await supervisor(hall);
  });
  afterAll(() => hall.stop());
  afterEach(() => hall.hall.services.clock.set(null));

  /** Opens a feed once every earlier one has let go, and waits until the hall has accepted it. */
  async function subscribed(token: string) {
    await until(() => hall.hall.services.feed.subscribers === 0, "earlier feeds to close");
    const feed = watch(hall, token);
    try {
      await until(() => hall.hall.services.feed.subscribers === 1, "the feed subscription");
    } catch (error) {
      await feed.close();
      throw error;
    }
    return feed;
  }

  it("a complaint filed over HTTP reaches a subscribed supervisor within one second", async () => {
    const feed = await subscribed(sup.token);
    try {
      const s = await student(hall);
      const sent = Date.now();
      const filed = await ok(hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: "态度差" } }, s.token), "file");
      const heard = await feed.waitFor((e) => e.kind === "COMPLAINT_FILED" && e.complaintId === filed.data.fileComplaint.id, 1000);
      expect(heard.at - sent).toBeLessThan(1000);
      expect(heard.data.complaintFeed).toMatchObject({
        complaintStatus: "FILED",
        badgeNo: desk.volunteer.badgeNo,
        department: "student-affairs",
        summary: expect.stringContaining(desk.volunteer.badgeNo),
      });
      // The feed names the target, never the complainant.
      expect(JSON.stringify(heard)).not.toContain(s.studentNo);
    } finally {
      await feed.close();
    }
  });

  it("an admin may watch it too", async () => {
    const feed = await subscribed(hall.adminToken);
    await feed.close();
  });

  it.each([
    ["a student", "FORBIDDEN", "STUDENT"],
    ["a volunteer", "FORBIDDEN", "VOLUNTEER"],
    ["a member of staff", "FORBIDDEN", "STAFF"],
    ["a caller who has not signed in", "UNAUTHENTICATED", null],
  ])("%s subscribing is refused with %s", async (_who, code, role) => {
    await until(() => hall.hall.services.feed.subscribers === 0, "earlier feeds to close");
    const account = role
      ? await hall.account({
          account: `feed-${role.toLowerCase()}`,
          role,
          name: "好奇",
          ...(role === "STUDENT" ? { studentNo: "2026FEED1" } : {}),
          ...(role === "VOLUNTEER" ? { badgeNo: "FEED-V" } : {}),
          ...(role === "STAFF" ? { department: "student-affairs" } : {}),
        })
      : null;
    const feed = watch(hall, account?.token);
    try {
      await until(() => feed.heard.length > 0 || feed.failure() !== undefined, "an answer");
      expect(feed.heard[0].errors![0].extensions!.code).toBe(code);
      expect(feed.heard[0].data ?? null).toBeNull();
      expect(hall.hall.services.feed.subscribers).toBe(0);
    } finally {
      await feed.close();
    }
  });

  it("a complaint's steps arrive in the order they were committed", async () => {
    const feed = await subscribed(sup.token);
    try {
      const s = await student(hall);
      const filed = await ok(hall.gql(FILE, { input: { windowId: desk.windowId, text: "窗口无人" } }, s.token), "file");
      const id = filed.data.fileComplaint.id;
      await ok(hall.gql(`mutation($id: ID!){ acknowledgeComplaint(id:$id, note:"收到"){ id } }`, { id }, sup.token), "ack");
      await ok(hall.gql(`mutation($id: ID!){ investigateComplaint(id:$id, note:"查"){ id } }`, { id }, sup.token), "investigate");
      await ok(hall.gql(`mutation($id: ID!){ concludeComplaint(id:$id, upheld:false, answer:"当时正在交接"){ id } }`, { id }, sup.token), "conclude");
      await feed.waitFor((e) => e.complaintId === id && e.complaintStatus === "DISMISSED");
      const steps = feed.events().filter((e) => e.complaintId === id);
      expect(steps.map((e) => [e.kind, e.complaintStatus])).toEqual([
        ["COMPLAINT_FILED", "FILED"],
        ["COMPLAINT_STATUS_CHANGED", "ACKNOWLEDGED"],
        ["COMPLAINT_STATUS_CHANGED", "INVESTIGATING"],
        ["COMPLAINT_STATUS_CHANGED", "DISMISSED"],
      ]);
      expect(steps[0].summary).toContain(`window ${desk.windowNumber}`);
    } finally {
      await feed.close();
    }
  });

  it("a bad rating goes to the feed with its follow-up; work that rolled back sends nothing", async () => {
    const feed = await subscribed(sup.token);
    const ladder = hall.hall.services.ladder;
    const weigh = ladder.afterBadRating;
    try {
      const first = await servedStudent(hall, desk);
      await ok(hall.gql(RATE, { input: { ticketId: first.ticketId, level: "DISSATISFIED" } }, first.token), "rate");
      await feed.waitFor((e) => e.kind === "BAD_RATING" && e.ratingLevel === "DISSATISFIED" && e.followUpId);

      // The event is queued before the ladder weighs the rating; the ladder then fails.
      ladder.afterBadRating = async () => {
        throw new Error("the ladder broke mid-transaction");
      };
      const second = await servedStudent(hall, desk);
      const refused = await hall.gql(RATE, { input: { ticketId: second.ticketId, level: "VERY_DISSATISFIED" } }, second.token);
      expect(refused.errors![0].extensions!.code).toBe("INTERNAL");
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(feed.events().filter((e) => e.ratingLevel === "VERY_DISSATISFIED")).toEqual([]);
      expect(await hall.hall.dataSource.manager.countBy(RatingEntity, { ticketId: second.ticketId })).toBe(0);
    } finally {
      ladder.afterBadRating = weigh;
      await feed.close();
    }
  });

  it("an overdue case and a missed complaint deadline come into the feed", async () => {
    const feed = await subscribed(sup.token);
    try {
      const s = await student(hall);
      await ok(hall.gql(TAKE, { s: desk.serviceCode }, s.token), "take");
      const called = await ok(hall.gql(CALL, { w: desk.windowId }, desk.volunteer.token), "call");
      const opened = await ok(
        hall.gql(
          `mutation($input: OpenCaseInput!){ openCase(input:$input){ id dueAt } }`,
          { input: { origin: "TICKET", ticketId: called.data.callNext.id, subject: "证明", materialsReceived: [{ name: "一寸照", count: 1 }] } },
          desk.volunteer.token,
        ),
        "openCase",
      );
      const filed = await ok(hall.gql(FILE, { input: { department: "student-affairs", text: "没人理" } }, s.token), "file");

      hall.hall.services.clock.set(new Date(Date.now() + 30 * 86_400_000));
      await hall.hall.services.cases.sweep(60, 24);
      await hall.hall.services.deadlines.sweep();
      await feed.waitFor((e) => e.kind === "CASE_OVERDUE" && e.caseId === opened.data.openCase.id);
      await feed.waitFor((e) => e.kind === "ACKNOWLEDGEMENT_MISSED" && e.complaintId === filed.data.fileComplaint.id);
      await feed.waitFor((e) => e.kind === "CONCLUSION_MISSED" && e.complaintId === filed.data.fileComplaint.id);
      // Due-soon and handover alerts are the departments' business, not the supervisors' feed.
      expect(feed.events().filter((e) => e.kind === "CASE_OVERDUE" && !e.caseId)).toEqual([]);
    } finally {
      await feed.close();
    }
  });

  it("a supervisor's socket is closed when their account is deactivated", async () => {
    const watcher = await supervisor(hall);
    const feed = await subscribed(watcher.token);
    const reply = await hall.gql(`mutation($id: ID!){ deactivateAccount(id:$id){ active } }`, { id: watcher.id }, hall.adminToken);
    expect(reply.data.deactivateAccount.active).toBe(false);
    const closed = await within(feed.closed, 5000, "the socket to close");
    expect(closed.code).toBe(4403);
    await until(() => hall.hall.services.feed.subscribers === 0, "the feed to let go of the subscription");
    await feed.close();
  });

  it("a reconnecting supervisor catches up with complaints(since)", async () => {
    // Later than every complaint the other tests touched, by the real or the pinned clock.
    const lastSeen = new Date(Date.now() + 90 * 86_400_000);
    hall.hall.services.clock.set(new Date(lastSeen.getTime() + 1000));
    const s = await student(hall);
    const filed = await ok(hall.gql(FILE, { input: { badgeNo: desk.volunteer.badgeNo, text: "断线期间的投诉" } }, s.token), "file");
    const reply = await ok(
      hall.gql(`query($since: DateTimeISO!){ complaints(since:$since){ nodes { id text status complainant { studentNo } } } }`, { since: lastSeen.toISOString() }, sup.token),
      "complaints",
    );
    expect(reply.data.complaints.nodes).toEqual([
      { id: filed.data.fileComplaint.id, text: "断线期间的投诉", status: "FILED", complainant: { studentNo: s.studentNo } },
    ]);
  });
});

describeWith("student-affairs")("the feed when a supervisor's token runs out", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ env: { ONESTOP_TOKEN_TTL_SECONDS: "3" } });
  });
  afterAll(() => hall.stop());

  it("the socket is closed when the token expires", async () => {
    const watcher = await supervisor(hall);
    const feed = watch(hall, watcher.token);
    await until(() => hall.hall.services.feed.subscribers > 0, "the feed subscription");
    const closed = await within(feed.closed, 6000, "the socket to close");
    expect(closed.code).toBe(4403);
    await feed.close();
  });
});
