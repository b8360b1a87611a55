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
 * The clock is pinned to Tuesday 2026-12-08, 10:00 in Shanghai. The season under test runs
 * through December 2026 for ages 17 to 24: someone born on 2009-12-08 turns 17 today, someone
 * born on 2001-12-08 turned 25 today.
 */
const NOW = new Date("2026-12-08T02:00:00Z");

const CREATE_SEASON = `mutation($input: CreateEnlistmentSeasonInput!){ createEnlistmentSeason(input:$input){
  id name opensOn closesOn minAge maxAge openNow } }`;
const UPDATE_SEASON = `mutation($id: ID!, $input: UpdateEnlistmentSeasonInput!){ updateEnlistmentSeason(id:$id, input:$input){ id closesOn openNow } }`;
const REGISTER = `mutation($input: RegisterForEnlistmentInput!){ registerForEnlistment(input:$input){
  id kind studentNo studentName birthDate ageAtRegistration healthDeclared registeredAt season { id name } } }`;
const LIST = `query($season: ID, $kind: EnlistmentKind, $first: Int, $after: String){
  enlistmentRegistrations(seasonId:$season, kind:$kind, first:$first, after:$after){
    nodes { studentNo kind season { name } } pageInfo { hasNextPage endCursor } } }`;
const CSV = `query($season: ID!, $kind: EnlistmentKind){ enlistmentRegistrationsCsv(seasonId:$season, kind:$kind) }`;

function form(extra: Record<string, unknown> = {}) {
  return { kind: "PRE_ENLISTMENT", birthDate: "2005-05-04", healthDeclaration: true, ...extra };
}

(pluginsEnabled("security") ? describe : describe.skip)("the Security Office's enlistment registration", () => {
  let hall: TestHall;
  let staff: string;
  let otherStaff: string;
  let seasonId: string;

  beforeAll(async () => {
    hall = await startTestHall(withOtherDesk());
    hall.hall.services.clock.set(NOW);
    staff = (await hall.account({ account: "security-officer", role: "STAFF", name: "保卫处老师", department: "security" })).token;
    otherStaff = (await hall.account({ account: "other-officer", role: "STAFF", name: "别处老师", department: "lost-and-found" })).token;
  });
  afterAll(() => hall.stop());

  describe("outside a season", () => {
    it("with no season set, registration is refused as outside service hours", async () => {
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form() }, s.token);
      expect(codeOf(reply)).toBe("OUTSIDE_SERVICE_HOURS");
      expect(reply.errors![0].message).toMatch(/closed on 2026-12-08/);
      expect(reply.errors![0].extensions!.nextOpening).toBeNull();
    });

    it("with a later season set, the refusal says when it opens", async () => {
      const later = await hall.gql(
        CREATE_SEASON,
        { input: { name: "2027 年上半年征兵", opensOn: "2027-03-01", closesOn: "2027-03-31" } },
        staff,
      );
      expect(later.data.createEnlistmentSeason).toMatchObject({ minAge: 17, maxAge: 24, openNow: false });
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form() }, s.token);
      expect(codeOf(reply)).toBe("OUTSIDE_SERVICE_HOURS");
      expect(reply.errors![0].message).toContain("2027 年上半年征兵 opens on 2027-03-01");
      expect(reply.errors![0].extensions!.nextOpening).toBe("2027-02-28T16:00:00.000Z");
      expect((await hall.gql(`{ myEnlistmentRegistrations { nodes { id } } }`, {}, s.token)).data.myEnlistmentRegistrations.nodes).toEqual([]);
    });
  });

  describe("seasons", () => {
    it("security staff open a season; students and other departments' staff may not", async () => {
      const input = { name: "2026 年冬季征兵", opensOn: "2026-12-01", closesOn: "2026-12-31", minAge: 17, maxAge: 24 };
      const s = await student(hall);
      expect(codeOf(await hall.gql(CREATE_SEASON, { input }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CREATE_SEASON, { input }, otherStaff))).toBe("FORBIDDEN");
      const reply = await hall.gql(CREATE_SEASON, { input }, staff);
      expect(reply.errors).toBeUndefined();
      expect(reply.data.createEnlistmentSeason.openNow).toBe(true);
      seasonId = reply.data.createEnlistmentSeason.id;
      const current = await hall.gql(`{ currentEnlistmentSeason { id name } }`);
      expect(current.data.currentEnlistmentSeason).toEqual({ id: seasonId, name: "2026 年冬季征兵" });
    });

    it.each([
      ["a closing before the opening", { opensOn: "2027-06-10", closesOn: "2027-06-01" }, "closesOn"],
      ["an opening that is no date", { opensOn: "2027-02-30", closesOn: "2027-06-01" }, "opensOn"],
      ["an oldest age below the youngest", { opensOn: "2027-06-01", closesOn: "2027-06-30", minAge: 20, maxAge: 18 }, "maxAge"],
      ["an age range beyond reason", { opensOn: "2027-06-01", closesOn: "2027-06-30", minAge: 5 }, "minAge"],
    ])("%s is refused as bad input naming the field", async (_situation, dates, field) => {
      const reply = await hall.gql(CREATE_SEASON, { input: { name: "错误的季节", ...dates } }, staff);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
    });

    it("a season overlapping another is refused", async () => {
      const reply = await hall.gql(CREATE_SEASON, { input: { name: "重叠", opensOn: "2026-12-31", closesOn: "2027-01-15" } }, staff);
      expect(codeOf(reply)).toBe("CONFLICT");
      expect(reply.errors![0].message).toContain("2026 年冬季征兵");
    });

    it("seasons are listed for anyone, latest first, a page at a time", async () => {
      const page = await hall.gql(`{ enlistmentSeasons(first: 1) { nodes { name } pageInfo { hasNextPage endCursor } } }`);
      expect(page.data.enlistmentSeasons.nodes).toEqual([{ name: "2027 年上半年征兵" }]);
      const next = await hall.gql(`query($a: String){ enlistmentSeasons(first: 5, after: $a) { nodes { name } pageInfo { hasNextPage } } }`, {
        a: page.data.enlistmentSeasons.pageInfo.endCursor,
      });
      expect(next.data.enlistmentSeasons).toEqual({ nodes: [{ name: "2026 年冬季征兵" }], pageInfo: { hasNextPage: false } });
    });
  });

  describe("registering", () => {
    it("an eligible student registers once; the record shows their age on the day", async () => {
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form({ birthDate: "2009-12-08" }) }, s.token);
      expect(reply.errors).toBeUndefined();
      expect(reply.data.registerForEnlistment).toMatchObject({
        kind: "PRE_ENLISTMENT",
        studentNo: s.studentNo,
        birthDate: "2009-12-08",
        ageAtRegistration: 17,
        healthDeclared: true,
        registeredAt: NOW.toISOString(),
        season: { id: seasonId, name: "2026 年冬季征兵" },
      });

      const again = await hall.gql(REGISTER, { input: form({ kind: "MILITARY_SERVICE", birthDate: "2009-12-08" }) }, s.token);
      expect(codeOf(again)).toBe("CONFLICT");
      expect(again.errors![0].message).toMatch(/already registered/);
      const mine = await hall.gql(`{ myEnlistmentRegistrations { nodes { kind season { name } } } }`, {}, s.token);
      expect(mine.data.myEnlistmentRegistrations.nodes).toEqual([{ kind: "PRE_ENLISTMENT", season: { name: "2026 年冬季征兵" } }]);
    });

    it("ten registrations by one student at once leave one record", async () => {
      const s = await student(hall);
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => hall.gql(REGISTER, { input: form({ kind: "MILITARY_SERVICE" }) }, s.token)),
      );
      expect(replies.filter((r) => r.data?.registerForEnlistment)).toHaveLength(1);
      expect(replies.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(9);
      const listed = await hall.gql(LIST, { season: seasonId, first: 100 }, staff);
      expect(listed.data.enlistmentRegistrations.nodes.filter((n: { studentNo: string }) => n.studentNo === s.studentNo)).toHaveLength(1);
    });

    it.each([
      ["16 years old", { birthDate: "2009-12-09" }, "birthDate"],
      ["25 years old today", { birthDate: "2001-12-08" }, "birthDate"],
      ["without the health declaration", { healthDeclaration: false }, "healthDeclaration"],
    ])("a student %s is refused as not eligible, naming the field", async (_situation, change, field) => {
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form(change) }, s.token);
      expect(codeOf(reply)).toBe("CONFLICT");
      expect(reply.errors![0].extensions!.field).toBe(field);
      expect((await hall.gql(`{ myEnlistmentRegistrations { nodes { id } } }`, {}, s.token)).data.myEnlistmentRegistrations.nodes).toEqual([]);
    });

    it("24 years old, to the last day, is still eligible", async () => {
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form({ birthDate: "2001-12-09" }) }, s.token);
      expect(reply.data.registerForEnlistment.ageAtRegistration).toBe(24);
    });

    it.each([
      ["a birth date that is no date", "2005-02-30"],
      ["a birth date in the future", "2027-01-01"],
    ])("%s is refused as bad input", async (_situation, birthDate) => {
      const s = await student(hall);
      const reply = await hall.gql(REGISTER, { input: form({ birthDate }) }, s.token);
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe("birthDate");
    });

    it("only students register; staff and anonymous callers are refused", async () => {
      expect(codeOf(await hall.gql(REGISTER, { input: form() }, staff))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(REGISTER, { input: form() }))).toBe("UNAUTHENTICATED");
    });

    it("after the season closes, registration is refused again", async () => {
      const s = await student(hall);
      hall.hall.services.clock.set(new Date("2027-01-05T02:00:00Z"));
      try {
        const reply = await hall.gql(REGISTER, { input: form() }, s.token);
        expect(codeOf(reply)).toBe("OUTSIDE_SERVICE_HOURS");
        expect(reply.errors![0].message).toMatch(/closed on 2027-01-05/);
      } finally {
        hall.hall.services.clock.set(NOW);
      }
    });

    it("staff closing the season early refuses registrations from the next day", async () => {
      const temp = await hall.gql(CREATE_SEASON, { input: { name: "临时", opensOn: "2027-05-01", closesOn: "2027-05-31" } }, staff);
      const id = temp.data.createEnlistmentSeason.id;
      const closed = await hall.gql(UPDATE_SEASON, { id, input: { closesOn: "2027-05-10" } }, staff);
      expect(closed.data.updateEnlistmentSeason.closesOn).toBe("2027-05-10");
      const s = await student(hall);
      hall.hall.services.clock.set(new Date("2027-05-11T02:00:00Z"));
      try {
        expect(codeOf(await hall.gql(REGISTER, { input: form() }, s.token))).toBe("OUTSIDE_SERVICE_HOURS");
      } finally {
        hall.hall.services.clock.set(NOW);
      }
      const overlapping = await hall.gql(UPDATE_SEASON, { id, input: { opensOn: "2027-03-15" } }, staff);
      expect(codeOf(overlapping)).toBe("CONFLICT");
    });
  });

  describe("the staff list and the CSV export", () => {
    it("security staff and supervisors list registrations by season a page at a time; others may not", async () => {
      const page = await hall.gql(LIST, { season: seasonId, first: 2 }, staff);
      expect(page.data.enlistmentRegistrations.nodes).toHaveLength(2);
      expect(page.data.enlistmentRegistrations.pageInfo.hasNextPage).toBe(true);
      const rest = await hall.gql(LIST, { season: seasonId, first: 100, after: page.data.enlistmentRegistrations.pageInfo.endCursor }, staff);
      const seen = [...page.data.enlistmentRegistrations.nodes, ...rest.data.enlistmentRegistrations.nodes];
      expect(new Set(seen.map((n: { studentNo: string }) => n.studentNo)).size).toBe(seen.length);
      expect(seen.every((n: { season: { name: string } }) => n.season.name === "2026 年冬季征兵")).toBe(true);

      const militaryOnly = await hall.gql(LIST, { season: seasonId, kind: "MILITARY_SERVICE", first: 100 }, staff);
      expect(militaryOnly.data.enlistmentRegistrations.nodes.every((n: { kind: string }) => n.kind === "MILITARY_SERVICE")).toBe(true);

      const supervisor = await hall.account({ account: "sec-supervisor", role: "SUPERVISOR", name: "督导" });
      expect((await hall.gql(LIST, { season: seasonId }, supervisor.token)).errors).toBeUndefined();
      const s = await student(hall);
      expect(codeOf(await hall.gql(LIST, {}, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(LIST, {}, otherStaff))).toBe("FORBIDDEN");
    });

    it("the CSV has a header, one quoted line per registration, and no birth date", async () => {
      const awkward = await hall.account({
        account: "student-csv-1",
        role: "STUDENT",
        name: '王"小"明, 二',
        studentNo: "2026CSV01",
      });
      const formula = await hall.account({ account: "student-csv-2", role: "STUDENT", name: "=HYPERLINK(1)", studentNo: "2026CSV02" });
      await hall.gql(REGISTER, { input: form({ birthDate: "2004-04-04" }) }, awkward.token);
      await hall.gql(REGISTER, { input: form({ kind: "MILITARY_SERVICE", birthDate: "2004-04-04" }) }, formula.token);

      const reply = await hall.gql(CSV, { season: seasonId }, staff);
      expect(reply.errors).toBeUndefined();
      const csv: string = reply.data.enlistmentRegistrationsCsv;
      const lines = csv.split("\r\n");
      expect(lines.at(-1)).toBe("");
      expect(lines[0]).toBe("season,student_no,name,kind,age_at_registration,health_declared,registered_at");
      expect(lines).toContain('2026 年冬季征兵,2026CSV01,"王""小""明, 二",PRE_ENLISTMENT,22,yes,2026-12-08T10:00:00+08:00');
      expect(lines).toContain("2026 年冬季征兵,2026CSV02,'=HYPERLINK(1),MILITARY_SERVICE,22,yes,2026-12-08T10:00:00+08:00");
      expect(csv).not.toContain("2004-04-04");

      const listed = await hall.gql(LIST, { season: seasonId, first: 100 }, staff);
      expect(lines.length - 2).toBe(listed.data.enlistmentRegistrations.nodes.length);
      const numbers = lines.slice(1, -1).map((line) => line.split(",")[1]);
      expect([...numbers].sort()).toEqual(numbers);

      const militaryOnly = (await hall.gql(CSV, { season: seasonId, kind: "MILITARY_SERVICE" }, staff)).data.enlistmentRegistrationsCsv;
      expect(militaryOnly).not.toContain("PRE_ENLISTMENT");
    });

    it("only security staff and admins export; an unknown season is not found", async () => {
      const s = await student(hall);
      const supervisor = await hall.account({ account: "sec-supervisor-2", role: "SUPERVISOR", name: "督导二" });
      expect(codeOf(await hall.gql(CSV, { season: seasonId }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CSV, { season: seasonId }, supervisor.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CSV, { season: seasonId }, otherStaff))).toBe("FORBIDDEN");
      expect((await hall.gql(CSV, { season: seasonId }, hall.adminToken)).errors).toBeUndefined();
      expect(codeOf(await hall.gql(CSV, { season: "no-such-season" }, staff))).toBe("NOT_FOUND");
    });
  });
});
