import { addService, addWindow, CALL, codeOf, signOn, student, TAKE, volunteer } from "./support/front-line";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const CREATE = `mutation($input: CreateWindowInput!){ createWindow(input:$input){
  id number departmentCode serviceCodes hours onDutyBadgeNo active } }`;
const SIGN_ON = `mutation($w: ID!){ signOnWindow(windowId:$w){ id number onDutyBadgeNo onDutySince } }`;
const SIGN_OFF = `mutation($w: ID!){ signOffWindow(windowId:$w){ id number onDutyBadgeNo onDutySince } }`;
const WINDOWS = `query($d: String){ windows(department:$d){ id number onDutyBadgeNo } }`;

type Person = { id: string; token: string; badgeNo: string };

describeWith("student-affairs", "logistics")("the hall's windows and who is on duty", () => {
  let hall: TestHall;
  let volunteers: Person[];
  let logisticsStaff: { id: string; token: string };
  let aStudent: { id: string; token: string };
  let windowSerial = 0;
  /** A fresh student-affairs window for one test. */
  const freshWindow = (services = ["w-photo"]) => addWindow(hall, `W${++windowSerial}`, "student-affairs", services);
  const create = (input: Record<string, unknown>, token = hall.adminToken) =>
    hall.gql(CREATE, { input: { department: "student-affairs", serviceCodes: ["w-photo"], ...input } }, token);
  const onDuty = async (windowId: string) => {
    const all = (await hall.gql(WINDOWS, {})).data.windows as Array<{ id: string; onDutyBadgeNo: string | null }>;
    return all.find((w) => w.id === windowId)?.onDutyBadgeNo;
  };

  beforeAll(async () => {
    hall = await startTestHall();
    await addService(hall, "w-photo");
    await addService(hall, "w-stamp");
    await addService(hall, "w-dorm", "logistics");
    [volunteers, logisticsStaff, aStudent] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => volunteer(hall))),
      hall.account({ account: "staff-logistics", role: "STAFF", name: "后勤老师", department: "logistics" }),
      student(hall),
    ]);
  });
  afterAll(() => hall?.stop());

  describe("opening a window", () => {
    it("an admin opens a window with its services and its own hours", async () => {
      const reply = await create({ number: "A-1", serviceCodes: ["w-photo", "w-stamp", "w-photo"], hours: "Mon-Fri 13:00-17:00" });
      expect(reply.errors).toBeUndefined();
      expect(reply.data.createWindow).toMatchObject({
        number: "A-1",
        departmentCode: "student-affairs",
        serviceCodes: ["w-photo", "w-stamp"],
        hours: "Mon-Fri 13:00-17:00",
        onDutyBadgeNo: null,
        active: true,
      });
    });

    it.each([
      ["a department the hall does not have", { department: "canteen" }, "department"],
      ["a service of another department", { serviceCodes: ["w-photo", "w-dorm"] }, "serviceCodes"],
      ["a service that does not exist", { serviceCodes: ["w-no-such"] }, "serviceCodes"],
      ["no services at all", { serviceCodes: [] }, "serviceCodes"],
      ["hours that are not HH:MM", { hours: "Mon-Fri 9-17" }, "hours"],
      ["hours that wrap past Sunday", { hours: "Sun-Mon 09:00-12:00" }, "hours"],
      ["hours that end before they start", { hours: "Mon 17:00-09:00" }, "hours"],
      ["a number with a space in it", { number: "3 A" }, "number"],
      ["an empty number", { number: "" }, "number"],
      ["a number longer than 16 characters", { number: "W12345678901234567" }, "number"],
    ])("a window with %s is BAD_USER_INPUT on that field, and nothing is opened", async (_what, input, field) => {
      const before = (await hall.gql(WINDOWS, {})).data.windows.length;
      const reply = await create({ number: "BAD-1", ...input });
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
      expect((await hall.gql(WINDOWS, {})).data.windows.length).toBe(before);
    });

    it("a second window with a number already over another window is CONFLICT on number, in any department", async () => {
      await addWindow(hall, "D-7", "student-affairs", ["w-photo"]);
      const again = await create({ number: "D-7" });
      expect(codeOf(again)).toBe("CONFLICT");
      expect(again.errors![0].extensions!.field).toBe("number");
      expect(codeOf(await create({ number: "D-7", department: "logistics", serviceCodes: ["w-dorm"] }))).toBe("CONFLICT");
    });

    it("two admins opening the same window number at once: one window is opened, the other request is CONFLICT", async () => {
      const replies = await Promise.all(Array.from({ length: 5 }, () => create({ number: "RACE-1" })));
      expect(replies.map(codeOf).sort()).toEqual([undefined, "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT"].sort());
      const windows = (await hall.gql(WINDOWS, {})).data.windows.filter((w: { number: string }) => w.number === "RACE-1");
      expect(windows).toHaveLength(1);
    });

    it("staff, volunteers and students opening a window are FORBIDDEN; without a token UNAUTHENTICATED", async () => {
      for (const token of [logisticsStaff.token, volunteers[0].token, aStudent.token]) {
        expect(codeOf(await create({ number: "NO-1" }, token))).toBe("FORBIDDEN");
      }
      const input = { number: "NO-1", department: "student-affairs", serviceCodes: ["w-photo"] };
      expect(codeOf(await hall.gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
      expect((await hall.gql(WINDOWS, {})).data.windows.map((w: { number: string }) => w.number)).not.toContain("NO-1");
    });
  });

  describe("signing on and off", () => {
    it("a volunteer signs on, and the window shows the badge on duty in windows(department)", async () => {
      const windowId = await freshWindow();
      const [v] = volunteers;
      const reply = await hall.gql(SIGN_ON, { w: windowId }, v.token);
      expect(reply.errors).toBeUndefined();
      expect(reply.data.signOnWindow).toMatchObject({ id: windowId, onDutyBadgeNo: v.badgeNo });
      expect(new Date(reply.data.signOnWindow.onDutySince).getTime()).toBeLessThanOrEqual(Date.now());

      const board = await hall.gql(WINDOWS, { d: "student-affairs" });
      expect(board.data.windows).toContainEqual(expect.objectContaining({ id: windowId, onDutyBadgeNo: v.badgeNo }));
      const elsewhere = await hall.gql(WINDOWS, { d: "logistics" });
      expect(elsewhere.data.windows.map((w: { id: string }) => w.id)).not.toContain(windowId);

      const off = await hall.gql(SIGN_OFF, { w: windowId }, v.token);
      expect(off.data.signOffWindow).toMatchObject({ onDutyBadgeNo: null, onDutySince: null });
      expect(await onDuty(windowId)).toBeNull();
    });

    it("one volunteer per window: a second volunteer signing on gets CONFLICT and the first stays on duty", async () => {
      const windowId = await freshWindow();
      const [first, second] = volunteers;
      await signOn(hall, first.token, windowId);
      expect(codeOf(await hall.gql(SIGN_ON, { w: windowId }, second.token))).toBe("CONFLICT");
      expect(await onDuty(windowId)).toBe(first.badgeNo);
      await hall.gql(SIGN_OFF, { w: windowId }, first.token);
    });

    it("a volunteer on duty at one window cannot sign on to a second (CONFLICT); signing on again at the first is harmless", async () => {
      const [one, two] = [await freshWindow(), await freshWindow()];
      const v = volunteers[2];
      await signOn(hall, v.token, one);
      expect(codeOf(await hall.gql(SIGN_ON, { w: two }, v.token))).toBe("CONFLICT");
      expect(await onDuty(two)).toBeNull();
      const again = await hall.gql(SIGN_ON, { w: one }, v.token);
      expect(again.data.signOnWindow.onDutyBadgeNo).toBe(v.badgeNo);
      await hall.gql(SIGN_OFF, { w: one }, v.token);
    });

    it("ten volunteers signing on to one window at once: exactly one is on duty, the other nine get CONFLICT", async () => {
      const windowId = await freshWindow();
      const replies = await Promise.all(volunteers.map((v) => hall.gql(SIGN_ON, { w: windowId }, v.token)));
      const winners = replies.map((r, i) => (r.errors ? null : volunteers[i])).filter(Boolean);
      expect(winners).toHaveLength(1);
      expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(9);
      expect(await onDuty(windowId)).toBe(winners[0]!.badgeNo);
      await hall.gql(SIGN_OFF, { w: windowId }, winners[0]!.token);
    });

    it("one volunteer signing on to five windows at once is on duty at exactly one", async () => {
      const windows = [];
      for (let i = 0; i < 5; i++) windows.push(await freshWindow());
      const v = volunteers[3];
      const replies = await Promise.all(windows.map((w) => hall.gql(SIGN_ON, { w }, v.token)));
      expect(replies.filter((r) => !r.errors)).toHaveLength(1);
      expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(4);
      const badges = await Promise.all(windows.map(onDuty));
      expect(badges.filter((b) => b === v.badgeNo)).toHaveLength(1);
      const held = windows[badges.indexOf(v.badgeNo)];
      await hall.gql(SIGN_OFF, { w: held }, v.token);
    });

    it("signing off frees the window for the next volunteer, and the volunteer for another window", async () => {
      const [one, two] = [await freshWindow(), await freshWindow()];
      const [v, next] = [volunteers[4], volunteers[5]];
      await signOn(hall, v.token, one);
      expect((await hall.gql(SIGN_OFF, { w: one }, v.token)).errors).toBeUndefined();
      expect((await hall.gql(SIGN_ON, { w: one }, next.token)).data.signOnWindow.onDutyBadgeNo).toBe(next.badgeNo);
      expect((await hall.gql(SIGN_ON, { w: two }, v.token)).data.signOnWindow.onDutyBadgeNo).toBe(v.badgeNo);
      await hall.gql(SIGN_OFF, { w: one }, next.token);
      await hall.gql(SIGN_OFF, { w: two }, v.token);
    });

    it("a volunteer who is not on duty at a window cannot sign it off (FORBIDDEN); an admin can", async () => {
      const windowId = await freshWindow();
      const [v, other] = [volunteers[6], volunteers[7]];
      await signOn(hall, v.token, windowId);
      expect(codeOf(await hall.gql(SIGN_OFF, { w: windowId }, other.token))).toBe("FORBIDDEN");
      expect(await onDuty(windowId)).toBe(v.badgeNo);
      expect((await hall.gql(SIGN_OFF, { w: windowId }, hall.adminToken)).data.signOffWindow.onDutyBadgeNo).toBeNull();
    });

    it("a volunteer holding a called ticket cannot sign off (CONFLICT), nor while serving it; after completing it they can", async () => {
      const windowId = await freshWindow(["w-stamp"]);
      const v = volunteers[8];
      await signOn(hall, v.token, windowId);
      const { id } = (await hall.gql(TAKE, { s: "w-stamp" }, v.token)).data.takeTicket;
      expect((await hall.gql(CALL, { w: windowId }, v.token)).data.callNext.id).toBe(id);

      expect(codeOf(await hall.gql(SIGN_OFF, { w: windowId }, v.token))).toBe("CONFLICT");
      await hall.gql(`mutation($t: ID!){ startServing(ticketId:$t){ id } }`, { t: id }, v.token);
      expect(codeOf(await hall.gql(SIGN_OFF, { w: windowId }, v.token))).toBe("CONFLICT");
      expect(await onDuty(windowId)).toBe(v.badgeNo);

      await hall.gql(`mutation($t: ID!){ completeTicket(ticketId:$t, outcome: DONE){ id } }`, { t: id }, v.token);
      expect((await hall.gql(SIGN_OFF, { w: windowId }, v.token)).errors).toBeUndefined();
      expect(await onDuty(windowId)).toBeNull();
    });

    it("staff sign on only at their own department's windows; students not at all", async () => {
      const saWindow = await freshWindow();
      expect(codeOf(await hall.gql(SIGN_ON, { w: saWindow }, logisticsStaff.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(SIGN_ON, { w: saWindow }, aStudent.token))).toBe("FORBIDDEN");
      expect(await onDuty(saWindow)).toBeNull();
      const logisticsWindow = await addWindow(hall, "L-1", "logistics", ["w-dorm"]);
      expect((await hall.gql(SIGN_ON, { w: logisticsWindow }, logisticsStaff.token)).errors).toBeUndefined();
      await hall.gql(SIGN_OFF, { w: logisticsWindow }, logisticsStaff.token);
    });

    it("a closed window takes nobody on duty (CONFLICT), and a window that does not exist is NOT_FOUND", async () => {
      const windowId = await freshWindow();
      const closed = await hall.gql(
        `mutation($w: ID!){ updateWindow(id:$w, input:{ active: false }){ active } }`,
        { w: windowId },
        hall.adminToken,
      );
      expect(closed.data.updateWindow.active).toBe(false);
      expect(codeOf(await hall.gql(SIGN_ON, { w: windowId }, volunteers[9].token))).toBe("CONFLICT");
      const missing = "00000000-0000-4000-8000-000000000000";
      expect(codeOf(await hall.gql(SIGN_ON, { w: missing }, volunteers[9].token))).toBe("NOT_FOUND");
    });
  });
});
