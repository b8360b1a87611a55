import { DateTime } from "luxon";
import { addService, addWindow, CALL, codeOf, signOn, student, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const FIELDS = `id number status recalls outcome windowNumber badgeNo studentNo position estimatedWaitMinutes`;
const RECALL = `mutation($t: ID!){ recall(ticketId:$t){ ${FIELDS} } }`;
const SERVE = `mutation($t: ID!){ startServing(ticketId:$t){ ${FIELDS} } }`;
const COMPLETE = `mutation($t: ID!, $o: TicketOutcome!){ completeTicket(ticketId:$t, outcome:$o){ ${FIELDS} } }`;
const NO_SHOW = `mutation($t: ID!){ markNoShow(ticketId:$t){ ${FIELDS} } }`;
const CANCEL = `mutation($t: ID!){ cancelTicket(ticketId:$t){ ${FIELDS} } }`;
const TICKET = `query($id: ID!){ ticket(id:$id){ ${FIELDS} } }`;
const MY_TICKETS = `query($first: Int, $after: String){ myTickets(first:$first, after:$after){
  nodes { id number } pageInfo { endCursor hasNextPage } } }`;
const TICKETS = `query($d: String!, $first: Int){ tickets(department:$d, first:$first){ nodes { id number } } }`;

type Person = { id: string; token: string };

describeWith("student-affairs", "logistics", "security", "academic-affairs")("a ticket's life at the window", () => {
  let hall: TestHall;
  let atWindow: Person & { badgeNo: string };
  let nextWindow: Person;
  let door: Person;
  let owner: Person & { studentNo: string };
  let otherStudent: Person & { studentNo: string };
  let securityStaff: Person;
  let windowId: string;
  let securityWindowId: string;
  const ownersTickets: string[] = [];
  /** The owner's tickets since the last settleAll. */
  const unsettled: string[] = [];
  const own = (id: string) => {
    ownersTickets.push(id);
    unsettled.push(id);
    return id;
  };
  const othersTickets: string[] = [];

  beforeAll(async () => {
    hall = await startTestHall();
    for (const [code, department] of [
      ["t-main", "student-affairs"],
      ["t-other", "student-affairs"],
      ["t-number", "student-affairs"],
      ["t-retired", "student-affairs"],
      ["t-dorm", "logistics"],
      ["t-enlist", "security"],
    ]) {
      await addService(hall, code, department);
    }
    const retired = await hall.gql(`mutation{ retireService(code: "t-retired"){ code } }`, {}, hall.adminToken);
    expect(retired.errors).toBeUndefined();

    windowId = await addWindow(hall, "T1", "student-affairs", ["t-main"]);
    const nextWindowId = await addWindow(hall, "T2", "student-affairs", ["t-other"]);
    securityWindowId = await addWindow(hall, "T3", "security", ["t-enlist"]);
    [atWindow, nextWindow, door, owner, otherStudent, securityStaff] = await Promise.all([
      volunteer(hall),
      volunteer(hall),
      volunteer(hall),
      student(hall),
      student(hall),
      hall.account({ account: "staff-security", role: "STAFF", name: "保卫处老师", department: "security" }),
    ]);
    await signOn(hall, atWindow.token, windowId);
    await signOn(hall, nextWindow.token, nextWindowId);
  });
  afterAll(() => hall?.stop());
  afterEach(() => settleAll());

  const take = async (who: Person, service = "t-main", studentNo?: string) => {
    const reply = await hall.gql(TAKE, { s: service, n: studentNo }, who.token);
    if (reply.errors) throw new Error(`takeTicket: ${JSON.stringify(reply.errors)}`);
    return reply.data.takeTicket as { id: string; number: string; status: string; position: number };
  };
  const act = (query: string, ticketId: string, token: string, outcome = "DONE") =>
    hall.gql(query, { t: ticketId, o: outcome }, token);
  const ok = async (query: string, ticketId: string, token: string) => {
    const reply = await act(query, ticketId, token);
    if (reply.errors) throw new Error(JSON.stringify(reply.errors));
  };
  const read = async (ticketId: string) => (await hall.gql(TICKET, { id: ticketId }, hall.adminToken)).data.ticket;

  describe("numbering", () => {
    // First in the file: no number has been taken in this hall yet.
    it("numbers run A001, A002 … per department, with separate counters for student affairs (A) and logistics (D)", async () => {
      const numbers = [];
      for (const service of ["t-number", "t-number", "t-dorm", "t-number", "t-dorm"]) {
        numbers.push((await take(door, service)).number);
      }
      expect(numbers).toEqual(["A001", "A002", "D001", "A003", "D002"]);
    });
  });

  type State =
    | "WAITING"
    | "CALLED"
    | "RECALLED_ONCE"
    | "RECALLED_TWICE"
    | "SERVING"
    | "COMPLETED"
    | "NO_SHOW"
    | "CANCELLED";
  type Action = "recall" | "startServing" | "completeTicket" | "markNoShow" | "cancelTicket";

  /** The ticket's student takes a number at window T1's service and it is driven to `state`. */
  const ticketIn = async (state: State): Promise<string> => {
    const id = own((await take(owner)).id);
    if (state === "WAITING") return id;
    if (state === "CANCELLED") {
      await ok(CANCEL, id, owner.token);
      return id;
    }
    const called = await hall.gql(CALL, { w: windowId }, atWindow.token);
    expect(called.data.callNext?.id).toBe(id);
    const recalls = { RECALLED_ONCE: 1, RECALLED_TWICE: 2, NO_SHOW: 2 }[state as string] ?? 0;
    for (let i = 0; i < recalls; i++) await ok(RECALL, id, atWindow.token);
    if (state === "SERVING" || state === "COMPLETED") await ok(SERVE, id, atWindow.token);
    if (state === "COMPLETED") await ok(COMPLETE, id, atWindow.token);
    if (state === "NO_SHOW") await ok(NO_SHOW, id, atWindow.token);
    return id;
  };

  /**
   * Ends whatever the owner's tickets a test left active, so that the next test's number is
   * the one called at T1 and the owner may take another.
   */
  const settleAll = async () => {
    for (const ticketId of unsettled.splice(0)) {
      const { status } = await read(ticketId);
      if (status === "WAITING" || status === "CALLED") await ok(CANCEL, ticketId, owner.token);
      if (status === "SERVING") await ok(COMPLETE, ticketId, atWindow.token);
    }
  };

  const QUERIES: Record<Action, string> = {
    recall: RECALL,
    startServing: SERVE,
    completeTicket: COMPLETE,
    markNoShow: NO_SHOW,
    cancelTicket: CANCEL,
  };
  const NAMES: Record<State, string> = {
    WAITING: "a waiting ticket",
    CALLED: "a called ticket",
    RECALLED_ONCE: "a ticket recalled once",
    RECALLED_TWICE: "a ticket recalled twice",
    SERVING: "a ticket being served",
    COMPLETED: "a completed ticket",
    NO_SHOW: "a no-show ticket",
    CANCELLED: "a cancelled ticket",
  };

  type Expected = string | { status: string; recalls?: number; outcome?: string | null };
  const ALL: Action[] = ["recall", "startServing", "completeTicket", "markNoShow", "cancelTicket"];
  const refusedAll = (state: State) => ALL.map((a) => [state, a, "CONFLICT"] as [State, Action, Expected]);
  const TABLE: Array<[State, Action, Expected]> = [
    ["WAITING", "recall", "CONFLICT"],
    ["WAITING", "startServing", "CONFLICT"],
    ["WAITING", "completeTicket", "CONFLICT"],
    ["WAITING", "markNoShow", "CONFLICT"],
    ["WAITING", "cancelTicket", { status: "CANCELLED" }],
    ["CALLED", "recall", { status: "CALLED", recalls: 1 }],
    ["CALLED", "startServing", { status: "SERVING", recalls: 0 }],
    ["CALLED", "completeTicket", { status: "COMPLETED", outcome: "DONE" }],
    ["CALLED", "markNoShow", "CONFLICT"],
    ["CALLED", "cancelTicket", { status: "CANCELLED" }],
    ["RECALLED_ONCE", "markNoShow", "CONFLICT"],
    ["RECALLED_ONCE", "startServing", { status: "SERVING", recalls: 1 }],
    ["RECALLED_TWICE", "markNoShow", { status: "NO_SHOW", recalls: 2 }],
    ["RECALLED_TWICE", "recall", { status: "CALLED", recalls: 3 }],
    ["SERVING", "recall", "CONFLICT"],
    ["SERVING", "startServing", "CONFLICT"],
    ["SERVING", "completeTicket", { status: "COMPLETED", outcome: "DONE" }],
    ["SERVING", "markNoShow", "CONFLICT"],
    ["SERVING", "cancelTicket", "CONFLICT"],
    ...refusedAll("COMPLETED"),
    ...refusedAll("NO_SHOW"),
    ...refusedAll("CANCELLED"),
  ];
  const title = ([state, action, expected]: [State, Action, Expected]) =>
    `${NAMES[state]}, ${action}: ${typeof expected === "string" ? `refused (${expected})` : expected.status}`;

  describe("the transition table (volunteer at the ticket's window; cancelTicket by its student)", () => {
    it.each(TABLE.map((row) => [title(row), ...row] as const))("%s", async (_title, state, action, expected) => {
      const id = await ticketIn(state);
      const before = await read(id);
      const token = action === "cancelTicket" ? owner.token : atWindow.token;
      const reply = await act(QUERIES[action], id, token);

      if (typeof expected === "string") {
        expect(codeOf(reply)).toBe(expected);
        expect(await read(id)).toEqual(before);
      } else {
        expect(reply.errors).toBeUndefined();
        expect(reply.data[action]).toMatchObject({ id, ...expected, position: null, estimatedWaitMinutes: null });
      }
    });

    it.each(["DONE", "CASE_OPENED", "REFERRED", "MATERIALS_INCOMPLETE"])(
      "a ticket being served is completed with the outcome %s",
      async (outcome) => {
        const id = await ticketIn("SERVING");
        const reply = await act(COMPLETE, id, atWindow.token, outcome);
        expect(reply.data.completeTicket).toMatchObject({ status: "COMPLETED", outcome });
      },
    );

    it("completing with an outcome the hall does not know is BAD_USER_INPUT and leaves the ticket served", async () => {
      const id = await ticketIn("SERVING");
      const reply = await act(COMPLETE, id, atWindow.token, "SENT_HOME");
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect((await read(id)).status).toBe("SERVING");
    });

    it("callNext takes a waiting ticket to CALLED at the window, with the window number and badge", async () => {
      const id = own((await take(owner)).id);
      const called = await hall.gql(CALL, { w: windowId }, atWindow.token);
      expect(called.data.callNext).toEqual({
        id,
        number: expect.stringMatching(/^A\d{3}$/),
        status: "CALLED",
        windowNumber: "T1",
        badgeNo: atWindow.badgeNo,
      });
    });

    it("callNext with only finished tickets left in the queue answers null, and calls none of them again", async () => {
      const finished = [await ticketIn("COMPLETED"), await ticketIn("NO_SHOW"), await ticketIn("CANCELLED")];
      const called = await hall.gql(CALL, { w: windowId }, atWindow.token);
      expect(called.errors).toBeUndefined();
      expect(called.data.callNext).toBeNull();
      for (const id of finished) expect((await read(id)).status).not.toBe("CALLED");
    });
  });

  describe("who may move a ticket", () => {
    it("another student cancelling a ticket gets NOT_FOUND, and the ticket stays", async () => {
      const id = await ticketIn("WAITING");
      expect(codeOf(await act(CANCEL, id, otherStudent.token))).toBe("NOT_FOUND");
      expect((await read(id)).status).toBe("WAITING");
    });

    it("a volunteer not on duty calling next at a window is FORBIDDEN", async () => {
      const id = await ticketIn("WAITING");
      expect(codeOf(await hall.gql(CALL, { w: windowId }, door.token))).toBe("FORBIDDEN");
      expect((await read(id)).status).toBe("WAITING");
    });

    it("a volunteer at another window of the department cannot recall, serve, complete or no-show someone else's ticket (FORBIDDEN)", async () => {
      const id = await ticketIn("RECALLED_TWICE");
      for (const query of [RECALL, SERVE, COMPLETE, NO_SHOW]) {
        expect(codeOf(await act(query, id, nextWindow.token))).toBe("FORBIDDEN");
      }
      expect(await read(id)).toMatchObject({ status: "CALLED", recalls: 2, windowNumber: "T1" });
    });

    it("a student calling numbers or moving tickets at a window is FORBIDDEN", async () => {
      const id = await ticketIn("CALLED");
      expect(codeOf(await hall.gql(CALL, { w: windowId }, owner.token))).toBe("FORBIDDEN");
      for (const query of [RECALL, SERVE, COMPLETE, NO_SHOW]) {
        expect(codeOf(await act(query, id, owner.token))).toBe("FORBIDDEN");
      }
    });

    it("a volunteer cancelling a student's ticket is FORBIDDEN: only the student gives up a number", async () => {
      const id = await ticketIn("WAITING");
      expect(codeOf(await act(CANCEL, id, atWindow.token))).toBe("FORBIDDEN");
    });

    it("without a token, taking, calling, moving and listing tickets are UNAUTHENTICATED", async () => {
      const id = await ticketIn("CALLED");
      expect(codeOf(await hall.gql(TAKE, { s: "t-main" }))).toBe("UNAUTHENTICATED");
      expect(codeOf(await hall.gql(CALL, { w: windowId }))).toBe("UNAUTHENTICATED");
      for (const query of [RECALL, SERVE, COMPLETE, NO_SHOW, CANCEL]) {
        expect(codeOf(await hall.gql(query, { t: id, o: "DONE" }))).toBe("UNAUTHENTICATED");
      }
      expect(codeOf(await hall.gql(MY_TICKETS, {}))).toBe("UNAUTHENTICATED");
      expect(codeOf(await hall.gql(TICKET, { id }))).toBe("UNAUTHENTICATED");
      expect((await read(id)).status).toBe("CALLED");
    });
  });

  describe("taking a number", () => {
    it("a volunteer at the door takes a walk-in number without a student number", async () => {
      const ticket = await take(door, "t-other");
      expect(await read(ticket.id)).toMatchObject({ status: "WAITING", studentNo: null });
    });

    it("a volunteer at the door takes a walk-in number for a student number nobody has an account for", async () => {
      const ticket = await take(door, "t-other", "2099T0001");
      expect(await read(ticket.id)).toMatchObject({ status: "WAITING", studentNo: "2099T0001" });
      expect(codeOf(await hall.gql(TAKE, { s: "t-other", n: "2099T0001" }, door.token))).toBe("CONFLICT");
    });

    it("a walk-in taken at the door under a student's number is that student's: in myTickets, and theirs to cancel", async () => {
      const ticket = await take(door, "t-other", owner.studentNo);
      expect((await read(ticket.id)).studentNo).toBe(owner.studentNo);
      expect(codeOf(await hall.gql(TAKE, { s: "t-other" }, owner.token))).toBe("CONFLICT");
      const mine = await hall.gql(MY_TICKETS, { first: 100 }, owner.token);
      expect(mine.data.myTickets.nodes.map((t: { id: string }) => t.id)).toContain(ticket.id);
      expect((await act(CANCEL, ticket.id, owner.token)).data.cancelTicket.status).toBe("CANCELLED");
      own(ticket.id);
    });

    it("a walk-in under a malformed student number is BAD_USER_INPUT on studentNo", async () => {
      const reply = await hall.gql(TAKE, { s: "t-other", n: "no such number!" }, door.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe("studentNo");
    });

    it("a student may name their own student number, but taking one for another student number is FORBIDDEN", async () => {
      const own = await take(otherStudent, "t-other", otherStudent.studentNo);
      othersTickets.push(own.id);
      expect(codeOf(await hall.gql(TAKE, { s: "t-main", n: owner.studentNo }, otherStudent.token))).toBe("FORBIDDEN");
    });

    it("a number for a retired service or a service that does not exist is NOT_FOUND", async () => {
      expect(codeOf(await hall.gql(TAKE, { s: "t-retired" }, owner.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(TAKE, { s: "t-no-such-service" }, owner.token))).toBe("NOT_FOUND");
    });

    it("on a day the calendar closes, taking a number is OUTSIDE_SERVICE_HOURS with the next opening", async () => {
      const today = (await hall.gql(`{ hall { today } }`)).data.hall.today as string;
      const close = await hall.gql(
        `mutation($d: String!){ setCalendarDay(date:$d, kind: CLOSED, name: "停电检修"){ date } }`,
        { d: today },
        hall.adminToken,
      );
      expect(close.errors).toBeUndefined();
      try {
        const reply = await hall.gql(TAKE, { s: "t-main" }, owner.token);
        expect(codeOf(reply)).toBe("OUTSIDE_SERVICE_HOURS");
        const next = DateTime.fromISO(reply.errors![0].extensions!.nextOpening, { zone: "Asia/Shanghai" });
        expect(next.isValid).toBe(true);
        expect(next.toISODate()! > today).toBe(true);
        expect(next.toFormat("HH:mm")).toBe("00:00");
      } finally {
        await hall.gql(`mutation($d: String!){ clearCalendarDay(date:$d) }`, { d: today }, hall.adminToken);
      }
      expect((await hall.gql(TAKE, { s: "t-main" }, owner.token)).errors).toBeUndefined();
      const mine = await hall.gql(MY_TICKETS, { first: 1 }, owner.token);
      own(mine.data.myTickets.nodes[0].id);
    });
  });

  describe("where a ticket stands", () => {
    const POSITIONS = `query($a: ID!, $b: ID!, $c: ID!){
      a: ticket(id:$a){ status position estimatedWaitMinutes }
      b: ticket(id:$b){ status position estimatedWaitMinutes }
      c: ticket(id:$c){ status position estimatedWaitMinutes } }`;

    it("three waiting tickets stand at positions 1, 2, 3 with waits of 5, 10, 15 minutes; after a call the others move up", async () => {
      // Security has served nobody yet, so the estimate uses the default 5 minutes a person,
      // over its one staffed window.
      await signOn(hall, securityStaff.token, securityWindowId);
      const a = await take(door, "t-enlist");
      const b = await take(door, "t-enlist");
      const c = await take(door, "t-enlist");
      expect([a.position, b.position, c.position]).toEqual([1, 2, 3]);
      const ids = { a: a.id, b: b.id, c: c.id };

      const before = await hall.gql(POSITIONS, ids, hall.adminToken);
      expect(before.data).toEqual({
        a: { status: "WAITING", position: 1, estimatedWaitMinutes: 5 },
        b: { status: "WAITING", position: 2, estimatedWaitMinutes: 10 },
        c: { status: "WAITING", position: 3, estimatedWaitMinutes: 15 },
      });

      const called = await hall.gql(CALL, { w: securityWindowId }, securityStaff.token);
      expect(called.data.callNext.id).toBe(a.id);
      const after = await hall.gql(POSITIONS, ids, hall.adminToken);
      expect(after.data).toEqual({
        a: { status: "CALLED", position: null, estimatedWaitMinutes: null },
        b: { status: "WAITING", position: 1, estimatedWaitMinutes: 5 },
        c: { status: "WAITING", position: 2, estimatedWaitMinutes: 10 },
      });
    });
  });

  describe("the day's end", () => {
    it("a number left waiting when its day ended is not called, shows no position, and lapses when its student takes a new one", async () => {
      const stale = own((await take(owner)).id);
      // The hall's day ends: the ticket now belongs to yesterday.
      const yesterday = DateTime.now().setZone("Asia/Shanghai").minus({ days: 1 }).toISODate();
      await hall.hall.dataSource.query("UPDATE ticket SET serviceDay = ? WHERE id = ?", [yesterday, stale]);

      expect(await read(stale)).toMatchObject({ status: "WAITING", position: null, estimatedWaitMinutes: null });
      expect((await hall.gql(CALL, { w: windowId }, atWindow.token)).data.callNext).toBeNull();
      const fresh = own((await take(owner)).id);
      expect(await read(fresh)).toMatchObject({ status: "WAITING", position: expect.any(Number) });
      expect((await read(stale)).status).toBe("EXPIRED");
    });
  });

  describe("numbers taken at once", () => {
    it("ninety walk-ins taken at once stand in the order they will be called: position follows the number, not the clock", async () => {
      await addService(hall, "t-transcript", "academic-affairs");
      const taken = await Promise.all(Array.from({ length: 90 }, () => take(door, "t-transcript")));
      const ids = taken.map((t) => t.id);
      const reply = await hall.gql(
        `query(${ids.map((_, i) => `$t${i}: ID!`).join(", ")}){
          ${ids.map((_, i) => `t${i}: ticket(id:$t${i}){ number position }`).join("\n")} }`,
        Object.fromEntries(ids.map((id, i) => [`t${i}`, id])),
        hall.adminToken,
      );
      expect(reply.errors).toBeUndefined();
      const byNumber = Object.values(reply.data as Record<string, { number: string; position: number }>).sort(
        (a, b) => a.number.localeCompare(b.number),
      );
      expect(byNumber.map((t) => t.position)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    });
  });

  describe("lists of tickets", () => {
    it("myTickets pages through the student's own tickets, newest first, without repeats, and shows no one else's", async () => {
      othersTickets.push((await take(otherStudent, "t-main")).id);
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const reply = await hall.gql(MY_TICKETS, { first: 4, after }, owner.token);
        expect(reply.errors).toBeUndefined();
        const { nodes, pageInfo } = reply.data.myTickets;
        expect(nodes.length).toBeLessThanOrEqual(4);
        seen.push(...nodes.map((t: { id: string }) => t.id));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(seen)).toEqual(new Set(ownersTickets));
      expect(seen.filter((id) => othersTickets.includes(id))).toEqual([]);
      expect(seen.length).toBeGreaterThan(30);
    });

    it("tickets(department) works for staff of that department and is FORBIDDEN to staff of another", async () => {
      const own = await hall.gql(TICKETS, { d: "security", first: 10 }, securityStaff.token);
      expect(own.errors).toBeUndefined();
      expect(own.data.tickets.nodes).toHaveLength(3);
      expect(codeOf(await hall.gql(TICKETS, { d: "student-affairs" }, securityStaff.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(TICKETS, { d: "student-affairs" }, owner.token))).toBe("FORBIDDEN");
    });

    it("asking for more than 100 tickets a page is BAD_USER_INPUT", async () => {
      const mine = await hall.gql(MY_TICKETS, { first: 101 }, owner.token);
      expect(codeOf(mine)).toBe("BAD_USER_INPUT");
      expect(mine.errors![0].extensions!.field).toBe("first");
      expect(codeOf(await hall.gql(TICKETS, { d: "security", first: 101 }, securityStaff.token))).toBe("BAD_USER_INPUT");
      expect((await hall.gql(MY_TICKETS, { first: 100 }, owner.token)).errors).toBeUndefined();
    });
  });
});

describeWith("student-affairs", "logistics", "security", "academic-affairs")("a hall configured with NO_SHOW_AFTER_RECALLS=1", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ plugins: ["student-affairs"], env: { NO_SHOW_AFTER_RECALLS: "1" } });
    await addService(hall, "n-stamp");
  });
  afterAll(() => hall?.stop());

  it("a called number may be marked a no-show after one recall, not before", async () => {
    const windowId = await addWindow(hall, "N1", "student-affairs", ["n-stamp"]);
    const v = await volunteer(hall);
    await signOn(hall, v.token, windowId);
    const { id } = (await hall.gql(TAKE, { s: "n-stamp" }, v.token)).data.takeTicket;
    await hall.gql(CALL, { w: windowId }, v.token);

    expect(codeOf(await hall.gql(NO_SHOW, { t: id }, v.token))).toBe("CONFLICT");
    expect((await hall.gql(RECALL, { t: id }, v.token)).data.recall.recalls).toBe(1);
    const missed = await hall.gql(NO_SHOW, { t: id }, v.token);
    expect(missed.data.markNoShow).toMatchObject({ status: "NO_SHOW", recalls: 1 });
  });
});

describeWith("student-affairs", "logistics", "security", "academic-affairs")("a hall outside its opening hours", () => {
  // A one-minute opening every day, twelve hours from now in the hall's zone: closed now.
  const opensAt = DateTime.utc().setZone("Asia/Shanghai").plus({ hours: 12 }).startOf("minute");
  const from = opensAt.toFormat("HH:mm");
  const end = opensAt.plus({ minutes: 1 }).toFormat("HH:mm");
  const hours = `Mon-Sun ${from}-${end === "00:00" ? "24:00" : end}`;
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ plugins: ["student-affairs"], env: { HALL_OPENING_HOURS: hours } });
    await addService(hall, "o-stamp");
  });
  afterAll(() => hall?.stop());

  it("taking a number is OUTSIDE_SERVICE_HOURS, with the next opening in extensions, and no number is used", async () => {
    const reply = await hall.gql(TAKE, { s: "o-stamp" }, hall.adminToken);
    expect(codeOf(reply)).toBe("OUTSIDE_SERVICE_HOURS");
    const next = DateTime.fromISO(reply.errors![0].extensions!.nextOpening, { zone: "Asia/Shanghai" });
    expect(next.isValid).toBe(true);
    expect(next.toMillis()).toBeGreaterThan(Date.now());
    // The next opening is the slot itself, unless the calendar closes that day.
    expect(next.toFormat("HH:mm")).toBe(from);
    const queue = await hall.gql(`{ queue(department: "student-affairs") { waiting } }`);
    expect(queue.data.queue.waiting).toBe(0);
  });
});
