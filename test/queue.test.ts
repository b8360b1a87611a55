import { addService, addWindow, CALL, codeOf, signOn, student, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

describeWith("student-affairs")("queue numbers at the windows", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
    await addService(hall, "q-photo-id");
    await addService(hall, "q-stamp");
  });
  afterAll(() => hall.stop());

  it("a student takes a number, a volunteer calls, serves and completes it", async () => {
    const windowId = await addWindow(hall, "1", "student-affairs", ["q-photo-id"]);
    const v = await volunteer(hall);
    const s = await student(hall);
    await signOn(hall, v.token, windowId);

    const taken = await hall.gql(TAKE, { s: "q-photo-id" }, s.token);
    expect(taken.errors).toBeUndefined();
    expect(taken.data.takeTicket).toMatchObject({ status: "WAITING", position: 1 });
    expect(taken.data.takeTicket.number).toMatch(/^A\d{3}$/);
    expect(taken.data.takeTicket.materials).toEqual([{ name: "一寸照", count: 1 }]);

    const called = await hall.gql(CALL, { w: windowId }, v.token);
    expect(called.data.callNext).toMatchObject({
      id: taken.data.takeTicket.id,
      status: "CALLED",
      windowNumber: "1",
      badgeNo: v.badgeNo,
    });
    const id = taken.data.takeTicket.id;
    const serving = await hall.gql(`mutation($t: ID!){ startServing(ticketId:$t){ status } }`, { t: id }, v.token);
    expect(serving.data.startServing.status).toBe("SERVING");
    const done = await hall.gql(
      `mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ status outcome } }`,
      { t: id },
      v.token,
    );
    expect(done.data.completeTicket).toEqual({ status: "COMPLETED", outcome: "DONE" });

    const again = await hall.gql(`mutation($t: ID!){ recall(ticketId:$t){ status } }`, { t: id }, v.token);
    expect(codeOf(again)).toBe("CONFLICT");
  });

  it("a student holding a waiting number for a service cannot take a second one", async () => {
    const s = await student(hall);
    expect((await hall.gql(TAKE, { s: "q-stamp" }, s.token)).errors).toBeUndefined();
    expect(codeOf(await hall.gql(TAKE, { s: "q-stamp" }, s.token))).toBe("CONFLICT");
  });

  it("another student's ticket is not found, not forbidden", async () => {
    const owner = await student(hall);
    const other = await student(hall);
    const taken = await hall.gql(TAKE, { s: "q-photo-id" }, owner.token);
    const peek = await hall.gql(`query($id: ID!){ ticket(id:$id){ number } }`, { id: taken.data.takeTicket.id }, other.token);
    expect(codeOf(peek)).toBe("NOT_FOUND");
  });

  it("a volunteer signed off by an admin while a number is called: it waits again, first in line", async () => {
    await addService(hall, "q-return");
    const windowId = await addWindow(hall, "Q9", "student-affairs", ["q-return"]);
    const first = await volunteer(hall);
    const next = await volunteer(hall);
    const s = await student(hall);
    await signOn(hall, first.token, windowId);
    const taken = await hall.gql(TAKE, { s: "q-return" }, s.token);
    await hall.gql(CALL, { w: windowId }, first.token);

    const off = await hall.gql(`mutation($w: ID!){ signOffWindow(windowId:$w){ onDutyBadgeNo } }`, { w: windowId }, hall.adminToken);
    expect(off.data.signOffWindow.onDutyBadgeNo).toBeNull();
    const lateMove = await hall.gql(`mutation($t: ID!){ startServing(ticketId:$t){ status } }`, { t: taken.data.takeTicket.id }, first.token);
    // It is no longer theirs in any sense, so its id is not confirmed to them.
    expect(codeOf(lateMove)).toBe("NOT_FOUND");
    const back = await hall.gql(`query($id: ID!){ ticket(id:$id){ status position windowNumber } }`, { id: taken.data.takeTicket.id }, s.token);
    expect(back.data.ticket).toEqual({ status: "WAITING", position: 1, windowNumber: null });

    await signOn(hall, next.token, windowId);
    const again = await hall.gql(CALL, { w: windowId }, next.token);
    expect(again.data.callNext).toMatchObject({ id: taken.data.takeTicket.id, badgeNo: next.badgeNo });
  });
});
