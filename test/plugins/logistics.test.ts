import type { Logger as TypeOrmLogger } from "typeorm";
import { codeOf, student } from "../support/front-line";
import { offeredPlugins } from "../../src/plugins";
import { lostAndFoundPlugin } from "../fixtures/lost-and-found.plugin";
import { pluginsEnabled, startTestHall, type TestHall } from "../support/test-hall";

/**
 * The departments PLUGINS loads, and the fixtures' lost-and-found desk beside them, so that
 * another department's staff exist to be refused whichever plugins run.
 */
function withOtherDesk() {
  const loaded = process.env.PLUGINS?.split(",").map((c) => c.trim()).filter(Boolean) ?? offeredPlugins.map((p) => p.code);
  return { offered: [...offeredPlugins, lostAndFoundPlugin], plugins: [...loaded, lostAndFoundPlugin.code] };
}

/*
 * The clock is pinned to Tuesday 2026-12-08, 10:00 in Shanghai (02:00Z), and the hall keeps its
 * real hours, Mon-Fri 09:00-19:30: Wednesday the 9th is an ordinary day, Saturday the 12th is
 * closed.
 */
const NOW = new Date("2026-12-08T02:00:00Z");
const WEDNESDAY = "2026-12-09";

const CREATE_ROOM = `mutation($input: CreateCommunityRoomInput!){ createCommunityRoom(input:$input){ id name capacity active } }`;
const UPDATE_ROOM = `mutation($id: ID!, $input: UpdateCommunityRoomInput!){ updateCommunityRoom(id:$id, input:$input){ id active capacity } }`;
const BOOK = `mutation($input: BookCommunityRoomInput!){ bookCommunityRoom(input:$input){
  id status date startTime endTime startsAt endsAt attendees studentNo room { id name } } }`;
const CANCEL = `mutation($id: ID!, $reason: String){ cancelRoomBooking(id:$id, reason:$reason){ id status cancelReason } }`;
const AVAILABILITY = `query($r: ID!, $d: String!){ roomAvailability(roomId:$r, date:$d){
  date hours room { name } slots { startTime endTime available booked } } }`;
const MY_BOOKINGS = `query($first: Int, $after: String){ myRoomBookings(first:$first, after:$after){
  nodes { id date startTime room { name } } pageInfo { hasNextPage endCursor } } }`;
const ROOM_BOOKINGS = `query($r: ID, $d: String){ roomBookings(roomId:$r, date:$d){ nodes { id startTime endTime status } } }`;

const SUBMIT_MOVE_OUT = `mutation($input: MoveOutInput!){ submitMoveOut(input:$input){ id kind status room fromDate } }`;
const SUBMIT_STAY = `mutation($input: OffCampusStayInput!){ submitOffCampusStay(input:$input){ id kind status fromDate returnDate } }`;
const SUBMIT_REGISTRATION = `mutation($input: DormitoryRegistrationInput!){ submitDormitoryRegistration(input:$input){ id kind status room fromDate untilDate } }`;
const SUBMIT_CHANGE = `mutation($input: RoomChangeInput!){ submitRoomChange(input:$input){ id kind status room requestedRoom } }`;
const APPROVE = `mutation($input: ApproveDormitoryRequestInput!){ approveDormitoryRequest(input:$input){ id status decisionNote assignedRoom decidedAt } }`;
const REFUSE = `mutation($id: ID!, $reason: String!){ refuseDormitoryRequest(id:$id, reason:$reason){ id status decisionNote } }`;
const COMPLETE = `mutation($id: ID!){ completeMoveOut(id:$id){ id status completedAt } }`;
const REQUEST = `query($id: ID!){ dormitoryRequest(id:$id){ id kind status decisionNote } }`;

(pluginsEnabled("logistics") ? describe : describe.skip)("the Logistics Office", () => {
  let hall: TestHall;
  let staff: string;
  let otherStaff: string;
  const roomQueries = { count: 0 };
  const sqlLogger: TypeOrmLogger = {
    logQuery: (query) => {
      if (/FROM [`"]logistics_room[`"]/.test(query)) roomQueries.count += 1;
    },
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };

  beforeAll(async () => {
    hall = await startTestHall({ ...withOtherDesk(), env: { HALL_OPENING_HOURS: "Mon-Fri 09:00-19:30" }, sqlLogger });
    hall.hall.services.clock.set(NOW);
    staff = (await hall.account({ account: "logistics-teacher", role: "STAFF", name: "后勤老师", department: "logistics" })).token;
    otherStaff = (await hall.account({ account: "other-teacher", role: "STAFF", name: "别处老师", department: "lost-and-found" })).token;
  });
  afterAll(() => hall.stop());

  async function room(name: string, capacity = 20): Promise<string> {
    const reply = await hall.gql(CREATE_ROOM, { input: { name, capacity, location: "东区 3 楼" } }, staff);
    expect(reply.errors).toBeUndefined();
    return reply.data.createCommunityRoom.id;
  }

  function booking(roomId: string, extra: Record<string, unknown> = {}) {
    return { roomId, date: WEDNESDAY, startTime: "10:00", endTime: "12:00", purpose: "班会", attendees: 10, ...extra };
  }

  describe("community activity rooms", () => {
    it("logistics staff add rooms; students and other departments' staff may not", async () => {
      const id = await room("活动室 A");
      expect(id).toBeTruthy();
      const s = await student(hall);
      expect(codeOf(await hall.gql(CREATE_ROOM, { input: { name: "活动室 S", capacity: 5 } }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CREATE_ROOM, { input: { name: "活动室 O", capacity: 5 } }, otherStaff))).toBe("FORBIDDEN");
    });

    it("a room needs a capacity of at least one and a name no other room has", async () => {
      const zero = await hall.gql(CREATE_ROOM, { input: { name: "活动室 Z", capacity: 0 } }, staff);
      expect(codeOf(zero)).toBe("BAD_USER_INPUT");
      expect(zero.errors![0].extensions!.field).toBe("capacity");
      await room("活动室 B");
      const twice = await hall.gql(CREATE_ROOM, { input: { name: "活动室 B", capacity: 8 } }, staff);
      expect(codeOf(twice)).toBe("CONFLICT");
      expect(twice.errors![0].extensions!.field).toBe("name");
    });

    it("lists rooms by name, a page at a time, without those out of use", async () => {
      const retired = await room("活动室 退");
      await hall.gql(UPDATE_ROOM, { id: retired, input: { active: false } }, staff);
      const s = await student(hall);
      const first = await hall.gql(`{ communityRooms(first: 1) { nodes { name } pageInfo { hasNextPage endCursor } } }`, {}, s.token);
      expect(first.data.communityRooms.nodes).toHaveLength(1);
      expect(first.data.communityRooms.pageInfo.hasNextPage).toBe(true);
      const all = await hall.gql(`{ communityRooms(first: 100) { nodes { name active } } }`, {}, s.token);
      const names = all.data.communityRooms.nodes.map((r: { name: string }) => r.name);
      expect(names).not.toContain("活动室 退");
      expect([...names].sort()).toEqual(names);
    });
  });

  describe("booking a room", () => {
    it("a student books two hours; the half hours show taken and the booking is theirs", async () => {
      const roomId = await room("活动室 C");
      const s = await student(hall);
      const reply = await hall.gql(BOOK, { input: booking(roomId) }, s.token);
      expect(reply.errors).toBeUndefined();
      expect(reply.data.bookCommunityRoom).toMatchObject({
        status: "BOOKED",
        date: WEDNESDAY,
        startTime: "10:00",
        endTime: "12:00",
        startsAt: "2026-12-09T02:00:00.000Z",
        endsAt: "2026-12-09T04:00:00.000Z",
        studentNo: s.studentNo,
        room: { id: roomId, name: "活动室 C" },
      });

      const free = await hall.gql(AVAILABILITY, { r: roomId, d: WEDNESDAY }, s.token);
      const slots = free.data.roomAvailability.slots;
      expect(free.data.roomAvailability.hours).toEqual(["09:00-19:30"]);
      expect(slots[0]).toEqual({ startTime: "09:00", endTime: "09:30", available: true, booked: false });
      expect(slots).toHaveLength(21);
      expect(slots.filter((slot: { booked: boolean }) => slot.booked).map((slot: { startTime: string }) => slot.startTime)).toEqual([
        "10:00",
        "10:30",
        "11:00",
        "11:30",
      ]);

      const mine = await hall.gql(MY_BOOKINGS, {}, s.token);
      expect(mine.data.myRoomBookings.nodes).toEqual([
        { id: reply.data.bookCommunityRoom.id, date: WEDNESDAY, startTime: "10:00", room: { name: "活动室 C" } },
      ]);
    });

    it.each([
      ["a start off the half-hour grid", { startTime: "10:15" }, "startTime"],
      ["an end before the start", { startTime: "11:00", endTime: "10:30" }, "endTime"],
      ["more than four hours", { startTime: "09:00", endTime: "13:30" }, "endTime"],
      ["a date that is no date", { date: "2026-13-01" }, "date"],
      ["a time already passed", { date: "2026-12-08", startTime: "09:00", endTime: "09:30" }, "startTime"],
      ["a day more than 60 days ahead", { date: "2027-03-01" }, "date"],
      ["a blank purpose", { purpose: "" }, "purpose"],
      ["more people than the room holds", { attendees: 21 }, "attendees"],
    ])("%s is refused as bad input naming the field", async (_situation, change, field) => {
      const roomId = await room(`活动室 ${field}-${Math.random().toString(36).slice(2, 8)}`);
      const s = await student(hall);
      const reply = await hall.gql(BOOK, { input: booking(roomId, change) }, s.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
      const left = await hall.gql(ROOM_BOOKINGS, { r: roomId }, staff);
      expect(left.data.roomBookings.nodes).toEqual([]);
    });

    it("a booking past closing, on a weekend or on a day the hall closes is outside service hours", async () => {
      const roomId = await room("活动室 D");
      const s = await student(hall);
      const late = await hall.gql(BOOK, { input: booking(roomId, { startTime: "19:00", endTime: "20:00" }) }, s.token);
      expect(codeOf(late)).toBe("OUTSIDE_SERVICE_HOURS");
      expect(late.errors![0].message).toContain("09:00-19:30");
      const saturday = await hall.gql(BOOK, { input: booking(roomId, { date: "2026-12-12" }) }, s.token);
      expect(codeOf(saturday)).toBe("OUTSIDE_SERVICE_HOURS");
      expect(saturday.errors![0].extensions!.nextOpening).toBe("2026-12-14T01:00:00.000Z");

      const closed = await hall.gql(
        `mutation { setCalendarDay(date: "2026-12-10", kind: CLOSED, name: "校庆") { date } }`,
        {},
        hall.adminToken,
      );
      expect(closed.errors).toBeUndefined();
      const holiday = await hall.gql(BOOK, { input: booking(roomId, { date: "2026-12-10" }) }, s.token);
      expect(codeOf(holiday)).toBe("OUTSIDE_SERVICE_HOURS");
      const shut = await hall.gql(AVAILABILITY, { r: roomId, d: "2026-12-10" }, s.token);
      expect(shut.data.roomAvailability).toMatchObject({ hours: [], slots: [] });
    });

    it("a booking over half hours already held is refused; the next free half hour is not", async () => {
      const roomId = await room("活动室 E");
      const [a, b] = [await student(hall), await student(hall)];
      expect((await hall.gql(BOOK, { input: booking(roomId) }, a.token)).errors).toBeUndefined();
      const overlap = await hall.gql(BOOK, { input: booking(roomId, { startTime: "11:30", endTime: "13:00" }) }, b.token);
      expect(codeOf(overlap)).toBe("CONFLICT");
      const after = await hall.gql(BOOK, { input: booking(roomId, { startTime: "12:00", endTime: "13:00" }) }, b.token);
      expect(after.errors).toBeUndefined();
    });

    it("20 students booking one slot at once leave exactly one booking", async () => {
      const roomId = await room("活动室 热门");
      const students = await Promise.all(Array.from({ length: 20 }, () => student(hall)));
      const replies = await Promise.all(
        students.map((s) => hall.gql(BOOK, { input: booking(roomId, { startTime: "14:00", endTime: "15:00" }) }, s.token)),
      );
      const won = replies.filter((r) => r.data?.bookCommunityRoom);
      expect(won).toHaveLength(1);
      expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(19);

      const held = await hall.gql(ROOM_BOOKINGS, { r: roomId, d: WEDNESDAY }, staff);
      expect(held.data.roomBookings.nodes).toEqual([
        { id: won[0].data.bookCommunityRoom.id, startTime: "14:00", endTime: "15:00", status: "BOOKED" },
      ]);
      const slots = (await hall.gql(AVAILABILITY, { r: roomId, d: WEDNESDAY }, staff)).data.roomAvailability.slots;
      expect(slots.filter((s: { booked: boolean }) => s.booked)).toHaveLength(2);
    });

    it("a room out of use takes no bookings", async () => {
      const roomId = await room("活动室 F");
      await hall.gql(UPDATE_ROOM, { id: roomId, input: { active: false } }, staff);
      const s = await student(hall);
      const reply = await hall.gql(BOOK, { input: booking(roomId) }, s.token);
      expect(codeOf(reply)).toBe("CONFLICT");
      expect(codeOf(await hall.gql(BOOK, { input: booking("no-such-room") }, s.token))).toBe("NOT_FOUND");
    });

    it("logistics staff book at the window for a named student, who then sees the booking", async () => {
      const roomId = await room("活动室 G");
      const s = await student(hall);
      const nameless = await hall.gql(BOOK, { input: booking(roomId) }, staff);
      expect(codeOf(nameless)).toBe("BAD_USER_INPUT");
      expect(nameless.errors![0].extensions!.field).toBe("studentNo");
      const reply = await hall.gql(BOOK, { input: booking(roomId, { studentNo: s.studentNo }) }, staff);
      expect(reply.data.bookCommunityRoom.studentNo).toBe(s.studentNo);
      const mine = await hall.gql(MY_BOOKINGS, {}, s.token);
      expect(mine.data.myRoomBookings.nodes.map((b: { id: string }) => b.id)).toEqual([reply.data.bookCommunityRoom.id]);

      const other = await student(hall);
      const posing = await hall.gql(BOOK, { input: booking(roomId, { startTime: "16:00", endTime: "17:00", studentNo: s.studentNo }) }, other.token);
      expect(codeOf(posing)).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(BOOK, { input: booking(roomId, { studentNo: s.studentNo }) }, otherStaff))).toBe("FORBIDDEN");
    });

    it("a student's bookings come a page at a time, each room loaded in one batch", async () => {
      const rooms = [await room("活动室 H1"), await room("活动室 H2"), await room("活动室 H3")];
      const s = await student(hall);
      for (const [i, roomId] of rooms.entries()) {
        const start = `${String(9 + i).padStart(2, "0")}:00`;
        const end = `${String(10 + i).padStart(2, "0")}:00`;
        expect((await hall.gql(BOOK, { input: booking(roomId, { startTime: start, endTime: end }) }, s.token)).errors).toBeUndefined();
      }
      roomQueries.count = 0;
      const page1 = await hall.gql(MY_BOOKINGS, { first: 2 }, s.token);
      expect(roomQueries.count).toBe(1);
      expect(page1.data.myRoomBookings.nodes.map((b: { startTime: string }) => b.startTime)).toEqual(["11:00", "10:00"]);
      expect(page1.data.myRoomBookings.pageInfo.hasNextPage).toBe(true);
      const page2 = await hall.gql(MY_BOOKINGS, { first: 2, after: page1.data.myRoomBookings.pageInfo.endCursor }, s.token);
      expect(page2.data.myRoomBookings.nodes.map((b: { room: { name: string } }) => b.room.name)).toEqual(["活动室 H1"]);
      expect(page2.data.myRoomBookings.pageInfo.hasNextPage).toBe(false);
    });

    it("only staff of the department list all bookings", async () => {
      const s = await student(hall);
      expect(codeOf(await hall.gql(ROOM_BOOKINGS, {}, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(ROOM_BOOKINGS, {}, otherStaff))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(ROOM_BOOKINGS, {}))).toBe("UNAUTHENTICATED");
    });
  });

  describe("cancelling a booking", () => {
    it("the booker cancels and the half hours are free for someone else; a second cancel is a conflict", async () => {
      const roomId = await room("活动室 I");
      const [a, b] = [await student(hall), await student(hall)];
      const booked = (await hall.gql(BOOK, { input: booking(roomId) }, a.token)).data.bookCommunityRoom;
      expect(codeOf(await hall.gql(CANCEL, { id: booked.id }, b.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(CANCEL, { id: booked.id }, otherStaff))).toBe("NOT_FOUND");

      const cancelled = await hall.gql(CANCEL, { id: booked.id, reason: "活动取消" }, a.token);
      expect(cancelled.data.cancelRoomBooking).toMatchObject({ status: "CANCELLED", cancelReason: "活动取消" });
      expect(codeOf(await hall.gql(CANCEL, { id: booked.id }, a.token))).toBe("CONFLICT");
      const rebooked = await hall.gql(BOOK, { input: booking(roomId) }, b.token);
      expect(rebooked.errors).toBeUndefined();
      expect((await hall.gql(MY_BOOKINGS, {}, a.token)).data.myRoomBookings.nodes).toEqual([]);
    });

    it("logistics staff cancel a student's booking; one that has begun cannot be cancelled", async () => {
      const roomId = await room("活动室 J");
      const s = await student(hall);
      const first = (await hall.gql(BOOK, { input: booking(roomId) }, s.token)).data.bookCommunityRoom;
      const second = (await hall.gql(BOOK, { input: booking(roomId, { startTime: "15:00", endTime: "16:00" }) }, s.token)).data
        .bookCommunityRoom;
      expect((await hall.gql(CANCEL, { id: first.id, reason: "场地检修" }, staff)).data.cancelRoomBooking.status).toBe("CANCELLED");

      hall.hall.services.clock.set(new Date("2026-12-09T07:15:00Z"));
      try {
        expect(codeOf(await hall.gql(CANCEL, { id: second.id }, s.token))).toBe("CONFLICT");
      } finally {
        hall.hall.services.clock.set(NOW);
      }
    });
  });

  describe("dormitory requests", () => {
    const moveOut = { room: "12-305", moveOutDate: "2026-12-20", reason: "走读" };

    it("a move-out that was not approved cannot be completed; once approved it can, once", async () => {
      const s = await student(hall);
      const submitted = (await hall.gql(SUBMIT_MOVE_OUT, { input: moveOut }, s.token)).data.submitMoveOut;
      expect(submitted).toMatchObject({ kind: "MOVE_OUT", status: "SUBMITTED", room: "12-305", fromDate: "2026-12-20" });

      const early = await hall.gql(COMPLETE, { id: submitted.id }, staff);
      expect(codeOf(early)).toBe("CONFLICT");
      expect(early.errors![0].message).toMatch(/not approved/);
      expect((await hall.gql(REQUEST, { id: submitted.id }, s.token)).data.dormitoryRequest.status).toBe("SUBMITTED");

      const approved = await hall.gql(APPROVE, { input: { id: submitted.id, note: "12 月 20 日前交钥匙" } }, staff);
      expect(approved.data.approveDormitoryRequest).toMatchObject({ status: "APPROVED", decisionNote: "12 月 20 日前交钥匙" });
      const done = await hall.gql(COMPLETE, { id: submitted.id }, staff);
      expect(done.data.completeMoveOut.status).toBe("COMPLETED");
      expect(done.data.completeMoveOut.completedAt).toBe(NOW.toISOString());
      expect(codeOf(await hall.gql(COMPLETE, { id: submitted.id }, staff))).toBe("CONFLICT");
    });

    it("a refused move-out cannot be completed either, and the student may ask again", async () => {
      const s = await student(hall);
      const submitted = (await hall.gql(SUBMIT_MOVE_OUT, { input: moveOut }, s.token)).data.submitMoveOut;
      const blank = await hall.gql(REFUSE, { id: submitted.id, reason: "  " }, staff);
      expect(codeOf(blank)).toBe("BAD_USER_INPUT");
      expect(blank.errors![0].extensions!.field).toBe("reason");
      const refused = await hall.gql(REFUSE, { id: submitted.id, reason: "缺少家长知情同意书" }, staff);
      expect(refused.data.refuseDormitoryRequest).toMatchObject({ status: "REFUSED", decisionNote: "缺少家长知情同意书" });
      expect(codeOf(await hall.gql(COMPLETE, { id: submitted.id }, staff))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(APPROVE, { input: { id: submitted.id } }, staff))).toBe("CONFLICT");

      const seen = await hall.gql(REQUEST, { id: submitted.id }, s.token);
      expect(seen.data.dormitoryRequest).toMatchObject({ status: "REFUSED", decisionNote: "缺少家长知情同意书" });
      expect((await hall.gql(SUBMIT_MOVE_OUT, { input: moveOut }, s.token)).errors).toBeUndefined();
    });

    it("one open request of a kind per student, even when five arrive at once", async () => {
      const s = await student(hall);
      const input = { fromDate: "2026-12-10", returnDate: "2026-12-13", reason: "实习" };
      const replies = await Promise.all(Array.from({ length: 5 }, () => hall.gql(SUBMIT_STAY, { input }, s.token)));
      expect(replies.filter((r) => r.data?.submitOffCampusStay)).toHaveLength(1);
      expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(4);
      const mine = await hall.gql(`{ myDormitoryRequests { nodes { kind status returnDate } } }`, {}, s.token);
      expect(mine.data.myDormitoryRequests.nodes).toEqual([{ kind: "OFF_CAMPUS_STAY", status: "SUBMITTED", returnDate: "2026-12-13" }]);
    });

    it.each([
      ["a stay starting in the past", SUBMIT_STAY, { fromDate: "2026-12-01", returnDate: "2026-12-13", reason: "就医" }, "fromDate"],
      ["a return before leaving", SUBMIT_STAY, { fromDate: "2026-12-10", returnDate: "2026-12-10", reason: "就医" }, "returnDate"],
      ["a stay of more than 30 days", SUBMIT_STAY, { fromDate: "2026-12-10", returnDate: "2027-01-20", reason: "就医" }, "returnDate"],
      ["a blank reason", SUBMIT_STAY, { fromDate: "2026-12-10", returnDate: "2026-12-12", reason: "" }, "reason"],
      ["a registration ending before it starts", SUBMIT_REGISTRATION, { room: "3-101", fromDate: "2027-01-20", untilDate: "2027-01-10", reason: "寒假留校" }, "untilDate"],
      ["a move-out date that is no date", SUBMIT_MOVE_OUT, { room: "3-101", moveOutDate: "20-12-2026", reason: "休学" }, "moveOutDate"],
      ["a room change to the same room", SUBMIT_CHANGE, { room: "3-101", requestedRoom: "3-101", reason: "作息不同" }, "requestedRoom"],
    ])("%s is refused as bad input naming the field", async (_situation, mutation, input, field) => {
      const s = await student(hall);
      const reply = await hall.gql(mutation, { input }, s.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
      expect((await hall.gql(`{ myDormitoryRequests { nodes { id } } }`, {}, s.token)).data.myDormitoryRequests.nodes).toEqual([]);
    });

    it("a room change is approved with the room assigned; a registration is approved as it stands", async () => {
      const s = await student(hall);
      const change = (await hall.gql(SUBMIT_CHANGE, { input: { room: "5-210", requestedRoom: "5-212", reason: "作息不同" } }, s.token)).data
        .submitRoomChange;
      const roomless = await hall.gql(APPROVE, { input: { id: change.id } }, staff);
      expect(codeOf(roomless)).toBe("BAD_USER_INPUT");
      expect(roomless.errors![0].extensions!.field).toBe("assignedRoom");
      const approved = await hall.gql(APPROVE, { input: { id: change.id, assignedRoom: "5-214" } }, staff);
      expect(approved.data.approveDormitoryRequest).toMatchObject({ status: "APPROVED", assignedRoom: "5-214" });

      const registration = (
        await hall.gql(SUBMIT_REGISTRATION, { input: { room: "5-210", fromDate: "2027-01-15", untilDate: "2027-02-20", reason: "寒假留校" } }, s.token)
      ).data.submitDormitoryRegistration;
      expect(registration).toMatchObject({ kind: "REGISTRATION", untilDate: "2027-02-20" });
      expect((await hall.gql(APPROVE, { input: { id: registration.id } }, staff)).data.approveDormitoryRequest.status).toBe("APPROVED");
      expect(codeOf(await hall.gql(COMPLETE, { id: registration.id }, staff))).toBe("CONFLICT");
    });

    it("students see only their own requests; staff of other departments neither see nor decide them", async () => {
      const [owner, other] = [await student(hall), await student(hall)];
      const request = (await hall.gql(SUBMIT_MOVE_OUT, { input: moveOut }, owner.token)).data.submitMoveOut;
      expect(codeOf(await hall.gql(REQUEST, { id: request.id }, other.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(REQUEST, { id: request.id }, otherStaff))).toBe("NOT_FOUND");
      expect((await hall.gql(REQUEST, { id: request.id }, staff)).data.dormitoryRequest.id).toBe(request.id);

      expect(codeOf(await hall.gql(APPROVE, { input: { id: request.id } }, owner.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(APPROVE, { input: { id: request.id } }, otherStaff))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ dormitoryRequests { nodes { id } } }`, {}, owner.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ dormitoryRequests { nodes { id } } }`, {}, otherStaff))).toBe("FORBIDDEN");

      const list = await hall.gql(`{ dormitoryRequests(kind: MOVE_OUT, status: SUBMITTED, first: 100) { nodes { id } } }`, {}, staff);
      expect(list.data.dormitoryRequests.nodes.map((r: { id: string }) => r.id)).toContain(request.id);
    });

    it("staff list requests a page at a time, newest first", async () => {
      // Later than every request before, so these two are the newest.
      const s = await student(hall);
      try {
        hall.hall.services.clock.set(new Date(NOW.getTime() + 1000));
        await hall.gql(SUBMIT_CHANGE, { input: { room: "7-101", reason: "楼层太高" } }, s.token);
        hall.hall.services.clock.set(new Date(NOW.getTime() + 2000));
        await hall.gql(SUBMIT_STAY, { input: { fromDate: "2026-12-11", returnDate: "2026-12-12", reason: "回家" } }, s.token);
      } finally {
        hall.hall.services.clock.set(NOW);
      }
      const page1 = await hall.gql(`{ dormitoryRequests(first: 1) { nodes { kind } pageInfo { hasNextPage endCursor } } }`, {}, staff);
      expect(page1.data.dormitoryRequests.nodes).toEqual([{ kind: "OFF_CAMPUS_STAY" }]);
      const page2 = await hall.gql(
        `query($after: String){ dormitoryRequests(first: 1, after: $after) { nodes { kind } } }`,
        { after: page1.data.dormitoryRequests.pageInfo.endCursor },
        staff,
      );
      expect(page2.data.dormitoryRequests.nodes).toEqual([{ kind: "ROOM_CHANGE" }]);
    });
  });
});
