import { addService, addWindow, CALL, signOn, student, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const QUEUE = `{ queue(department: "student-affairs") { waiting serving { number window badgeNo } } }`;
const MY_TICKETS = `{ myTickets(first: 10) { nodes { id number status position } } }`;

describeWith("student-affairs")("restarting the server mid-morning", () => {
  let before: TestHall | undefined;
  let after: TestHall | undefined;
  let windowId: string;
  let atWindow: { id: string; token: string; badgeNo: string };
  let aStudent: { id: string; token: string; studentNo: string };
  let taken: Array<{ id: string; number: string }>;

  beforeAll(async () => {
    before = await startTestHall({ plugins: ["student-affairs"], keepDatabase: true });
    await addService(before, "r-stamp");
    windowId = await addWindow(before, "R1", "student-affairs", ["r-stamp"]);
    [atWindow, aStudent] = await Promise.all([volunteer(before), student(before)]);
    await signOn(before, atWindow.token, windowId);
  });
  afterAll(async () => {
    await before?.stop();
    await after?.stop();
  });

  it("loses no ticket: the three waiting numbers are still waiting, and the next number is the fourth", async () => {
    const first = before!;
    taken = [];
    for (const token of [aStudent.token, atWindow.token, atWindow.token]) {
      const reply = await first.gql(TAKE, { s: "r-stamp" }, token);
      expect(reply.errors).toBeUndefined();
      taken.push(reply.data.takeTicket);
    }
    expect(taken.map((t) => t.number)).toEqual(["A001", "A002", "A003"]);
    const databaseUrl = first.databaseUrl ?? first.hall.config.database.url;
    await first.stop();

    after = await startTestHall({ plugins: ["student-affairs"], databaseUrl });
    const state = await after.gql(QUEUE);
    expect(state.data.queue).toEqual({ waiting: 3, serving: [] });

    const next = await after.gql(TAKE, { s: "r-stamp" }, after.adminToken);
    expect(next.errors).toBeUndefined();
    expect(next.data.takeTicket).toMatchObject({ number: "A004", position: 4 });
    taken.push(next.data.takeTicket);
  });

  it("after the restart the volunteer is still on duty and calls A001 first; the student still holds their number", async () => {
    const hall = after!;
    // Tokens signed before the restart stay valid: the hall's signing secret is configured.
    const mine = await hall.gql(MY_TICKETS, {}, aStudent.token);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myTickets.nodes).toEqual([{ id: taken[0].id, number: "A001", status: "WAITING", position: 1 }]);

    const windows = await hall.gql(`{ windows(department: "student-affairs") { number onDutyBadgeNo } }`);
    expect(windows.data.windows).toEqual([{ number: "R1", onDutyBadgeNo: atWindow.badgeNo }]);

    const called = await hall.gql(CALL, { w: windowId }, atWindow.token);
    expect(called.data.callNext).toMatchObject({ id: taken[0].id, number: "A001", status: "CALLED", windowNumber: "R1" });
    expect((await hall.gql(QUEUE)).data.queue).toEqual({
      waiting: 3,
      serving: [{ number: "A001", window: "R1", badgeNo: atWindow.badgeNo }],
    });
    const again = await hall.gql(TAKE, { s: "r-stamp" }, aStudent.token);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});
