import type { Client } from "graphql-ws";
import { ticketTopic, queueTopic } from "../src/core/queue/queue-topics";
import { addService, addWindow, CALL, codeOf, signOn, student, TAKE, volunteer } from "./support/front-line";
import { boardProbe, hallSocket, type Heard, isBoardProbe, listen, pause, untilLive } from "./support/queue-board";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const BOARD = `subscription($d: String!){ queueUpdated(department:$d){ kind number window waiting } }`;
const FOLLOW = `subscription($t: ID!){ ticketUpdated(ticketId:$t){ id number status windowNumber badgeNo } }`;
const QUEUE = `query($d: String!){ queue(department:$d){ waiting serving { number window } } }`;
const COMPLETE = `mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ id status } }`;
const CANCEL = `mutation($t: ID!){ cancelTicket(ticketId:$t){ id status } }`;

type Person = { id: string; token: string };

describeWith("student-affairs", "logistics")("boards and students hear the queue live", () => {
  let hall: TestHall;
  let atWindow: Person & { badgeNo: string };
  let owner: Person;
  let otherStudent: Person;
  let windowId: string;
  const sockets: Client[] = [];
  const socket = (token?: string) => {
    const client = hallSocket(hall, token);
    sockets.push(client);
    return client;
  };

  beforeAll(async () => {
    hall = await startTestHall({ plugins: ["student-affairs", "logistics"] });
    await addService(hall, "s-board");
    windowId = await addWindow(hall, "B1", "student-affairs", ["s-board"]);
    [atWindow, owner, otherStudent] = await Promise.all([volunteer(hall), student(hall), student(hall)]);
    await signOn(hall, atWindow.token, windowId);
  });
  afterEach(async () => {
    for (const client of sockets.splice(0)) await client.dispose();
  });
  afterAll(() => hall?.stop());

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const reply = await hall.gql(query, variables, token);
    if (reply.errors) throw new Error(JSON.stringify(reply.errors));
    return reply.data;
  };
  const waitingNow = async () => (await hall.gql(QUEUE, { d: "student-affairs" })).data.queue.waiting as number;
  const liveBoard = async (client: Client, department = "student-affairs") => {
    const board = listen(client, BOARD, { d: department });
    await untilLive(hall, board, queueTopic(department), boardProbe(department), isBoardProbe);
    return board;
  };
  /** The board's events about one number, probes left out. */
  const about = (heard: Heard[], number: string) =>
    heard.filter((h) => h.data?.queueUpdated?.number === number).map((h) => h.data.queueUpdated);

  it("an anonymous board hears TAKEN, CALLED at the window, COMPLETED, in order, each within a second of the mutation", async () => {
    const board = await liveBoard(socket());
    const waiting = await waitingNow();

    let started = Date.now();
    const taken = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    const heardTaken = await board.waitFor((h) => h.data?.queueUpdated?.number === taken.number);
    expect(heardTaken.at - started).toBeLessThan(1000);

    started = Date.now();
    await ok(CALL, { w: windowId }, atWindow.token);
    const heardCalled = await board.waitFor((h) => h.data?.queueUpdated?.kind === "CALLED");
    expect(heardCalled.at - started).toBeLessThan(1000);

    started = Date.now();
    await ok(COMPLETE, { t: taken.id }, atWindow.token);
    const heardCompleted = await board.waitFor((h) => h.data?.queueUpdated?.kind === "COMPLETED");
    expect(heardCompleted.at - started).toBeLessThan(1000);

    expect(about(board.heard, taken.number)).toEqual([
      { kind: "TAKEN", number: taken.number, window: null, waiting: waiting + 1 },
      { kind: "CALLED", number: taken.number, window: "B1", waiting },
      { kind: "COMPLETED", number: taken.number, window: "B1", waiting },
    ]);
    expect(board.failure).toBeUndefined();
  });

  it("a board of one department hears nothing of another department's queue", async () => {
    const logistics = await liveBoard(socket(), "logistics");
    const heardBefore = logistics.heard.length;
    const taken = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    await pause(300);
    expect(logistics.heard.slice(heardBefore)).toEqual([]);
    await ok(CANCEL, { t: taken.id }, owner.token);
  });

  it("a board for a department the hall does not have is refused with NOT_FOUND", async () => {
    const board = listen(socket(), BOARD, { d: "canteen" });
    await until(() => refusal(board) !== undefined);
    expect(refusal(board)).toBe("NOT_FOUND");
  });

  it("ticketUpdated reaches the ticket's student: called at window B1 with the badge, then completed", async () => {
    const taken = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    const follow = listen(socket(owner.token), FOLLOW, { t: taken.id });
    await untilLive(hall, follow, ticketTopic(taken.id), { ticketId: taken.id }, (h) => Boolean(h.data?.ticketUpdated));
    const from = follow.heard.length;

    let started = Date.now();
    await ok(CALL, { w: windowId }, atWindow.token);
    const called = await follow.waitFor((h) => h.data?.ticketUpdated?.status === "CALLED", 2000, from);
    expect(called.at - started).toBeLessThan(1000);
    expect(called.data.ticketUpdated).toEqual({
      id: taken.id,
      number: taken.number,
      status: "CALLED",
      windowNumber: "B1",
      badgeNo: atWindow.badgeNo,
    });

    started = Date.now();
    await ok(COMPLETE, { t: taken.id }, atWindow.token);
    const completed = await follow.waitFor((h) => h.data?.ticketUpdated?.status === "COMPLETED", 2000, from);
    expect(completed.at - started).toBeLessThan(1000);
    expect(follow.heard.slice(from).map((h) => h.data.ticketUpdated.status)).toEqual(["CALLED", "COMPLETED"]);
  });

  it("ticketUpdated for another student's ticket is refused with NOT_FOUND, and nothing of the ticket reaches them", async () => {
    const taken = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    const peek = listen(socket(otherStudent.token), FOLLOW, { t: taken.id });
    await until(() => refusal(peek) !== undefined);
    expect(refusal(peek)).toBe("NOT_FOUND");

    await ok(CANCEL, { t: taken.id }, owner.token);
    await pause(200);
    expect(peek.heard.filter((h) => h.data?.ticketUpdated)).toEqual([]);
  });

  it("ticketUpdated on an anonymous socket is refused with UNAUTHENTICATED", async () => {
    const taken = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    const peek = listen(socket(), FOLLOW, { t: taken.id });
    await until(() => refusal(peek) !== undefined);
    expect(refusal(peek)).toBe("UNAUTHENTICATED");

    await ok(CANCEL, { t: taken.id }, owner.token);
    await pause(200);
    expect(peek.heard.filter((h) => h.data?.ticketUpdated)).toEqual([]);
  });

  it("a refused mutation publishes nothing: a second waiting number is CONFLICT and no TAKEN reaches the board", async () => {
    const first = (await ok(TAKE, { s: "s-board" }, owner.token)).takeTicket;
    const board = await liveBoard(socket());
    const from = board.heard.length;

    expect(codeOf(await hall.gql(TAKE, { s: "s-board" }, owner.token))).toBe("CONFLICT");
    expect(codeOf(await hall.gql(CANCEL, { t: first.id }, otherStudent.token))).toBe("NOT_FOUND");
    await pause(300);
    expect(board.heard.slice(from)).toEqual([]);

    // The board was listening all along: the next real change does reach it.
    await ok(CANCEL, { t: first.id }, owner.token);
    const cancelled = await board.waitFor((h) => h.data?.queueUpdated?.kind === "CANCELLED", 1000, from);
    expect(cancelled.data.queueUpdated.number).toBe(first.number);
  });

  it("a board that reconnects catches up by querying queue, then hears what follows", async () => {
    const first = await liveBoard(socket());
    const firstClient = sockets.pop()!;
    await firstClient.dispose();
    const heardWhileAway = first.heard.length;

    // While the board is away: two walk-ins, and the first of them called to B1.
    const a = (await ok(TAKE, { s: "s-board" }, atWindow.token)).takeTicket;
    const b = (await ok(TAKE, { s: "s-board" }, atWindow.token)).takeTicket;
    expect((await ok(CALL, { w: windowId }, atWindow.token)).callNext.id).toBe(a.id);
    await pause(100);
    expect(first.heard.length).toBe(heardWhileAway);

    const board = await liveBoard(socket());
    const state = (await hall.gql(QUEUE, { d: "student-affairs" })).data.queue;
    expect(state.serving).toContainEqual({ number: a.number, window: "B1" });
    expect(state.waiting).toBeGreaterThanOrEqual(1);

    await ok(COMPLETE, { t: a.id }, atWindow.token);
    const completed = await board.waitFor((h) => h.data?.queueUpdated?.kind === "COMPLETED");
    expect(completed.data.queueUpdated).toEqual({ kind: "COMPLETED", number: a.number, window: "B1", waiting: state.waiting });

    expect((await ok(CALL, { w: windowId }, atWindow.token)).callNext.id).toBe(b.id);
    const calledB = await board.waitFor((h) => h.data?.queueUpdated?.number === b.number);
    expect(calledB.data.queueUpdated).toEqual({ kind: "CALLED", number: b.number, window: "B1", waiting: state.waiting - 1 });
    await ok(COMPLETE, { t: b.id }, atWindow.token);
  });
});

/** The error code a subscription was refused with, from an error result or an error message. */
function refusal(listener: { heard: Heard[]; failure: unknown }): string | undefined {
  const inResult = listener.heard.find((h) => h.errors?.length)?.errors?.[0]?.extensions?.code;
  if (inResult) return inResult;
  const failure = listener.failure as Array<{ extensions?: { code?: string } }> | undefined;
  return Array.isArray(failure) ? failure[0]?.extensions?.code : undefined;
}

async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await pause(10);
}
