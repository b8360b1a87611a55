import type { HallPlugin } from "../src/core";
import { offeredPlugins } from "../src/plugins";
import { codeOf, student } from "./support/front-line";
import { startTestHall, type TestHall } from "./support/test-hall";

/** Two notice boards of their own, beside whichever departments PLUGINS loads. */
const board = (code: string, ticketPrefix: string): HallPlugin => ({
  code,
  department: { code, name: `公告部门 ${code}`, nameEn: `Board ${code}`, ticketPrefix },
});
const NORTH = board("t-north", "TN");
const SOUTH = board("t-south", "TS");

const CREATE = `mutation($input: CreateAnnouncementInput!){ createAnnouncement(input:$input){
  id departmentCode title order validFrom validTo withdrawnAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAnnouncementInput!){ updateAnnouncement(id:$id, input:$input){
  id title order validTo } }`;
const WITHDRAW = `mutation($id: ID!){ withdrawAnnouncement(id:$id){ id withdrawnAt } }`;
const BOARD = `query($d: String, $at: DateTimeISO, $wide: Boolean, $first: Int, $after: String){
  announcements(department:$d, activeAt:$at, includeHallWide:$wide, first:$first, after:$after){
    nodes { title departmentCode } pageInfo { endCursor hasNextPage } } }`;

describe("announcements (信息发布)", () => {
  let hall: TestHall;
  let north: { token: string };
  let south: { token: string };
  const NOW = new Date("2026-12-04T02:00:00Z");
  const hours = (h: number) => new Date(NOW.getTime() + h * 3600_000).toISOString();

  beforeAll(async () => {
    const loaded = process.env.PLUGINS ? process.env.PLUGINS.split(",").map((c) => c.trim()) : offeredPlugins.map((p) => p.code);
    hall = await startTestHall({ offered: [...offeredPlugins, NORTH, SOUTH], plugins: [...loaded, NORTH.code, SOUTH.code] });
    hall.hall.services.clock.set(NOW);
    north = await hall.account({ account: "north-staff", role: "STAFF", name: "北区老师", department: NORTH.code });
    south = await hall.account({ account: "south-staff", role: "STAFF", name: "南区老师", department: SOUTH.code });
  });
  afterAll(() => hall.stop());

  async function publish(input: Record<string, unknown>, token: string) {
    const reply = await hall.gql(CREATE, { input: { body: "详见窗口。", ...input } }, token);
    if (reply.errors) throw new Error(JSON.stringify(reply.errors));
    return reply.data.createAnnouncement as { id: string; validFrom: string };
  }
  const titles = async (variables: Record<string, unknown>) => {
    const reply = await hall.gql(BOARD, variables);
    expect(reply.errors).toBeUndefined();
    return reply.data.announcements.nodes.map((n: { title: string }) => n.title);
  };

  it("a department's board shows its notices and the hall's, by order and then newest first", async () => {
    await publish({ department: NORTH.code, title: "北-普通-早", validFrom: hours(-3) }, north.token);
    await publish({ department: NORTH.code, title: "北-普通-晚", validFrom: hours(-1) }, north.token);
    await publish({ department: NORTH.code, title: "北-置顶", order: 0, validFrom: hours(-5) }, north.token);
    await hall.gql(UPDATE, { id: (await publish({ department: NORTH.code, title: "北-末尾", validFrom: hours(-2) }, north.token)).id, input: { order: 500 } }, north.token);
    await publish({ title: "全厅-春节安排", validFrom: hours(-4) }, hall.adminToken);
    await publish({ department: SOUTH.code, title: "南-通知" }, south.token);

    expect(await titles({ d: NORTH.code })).toEqual(["北-置顶", "北-普通-晚", "北-普通-早", "全厅-春节安排", "北-末尾"]);
    expect(await titles({ d: NORTH.code, wide: false })).toEqual(["北-置顶", "北-普通-晚", "北-普通-早", "北-末尾"]);
    expect(await titles({ d: SOUTH.code })).toEqual(["南-通知", "全厅-春节安排"]);
    const all = await titles({ first: 100 });
    expect(all).toEqual(expect.arrayContaining(["南-通知", "全厅-春节安排", "北-末尾"]));
  });

  it("a notice shows only inside its validity window; activeAt looks at another moment", async () => {
    await publish({ department: SOUTH.code, title: "南-下周", validFrom: hours(24 * 7), validTo: hours(24 * 8) }, south.token);
    await publish({ department: SOUTH.code, title: "南-今天", validFrom: hours(-1), validTo: hours(2) }, south.token);
    expect(await titles({ d: SOUTH.code, wide: false })).toEqual(["南-通知", "南-今天"]);
    expect(await titles({ d: SOUTH.code, wide: false, at: hours(24 * 7 + 1) })).toEqual(["南-下周", "南-通知"]);
    expect(await titles({ d: SOUTH.code, wide: false, at: hours(3) })).toEqual(["南-通知"]);
  });

  it("a withdrawn notice leaves the boards and cannot be changed or withdrawn again", async () => {
    const notice = await publish({ department: SOUTH.code, title: "南-撤回" }, south.token);
    expect(await titles({ d: SOUTH.code, wide: false })).toContain("南-撤回");
    const withdrawn = await hall.gql(WITHDRAW, { id: notice.id }, south.token);
    expect(withdrawn.data.withdrawAnnouncement.withdrawnAt).toBe(NOW.toISOString());
    expect(await titles({ d: SOUTH.code, wide: false })).not.toContain("南-撤回");
    expect(codeOf(await hall.gql(WITHDRAW, { id: notice.id }, south.token))).toBe("CONFLICT");
    expect(codeOf(await hall.gql(UPDATE, { id: notice.id, input: { title: "改" } }, south.token))).toBe("CONFLICT");

    const managed = await hall.gql(`{ managedAnnouncements(first: 100) { nodes { title withdrawnAt departmentCode } } }`, {}, south.token);
    const mine = managed.data.managedAnnouncements.nodes;
    expect(mine.every((n: { departmentCode: string }) => n.departmentCode === SOUTH.code)).toBe(true);
    expect(mine.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(["南-撤回", "南-下周"]));
  });

  it("staff edit only their own department's notices, and only admins publish hall-wide", async () => {
    const northNotice = await publish({ department: NORTH.code, title: "北-只属北区" }, north.token);
    const s = await student(hall);
    expect(codeOf(await hall.gql(CREATE, { input: { department: NORTH.code, title: "x", body: "x" } }, south.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(CREATE, { input: { title: "全厅", body: "x" } }, south.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(CREATE, { input: { department: NORTH.code, title: "x", body: "x" } }, s.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(CREATE, { input: { department: NORTH.code, title: "x", body: "x" } }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await hall.gql(UPDATE, { id: northNotice.id, input: { title: "南区改的" } }, south.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(WITHDRAW, { id: northNotice.id }, south.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(`{ managedAnnouncements(department: "${NORTH.code}") { nodes { id } } }`, {}, south.token))).toBe("FORBIDDEN");
    const byAdmin = await hall.gql(UPDATE, { id: northNotice.id, input: { title: "北-管理员改", order: 7 } }, hall.adminToken);
    expect(byAdmin.data.updateAnnouncement).toMatchObject({ title: "北-管理员改", order: 7 });
    expect(codeOf(await hall.gql(WITHDRAW, { id: "00000000-0000-4000-8000-000000000000" }, north.token))).toBe("NOT_FOUND");
  });

  it("bad input is refused by field and nothing is written", async () => {
    const before = (await hall.gql(`{ managedAnnouncements(first: 100) { nodes { id } } }`, {}, hall.adminToken)).data
      .managedAnnouncements.nodes.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ department: NORTH.code, title: "   ", body: "x" }, "title"],
      [{ department: NORTH.code, title: "x".repeat(201), body: "x" }, "title"],
      [{ department: NORTH.code, title: "x", body: "" }, "body"],
      [{ department: NORTH.code, title: "x", body: "x", order: -1 }, "order"],
      [{ department: NORTH.code, title: "x", body: "x", validFrom: hours(2), validTo: hours(1) }, "validTo"],
      [{ department: NORTH.code, title: "x", body: "x", validFrom: hours(-5), validTo: hours(-1) }, "validTo"],
      [{ department: "no-such-department", title: "x", body: "x" }, "department"],
    ];
    for (const [input, field] of cases) {
      const reply = await hall.gql(CREATE, { input }, hall.adminToken);
      expect({ field, extensions: reply.errors?.[0]?.extensions }).toMatchObject({
        field,
        extensions: { code: "BAD_USER_INPUT", field },
      });
    }
    const notice = await publish({ department: NORTH.code, title: "北-窗口" }, north.token);
    const badWindow = await hall.gql(UPDATE, { id: notice.id, input: { validTo: hours(-1) } }, north.token);
    expect(badWindow.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "validTo" });
    const after = (await hall.gql(`{ managedAnnouncements(first: 100) { nodes { id } } }`, {}, hall.adminToken)).data
      .managedAnnouncements.nodes.length;
    expect(after).toBe(before + 1);
  });

  it("a long board comes in pages without repeats or gaps", async () => {
    for (let i = 0; i < 7; i++) {
      await publish({ department: SOUTH.code, title: `南-批量-${i}`, order: 100 + (i % 2), validFrom: hours(-10 + i) }, south.token);
    }
    const expected = await titles({ d: SOUTH.code, first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const reply: any = await hall.gql(BOARD, { d: SOUTH.code, first: 2, after });
      seen.push(...reply.data.announcements.nodes.map((n: { title: string }) => n.title));
      if (!reply.data.announcements.pageInfo.hasNextPage) break;
      after = reply.data.announcements.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(9);
  });

  it("the board of an unknown department is NOT_FOUND", async () => {
    expect(codeOf(await hall.gql(BOARD, { d: "no-such-department" }))).toBe("NOT_FOUND");
  });
});
