import { addService, addWindow, CALL, signOn, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

describeWith("student-affairs", "logistics")("the queue under concurrent requests", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
    await addService(hall, "c-busy");
  });
  afterAll(() => hall.stop());

  it("200 walk-ins taking numbers at once get 200 different numbers", async () => {
    const door = await volunteer(hall);
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => hall.gql(TAKE, { s: "c-busy" }, door.token)),
    );
    const errors = replies.filter((r) => r.errors);
    expect(errors).toEqual([]);
    const numbers = replies.map((r) => r.data.takeTicket.number);
    expect(new Set(numbers).size).toBe(200);
  });

  it("50 calls from 5 windows at once over 20 waiting tickets hand out each ticket once", async () => {
    await addService(hall, "c-calls", "logistics");
    const windows: Array<{ id: string; token: string }> = [];
    for (let i = 1; i <= 5; i++) {
      const id = await addWindow(hall, `L${i}`, "logistics", ["c-calls"]);
      const v = await volunteer(hall);
      await signOn(hall, v.token, id);
      windows.push({ id, token: v.token });
    }
    const door = await volunteer(hall);
    const taken = [];
    for (let i = 0; i < 20; i++) taken.push((await hall.gql(TAKE, { s: "c-calls" }, door.token)).data.takeTicket);

    const calls = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hall.gql(CALL, { w: windows[i % 5].id }, windows[i % 5].token)),
    );
    expect(calls.filter((c) => c.errors)).toEqual([]);
    const handedOut = calls.map((c) => c.data.callNext).filter(Boolean);
    expect(handedOut).toHaveLength(20);
    expect(new Set(handedOut.map((t: { id: string }) => t.id)).size).toBe(20);
    expect(new Set(handedOut.map((t: { number: string }) => t.number))).toEqual(
      new Set(taken.map((t: { number: string }) => t.number)),
    );
    const state = await hall.gql(`{ queue(department: "logistics") { waiting serving { number window } } }`);
    expect(state.data.queue.waiting).toBe(0);
    expect(state.data.queue.serving).toHaveLength(5 * 0 + 20);
  });
});
