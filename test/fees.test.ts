import type { Logger as TypeOrmLogger } from "typeorm";
import type { HallPlugin } from "../src/core";
import { offeredPlugins } from "../src/plugins";
import { addService, addWindow, codeOf, signOn, student, volunteer } from "./support/front-line";
import { startTestHall, type TestHall } from "./support/test-hall";

/** Two cash desks of their own, beside whichever departments PLUGINS loads. */
const desk = (code: string, ticketPrefix: string): HallPlugin => ({
  code,
  department: { code, name: `收费窗口 ${code}`, nameEn: `Cash desk ${code}`, ticketPrefix },
});
const COPIES = desk("t-copies", "TC");
const PHOTOS = desk("t-photos", "TP");

const RECORD = `mutation($input: RecordFeeInput!){ recordFee(input:$input){
  id receiptNo departmentCode serviceCode amountFen quantity payerStudentNo serviceDay reference
  takenBy { badgeNo name } } }`;
const FEES = `query($d: String!, $day: String!, $first: Int, $after: String){
  fees(department:$d, day:$day, first:$first, after:$after){
    nodes { receiptNo amountFen } pageInfo { endCursor hasNextPage } } }`;
const RECONCILE = `query($d: String!, $day: String!){ dailyReconciliation(department:$d, day:$day){
  department day count totalFen
  byService { serviceCode serviceName count totalFen }
  byTaker { badgeNo name count totalFen } } }`;

/** Counts the SQL statements that touch the fee tables. */
class FeeQueryCounter implements TypeOrmLogger {
  feeQueries = 0;
  logQuery(query: string) {
    if (/fee_record|service_item/.test(query)) this.feeQueries++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

describe("fees taken at the windows", () => {
  const counter = new FeeQueryCounter();
  let hall: TestHall;
  let cashier: Awaited<ReturnType<typeof volunteer>>;
  let payer: Awaited<ReturnType<typeof student>>;
  let copiesStaff: { token: string };
  let photosStaff: { token: string };
  // 14:00 in Shanghai on Friday 4 December 2026: the receipts are of 2026, filed under that day.
  const NOON = new Date("2026-12-04T06:00:00Z");
  const DAY = "2026-12-04";

  beforeAll(async () => {
    const loaded = process.env.PLUGINS ? process.env.PLUGINS.split(",").map((c) => c.trim()) : offeredPlugins.map((p) => p.code);
    hall = await startTestHall({
      offered: [...offeredPlugins, COPIES, PHOTOS],
      plugins: [...loaded, COPIES.code, PHOTOS.code],
      sqlLogger: counter,
    });
    hall.hall.services.clock.set(NOON);
    await addService(hall, "t-copy", COPIES.code, { feeFen: 50 });
    await addService(hall, "t-binding", COPIES.code, { feeFen: 300 });
    await addService(hall, "t-free", COPIES.code, { feeFen: 0 });
    await addService(hall, "t-photo", PHOTOS.code, { feeFen: 1000 });
    const windowId = await addWindow(hall, "C1", COPIES.code, ["t-copy", "t-binding", "t-free"]);
    cashier = await volunteer(hall);
    await signOn(hall, cashier.token, windowId);
    payer = await student(hall);
    copiesStaff = await hall.account({ account: "copies-staff", role: "STAFF", name: "复印老师", department: COPIES.code });
    photosStaff = await hall.account({ account: "photos-staff", role: "STAFF", name: "照相老师", department: PHOTOS.code });
  });
  afterAll(() => hall.stop());

  const record = (input: Record<string, unknown>, token: string) => hall.gql(RECORD, { input }, token);

  it("a volunteer on duty takes ¥1.50 for three copies and the student gets receipt TC2026-000001", async () => {
    const reply = await record({ serviceCode: "t-copy", studentNo: payer.studentNo, quantity: 3, amountFen: 150 }, cashier.token);
    expect(reply.errors).toBeUndefined();
    expect(reply.data.recordFee).toMatchObject({
      receiptNo: "TC2026-000001",
      departmentCode: COPIES.code,
      amountFen: 150,
      quantity: 3,
      payerStudentNo: payer.studentNo,
      serviceDay: DAY,
      takenBy: { badgeNo: cashier.badgeNo },
    });
  });

  it("the amount follows the catalogue: a wrong amount, a free service or an unknown one are refused by field", async () => {
    const wrong = await record({ serviceCode: "t-copy", studentNo: payer.studentNo, quantity: 2, amountFen: 50 }, cashier.token);
    expect(codeOf(wrong)).toBe("BAD_USER_INPUT");
    expect(wrong.errors![0].extensions!.field).toBe("amountFen");
    expect(wrong.errors![0].message).toContain("¥1.00 for 2");

    const free = await record({ serviceCode: "t-free", studentNo: payer.studentNo }, cashier.token);
    expect(free.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "serviceCode" });

    const unknown = await record({ serviceCode: "t-nothing", studentNo: payer.studentNo }, cashier.token);
    expect(unknown.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "serviceCode" });

    const tooMany = await record({ serviceCode: "t-copy", studentNo: payer.studentNo, quantity: 0 }, cashier.token);
    expect(tooMany.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "quantity" });

    const badNumber = await record({ serviceCode: "t-copy", studentNo: "no such number!" }, cashier.token);
    expect(badNumber.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "studentNo" });

    const listed = await hall.gql(FEES, { d: COPIES.code, day: DAY }, copiesStaff.token);
    expect(listed.data.fees.nodes.map((f: { receiptNo: string }) => f.receiptNo)).toEqual(["TC2026-000001"]);
  });

  it("only the department's own desk takes its money", async () => {
    const offDuty = await volunteer(hall);
    const admin = hall.adminToken;
    for (const token of [offDuty.token, photosStaff.token, payer.token, admin]) {
      const reply = await record({ serviceCode: "t-copy", studentNo: payer.studentNo }, token);
      expect(codeOf(reply)).toBe("FORBIDDEN");
    }
    const own = await record({ serviceCode: "t-photo", studentNo: payer.studentNo }, photosStaff.token);
    expect(own.data.recordFee).toMatchObject({ receiptNo: "TP2026-000001", takenBy: { badgeNo: null, name: "照相老师" } });
  });

  it("twenty payments at once at one department get twenty different receipt numbers, in one run", async () => {
    const takers = [photosStaff.token, (await hall.account({ account: "photos-2", role: "STAFF", name: "照相二", department: PHOTOS.code })).token];
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => record({ serviceCode: "t-photo", studentNo: payer.studentNo }, takers[i % 2])),
    );
    for (const reply of replies) expect(reply.errors).toBeUndefined();
    const numbers = replies.map((r) => r.data.recordFee.receiptNo as string);
    expect(new Set(numbers).size).toBe(20);
    const seqs = numbers.map((n) => Number(n.split("-")[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it("the evening count gives the day's total per service and per taker from two queries", async () => {
    await record({ serviceCode: "t-binding", studentNo: payer.studentNo, quantity: 2 }, copiesStaff.token);
    counter.feeQueries = 0;
    const reply = await hall.gql(RECONCILE, { d: COPIES.code, day: DAY }, copiesStaff.token);
    expect(counter.feeQueries).toBeGreaterThanOrEqual(1);
    expect(counter.feeQueries).toBeLessThanOrEqual(2);
    expect(reply.data.dailyReconciliation).toEqual({
      department: COPIES.code,
      day: DAY,
      count: 2,
      totalFen: 750,
      byService: [
        { serviceCode: "t-binding", serviceName: "测试服务 t-binding", count: 1, totalFen: 600 },
        { serviceCode: "t-copy", serviceName: "测试服务 t-copy", count: 1, totalFen: 150 },
      ],
      byTaker: [
        { badgeNo: null, name: "复印老师", count: 1, totalFen: 600 },
        { badgeNo: cashier.badgeNo, name: expect.any(String), count: 1, totalFen: 150 },
      ],
    });
    const photos = await hall.gql(RECONCILE, { d: PHOTOS.code, day: DAY }, hall.adminToken);
    expect(photos.data.dailyReconciliation).toMatchObject({ count: 21, totalFen: 21000 });
    expect(photos.data.dailyReconciliation.byTaker.map((t: { count: number }) => t.count).sort()).toEqual([10, 11]);

    const nextDay = await hall.gql(RECONCILE, { d: COPIES.code, day: "2026-12-05" }, copiesStaff.token);
    expect(nextDay.data.dailyReconciliation).toMatchObject({ count: 0, totalFen: 0, byService: [], byTaker: [] });
  });

  it("a payment after 16:00 UTC belongs to the next local day", async () => {
    hall.hall.services.clock.set(new Date("2026-12-04T16:30:00Z"));
    try {
      const late = await record({ serviceCode: "t-copy", studentNo: payer.studentNo }, cashier.token);
      expect(late.data.recordFee.serviceDay).toBe("2026-12-05");
    } finally {
      hall.hall.services.clock.set(NOON);
    }
  });

  it("staff read their own department's fees and figures; supervisors read any; others are refused", async () => {
    const supervisor = await hall.account({ account: "fee-supervisor", role: "SUPERVISOR", name: "督导" });
    expect((await hall.gql(RECONCILE, { d: COPIES.code, day: DAY }, supervisor.token)).data.dailyReconciliation.count).toBe(2);
    expect(codeOf(await hall.gql(RECONCILE, { d: COPIES.code, day: DAY }, photosStaff.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(FEES, { d: COPIES.code, day: DAY }, photosStaff.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(FEES, { d: COPIES.code, day: DAY }, cashier.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(FEES, { d: COPIES.code, day: DAY }, payer.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(FEES, { d: COPIES.code, day: DAY }))).toBe("UNAUTHENTICATED");
    const badDay = await hall.gql(RECONCILE, { d: COPIES.code, day: "2026-02-30" }, copiesStaff.token);
    expect(badDay.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "day" });
  });

  it("the day's fees come in pages, in receipt order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const reply: any = await hall.gql(FEES, { d: PHOTOS.code, day: DAY, first: 8, after }, photosStaff.token);
      seen.push(...reply.data.fees.nodes.map((f: { receiptNo: string }) => f.receiptNo));
      if (!reply.data.fees.pageInfo.hasNextPage) break;
      after = reply.data.fees.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 21 }, (_, i) => `TP2026-${String(i + 1).padStart(6, "0")}`));
  });

  it("a student sees what they paid and nobody else's payments", async () => {
    const other = await student(hall);
    await record({ serviceCode: "t-copy", studentNo: other.studentNo }, cashier.token);
    const mine = await hall.gql(`{ myFees(first: 100) { nodes { payerStudentNo } } }`, {}, payer.token);
    const numbers = new Set(mine.data.myFees.nodes.map((f: { payerStudentNo: string }) => f.payerStudentNo));
    expect([...numbers]).toEqual([payer.studentNo]);
    const theirs = await hall.gql(`{ myFees { nodes { payerStudentNo amountFen } } }`, {}, other.token);
    expect(theirs.data.myFees.nodes).toEqual([{ payerStudentNo: other.studentNo, amountFen: 50 }]);
  });
});
