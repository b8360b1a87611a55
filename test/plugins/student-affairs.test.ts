import type { Logger as TypeOrmLogger } from "typeorm";
import { offeredPlugins } from "../../src/plugins";
import { catalogue } from "../../src/plugins/student-affairs/catalogue";
import { studentAffairs } from "../../src/plugins/student-affairs/services/student-affairs";
import { lostAndFoundPlugin } from "../fixtures/lost-and-found.plugin";
import { addWindow, codeOf, signOn, student, volunteer } from "../support/front-line";
import { jpeg, png } from "../support/photos";
import { pluginsEnabled, startTestHall, type TestHall } from "../support/test-hall";

/**
 * The Student Affairs Department's own business over the API: student ID booklets, the
 * evaluation booklet, scholarship and aid batches, the stamp register and the employment
 * report certificate. The lost-and-found fixture runs beside it, so another department's
 * staff exist to be refused whichever PLUGINS runs.
 *
 * The clock is pinned to Tuesday 2026-12-08, 10:00 in Shanghai.
 */
const NOW = new Date("2026-12-08T02:00:00Z");
const DAY = "2026-12-08";
const days = (n: number) => new Date(NOW.getTime() + n * 86400_000).toISOString();

const b64 = (bytes: Buffer) => bytes.toString("base64");
const PHOTO = b64(png(295, 413));

const APPLY = `mutation($input: StudentIdReplacementInput!){ applyForStudentIdReplacement(input:$input){
  id studentNo reason status receiptNo promisedReadyAt submittedAt submittedByBadgeNo
  photo { mimeType width height byteSize sha256 } } }`;
const READY = `mutation($id: ID!){ markStudentIdReady(applicationId:$id){ id status readyAt } }`;
const PICK_UP = `mutation($id: ID!){ handOverStudentId(applicationId:$id){ id status pickedUpAt handedOverByBadgeNo } }`;
const APPLICATION = `query($id: ID!){ studentIdApplication(id:$id){ id status receiptNo } }`;
const REGISTER = `mutation($n: String!, $t: String!){ registerStudentId(studentNo:$n, term:$t){ id studentNo term registeredByBadgeNo } }`;
const FEES = `query($day: String!){ fees(department:"student-affairs", day:$day, first:100){ nodes { receiptNo serviceCode amountFen payerStudentNo reference } } }`;
const BOOKLET = `mutation($n: String!, $r: String!){ replaceEvaluationBooklet(studentNo:$n, reason:$r){ id studentNo receiptNo amountFen handedOutByBadgeNo } }`;
const CREATE_BATCH = `mutation($input: AidBatchInput!){ createAidBatch(input:$input){ id title isOpen requiredMaterials } }`;
const COLLECT = `mutation($b: ID!, $n: String!, $m: [MaterialCountInput!]!){ collectAidMaterials(batchId:$b, studentNo:$n, materials:$m){
  id complete materials { name count } batch { title } } }`;
const HAND_OUT = `mutation($b: ID!, $n: String!, $note: String!){ handOutAid(batchId:$b, studentNo:$n, note:$note){ id handedOutAt handedOutNote } }`;
const STAMP = `mutation($n: String!, $r: String){ stampRecommendationForm(studentNo:$n, reason:$r){ id kind studentNo document reason stampedBy } }`;
const ENDORSE = `mutation($input: EmploymentAgreementInput!){ endorseEmploymentAgreement(input:$input){ id kind agreementNo employerName document reason } }`;
const ISSUE = `mutation($input: ReportCertificateInput!){ issueReportCertificate(input:$input){
  id studentNo variantCode employerName materials { name count } eligibility { originOutsideCity } issuedBy } }`;

/** The materials of a report certificate kind, exactly as the catalogue lists them. */
function materialsOf(kind: string) {
  const service = catalogue.find((s) => s.code === "employment-report-certificate")!;
  return service.variants!.find((v) => v.code === kind)!.materials.map((m) => ({ name: m.name, count: m.count }));
}

const ELIGIBLE = { originOutsideCity: true, hasLocalHukou: false, canPrintLocalEmployerHeader: false };

/** Counts SQL statements on the department's tables, to see nested fields batched. */
class TableCounter implements TypeOrmLogger {
  readonly seen: string[] = [];
  logQuery(query: string) {
    this.seen.push(query);
  }
  count(table: string) {
    return this.seen.filter((q) => q.startsWith("SELECT") && new RegExp(`FROM [\`"]${table}[\`"]`).test(q)).length;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

function withOtherDesk() {
  const loaded = process.env.PLUGINS?.split(",").map((c) => c.trim()).filter(Boolean) ?? offeredPlugins.map((p) => p.code);
  return { offered: [...offeredPlugins, lostAndFoundPlugin], plugins: [...loaded, lostAndFoundPlugin.code] };
}

(pluginsEnabled("student-affairs") ? describe : describe.skip)("the Student Affairs Department", () => {
  const sql = new TableCounter();
  let hall: TestHall;
  let staff: { token: string };
  let desk: Awaited<ReturnType<typeof volunteer>>;
  let offDuty: Awaited<ReturnType<typeof volunteer>>;
  let otherStaff: { token: string };
  let supervisor: { token: string };

  beforeAll(async () => {
    hall = await startTestHall({ ...withOtherDesk(), sqlLogger: sql });
    hall.hall.services.clock.set(NOW);
    staff = await hall.account({ account: "sa-staff", role: "STAFF", name: "学工老师", department: "student-affairs" });
    otherStaff = await hall.account({ account: "lf-staff", role: "STAFF", name: "失物老师", department: "lost-and-found" });
    supervisor = await hall.account({ account: "sa-supervisor", role: "SUPERVISOR", name: "督导" });
    const windowId = await addWindow(hall, "A1", "student-affairs", ["student-id-replacement", "student-id-registration"]);
    desk = await volunteer(hall);
    await signOn(hall, desk.token, windowId);
    offDuty = await volunteer(hall);
  });
  afterAll(() => hall.stop());

  const feesToday = async () => (await hall.gql(FEES, { day: DAY }, staff.token)).data.fees.nodes as Array<Record<string, any>>;

  describe("student ID registration each term", () => {
    it("the window stamps a booklet once per term; the student sees it", async () => {
      const s = await student(hall);
      const first = await hall.gql(REGISTER, { n: s.studentNo, t: "2026-2027-1" }, desk.token);
      expect(first.data.registerStudentId).toMatchObject({ studentNo: s.studentNo, term: "2026-2027-1", registeredByBadgeNo: desk.badgeNo });
      const again = await hall.gql(REGISTER, { n: s.studentNo, t: "2026-2027-1" }, staff.token);
      expect(again.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "term" });
      expect((await hall.gql(REGISTER, { n: s.studentNo, t: "2026-2027-2" }, staff.token)).errors).toBeUndefined();

      const mine = await hall.gql(`{ myStudentIdRegistrations { nodes { term } } }`, {}, s.token);
      expect(mine.data.myStudentIdRegistrations.nodes.map((r: { term: string }) => r.term).sort()).toEqual(["2026-2027-1", "2026-2027-2"]);
      const byTerm = await hall.gql(`{ studentIdRegistrations(term: "2026-2027-1") { nodes { studentNo } } }`, {}, staff.token);
      expect(byTerm.data.studentIdRegistrations.nodes).toEqual([{ studentNo: s.studentNo }]);
    });

    it("a malformed term, an unknown student and callers who are not at the desk are refused", async () => {
      const s = await student(hall);
      expect((await hall.gql(REGISTER, { n: s.studentNo, t: "2026-2028-1" }, desk.token)).errors![0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "term",
      });
      expect((await hall.gql(REGISTER, { n: "20990000", t: "2026-2027-1" }, desk.token)).errors![0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "studentNo",
      });
      for (const token of [s.token, offDuty.token, otherStaff.token, supervisor.token]) {
        expect(codeOf(await hall.gql(REGISTER, { n: s.studentNo, t: "2026-2027-1" }, token))).toBe("FORBIDDEN");
      }
      const list = await hall.gql(`{ studentIdRegistrations(term: "2026-2027-1") { nodes { studentNo } } }`, {}, otherStaff.token);
      expect(codeOf(list)).toBe("FORBIDDEN");
    });
  });

  describe("student ID replacement", () => {
    it("the window takes form, photo and ¥2 in one go; the student follows it to pickup", async () => {
      const s = await student(hall);
      const applied = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: PHOTO } }, desk.token);
      expect(applied.errors).toBeUndefined();
      const application = applied.data.applyForStudentIdReplacement;
      expect(application).toMatchObject({
        studentNo: s.studentNo,
        status: "SUBMITTED",
        receiptNo: expect.stringMatching(/^A2026-\d{6}$/),
        submittedByBadgeNo: desk.badgeNo,
        photo: { mimeType: "image/png", width: 295, height: 413 },
      });
      expect(new Date(application.promisedReadyAt).getTime()).toBeGreaterThan(NOW.getTime());

      const fee = (await feesToday()).find((f) => f.receiptNo === application.receiptNo);
      expect(fee).toEqual({
        receiptNo: application.receiptNo,
        serviceCode: "student-id-replacement",
        amountFen: 200,
        payerStudentNo: s.studentNo,
        reference: `student-id-application:${application.id}`,
      });

      const early = await hall.gql(PICK_UP, { id: application.id }, desk.token);
      expect(codeOf(early)).toBe("CONFLICT");
      expect(early.errors![0].message).toContain("not ready");
      expect(codeOf(await hall.gql(READY, { id: application.id }, desk.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(READY, { id: application.id }, otherStaff.token))).toBe("FORBIDDEN");
      expect((await hall.gql(READY, { id: application.id }, staff.token)).data.markStudentIdReady.status).toBe("READY");
      expect(codeOf(await hall.gql(READY, { id: application.id }, staff.token))).toBe("CONFLICT");
      expect((await hall.gql(APPLICATION, { id: application.id }, s.token)).data.studentIdApplication.status).toBe("READY");

      const picked = await hall.gql(PICK_UP, { id: application.id }, desk.token);
      expect(picked.data.handOverStudentId).toMatchObject({ status: "PICKED_UP", handedOverByBadgeNo: desk.badgeNo });
      expect(codeOf(await hall.gql(PICK_UP, { id: application.id }, desk.token))).toBe("CONFLICT");
      expect(codeOf(await hall.gql(READY, { id: application.id }, staff.token))).toBe("CONFLICT");

      const mine = await hall.gql(`{ myStudentIdApplications { nodes { id status } } }`, {}, s.token);
      expect(mine.data.myStudentIdApplications.nodes).toEqual([{ id: application.id, status: "PICKED_UP" }]);
      const again = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: PHOTO } }, desk.token);
      expect(again.data.applyForStudentIdReplacement.status).toBe("SUBMITTED");
    });

    it("the department reads the photo back to print the booklet", async () => {
      const s = await student(hall);
      const photo = png(250, 350, { padTo: 200_000 });
      const applied = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: b64(photo) } }, staff.token);
      const read = await hall.gql(
        `query($id: ID!){ studentIdApplication(id:$id){ photo { byteSize dataBase64 } } }`,
        { id: applied.data.applyForStudentIdReplacement.id },
        staff.token,
      );
      expect(read.data.studentIdApplication.photo.byteSize).toBe(200_000);
      expect(Buffer.from(read.data.studentIdApplication.photo.dataBase64, "base64").equals(photo)).toBe(true);
    });

    it("students see only their own applications, other departments none", async () => {
      const owner = await student(hall);
      const other = await student(hall);
      const applied = await hall.gql(APPLY, { input: { studentNo: owner.studentNo, reason: "LOST", photoBase64: PHOTO } }, desk.token);
      const id = applied.data.applyForStudentIdReplacement.id;
      expect(codeOf(await hall.gql(APPLICATION, { id }, other.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(APPLICATION, { id }, otherStaff.token))).toBe("NOT_FOUND");
      expect((await hall.gql(APPLICATION, { id }, supervisor.token)).data.studentIdApplication.id).toBe(id);
      expect((await hall.gql(`{ myStudentIdApplications { nodes { id } } }`, {}, other.token)).data.myStudentIdApplications.nodes).toEqual([]);
      expect(codeOf(await hall.gql(`{ studentIdApplications { nodes { id } } }`, {}, other.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ studentIdApplications { nodes { id } } }`, {}, otherStaff.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ studentIdApplications { nodes { id } } }`, {}, offDuty.token))).toBe("FORBIDDEN");
    });

    it("one booklet at a time: a second application while one is made is refused without a second fee", async () => {
      const s = await student(hall);
      const before = (await feesToday()).length;
      const [a, b] = await Promise.all([
        hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: PHOTO } }, desk.token),
        hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: PHOTO } }, staff.token),
      ]);
      const codes = [a, b].map((r) => codeOf(r) ?? "OK").sort();
      expect(codes).toEqual(["CONFLICT", "OK"]);
      expect((await feesToday()).length).toBe(before + 1);
    });

    it("a damaged booklet must be handed in with the application", async () => {
      const s = await student(hall);
      const reply = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "DAMAGED", photoBase64: PHOTO } }, desk.token);
      expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "oldBookletReturned" });
      const ok = await hall.gql(
        APPLY,
        { input: { studentNo: s.studentNo, reason: "DAMAGED", oldBookletReturned: true, photoBase64: b64(jpeg(300, 420)) } },
        desk.token,
      );
      expect(ok.data.applyForStudentIdReplacement.photo).toMatchObject({ mimeType: "image/jpeg", width: 300, height: 420 });
    });

    it("a photo of the wrong type, shape or size is refused and nothing is recorded", async () => {
      const s = await student(hall);
      const before = (await feesToday()).length;
      const gif = Buffer.from("GIF89a\x01\0\x01\0\0\0\0;", "latin1");
      const refusals: Array<[string, string]> = [
        [b64(gif), "JPEG or PNG"],
        [`data:image/png;base64,${b64(gif)}`, "JPEG or PNG"],
        [b64(png(400, 400)), "5:7"],
        [b64(jpeg(420, 300)), "5:7"],
        [b64(png(295, 413, { badCrc: true })), "damaged"],
        ["%%% not base64 %%%", "base64"],
      ];
      for (const [photoBase64, words] of refusals) {
        const reply = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64 } }, desk.token);
        expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "photoBase64" });
        expect(reply.errors![0].message).toContain(words);
      }

      // Over 2 MB: the body fits the HTTP limit, and the photo check refuses it.
      const heavy = b64(png(295, 413, { padTo: 2 * 1024 * 1024 + 1 }));
      const reply = await hall.gql(APPLY, { input: { studentNo: s.studentNo, reason: "LOST", photoBase64: heavy } }, desk.token);
      expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "photoBase64" });
      expect(reply.errors![0].message).toContain("2 MB");
      expect((await feesToday()).length).toBe(before);
      expect((await hall.gql(`{ myStudentIdApplications { nodes { id } } }`, {}, s.token)).data.myStudentIdApplications.nodes).toEqual([]);
    });

    it("a photo of exactly 2 MB is stored whole (through the service, past the HTTP body limit)", async () => {
      const s = await student(hall);
      const photo = png(295, 413, { padTo: 2 * 1024 * 1024 });
      const { actor } = await hall.hall.services.accounts.actorFromToken(staff.token);
      const application = await studentAffairs(hall.hall.services).studentIds.applyForReplacement(actor, {
        studentNo: s.studentNo,
        reason: "LOST",
        photoBase64: b64(photo),
      });
      const bytes = await studentAffairs(hall.hall.services).studentIds.photoBytes([application.photoId]);
      expect(bytes.get(application.photoId)!.equals(photo)).toBe(true);
    });

    it("a page of applications loads its photos in one query", async () => {
      sql.seen.length = 0;
      const reply = await hall.gql(`{ studentIdApplications(first: 50) { nodes { id photo { width } } } }`, {}, staff.token);
      expect(reply.data.studentIdApplications.nodes.length).toBeGreaterThan(3);
      expect(sql.count("sa_student_id_photo")).toBe(1);
    });
  });

  describe("comprehensive-evaluation booklet replacement", () => {
    it("is handed out on the spot for ¥6 with a receipt", async () => {
      const s = await student(hall);
      const reply = await hall.gql(BOOKLET, { n: s.studentNo, r: "遗失" }, desk.token);
      expect(reply.data.replaceEvaluationBooklet).toMatchObject({
        studentNo: s.studentNo,
        amountFen: 600,
        receiptNo: expect.stringMatching(/^A2026-/),
        handedOutByBadgeNo: desk.badgeNo,
      });
      const fee = (await feesToday()).find((f) => f.receiptNo === reply.data.replaceEvaluationBooklet.receiptNo);
      expect(fee).toMatchObject({ serviceCode: "evaluation-booklet-replacement", amountFen: 600 });
      const mine = await hall.gql(`{ myEvaluationBookletReplacements { nodes { amountFen } } }`, {}, s.token);
      expect(mine.data.myEvaluationBookletReplacements.nodes).toEqual([{ amountFen: 600 }]);
    });

    it("needs a reason, and only the desk hands it out", async () => {
      const s = await student(hall);
      expect((await hall.gql(BOOKLET, { n: s.studentNo, r: "  " }, desk.token)).errors![0].extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "reason",
      });
      expect(codeOf(await hall.gql(BOOKLET, { n: s.studentNo, r: "遗失" }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(BOOKLET, { n: s.studentNo, r: "遗失" }, otherStaff.token))).toBe("FORBIDDEN");
    });

    it("the day's reconciliation counts the department's fees per service", async () => {
      const reply = await hall.gql(
        `{ dailyReconciliation(department: "student-affairs", day: "${DAY}") { count totalFen byService { serviceCode count totalFen } } }`,
        {},
        staff.token,
      );
      const figures = reply.data.dailyReconciliation;
      const byCode = Object.fromEntries(figures.byService.map((s: { serviceCode: string }) => [s.serviceCode, s]));
      expect(byCode["evaluation-booklet-replacement"]).toEqual({ serviceCode: "evaluation-booklet-replacement", count: 1, totalFen: 600 });
      expect(byCode["student-id-replacement"].totalFen).toBe(byCode["student-id-replacement"].count * 200);
      expect(figures.totalFen).toBe(600 + byCode["student-id-replacement"].totalFen);
    });
  });

  describe("scholarship and financial-aid batches", () => {
    const MATERIALS = ["国家助学金申请表", "家庭经济情况证明"];
    let batchId: string;

    beforeAll(async () => {
      const reply = await hall.gql(
        CREATE_BATCH,
        {
          input: {
            title: "2026-2027学年国家助学金",
            kind: "FINANCIAL_AID",
            academicYear: "2026-2027",
            opensAt: days(-1),
            closesAt: days(7),
            requiredMaterials: MATERIALS,
          },
        },
        staff.token,
      );
      expect(reply.errors).toBeUndefined();
      batchId = reply.data.createAidBatch.id;
      expect(reply.data.createAidBatch.isOpen).toBe(true);
    });

    it("only the department's staff open a batch, with a season that ends after it begins", async () => {
      const input = { title: "奖学金", kind: "SCHOLARSHIP", academicYear: "2026-2027", opensAt: days(1), closesAt: days(2), requiredMaterials: ["申请表"] };
      expect(codeOf(await hall.gql(CREATE_BATCH, { input }, desk.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CREATE_BATCH, { input }, otherStaff.token))).toBe("FORBIDDEN");
      const backwards = await hall.gql(CREATE_BATCH, { input: { ...input, closesAt: days(0) } }, staff.token);
      expect(backwards.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "closesAt" });
      const year = await hall.gql(CREATE_BATCH, { input: { ...input, academicYear: "2026-2028" } }, staff.token);
      expect(year.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "academicYear" });
    });

    it("materials add up per student until complete; what the batch does not ask for is refused", async () => {
      const s = await student(hall);
      const first = await hall.gql(COLLECT, { b: batchId, n: s.studentNo, m: [{ name: MATERIALS[0], count: 1 }] }, desk.token);
      expect(first.data.collectAidMaterials).toMatchObject({ complete: false, batch: { title: "2026-2027学年国家助学金" } });
      const wrong = await hall.gql(COLLECT, { b: batchId, n: s.studentNo, m: [{ name: "获奖证书", count: 1 }] }, desk.token);
      expect(wrong.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "materials" });
      const second = await hall.gql(COLLECT, { b: batchId, n: s.studentNo, m: [{ name: MATERIALS[1], count: 1 }] }, desk.token);
      expect(second.data.collectAidMaterials).toMatchObject({
        id: first.data.collectAidMaterials.id,
        complete: true,
        materials: [
          { name: MATERIALS[0], count: 1 },
          { name: MATERIALS[1], count: 1 },
        ],
      });

      const out = await hall.gql(HAND_OUT, { b: batchId, n: s.studentNo, note: "助学金发放通知书" }, desk.token);
      expect(out.data.handOutAid).toMatchObject({ handedOutNote: "助学金发放通知书" });
      expect(codeOf(await hall.gql(HAND_OUT, { b: batchId, n: s.studentNo, note: "再发一次" }, desk.token))).toBe("CONFLICT");
      const mine = await hall.gql(`{ myAidSubmissions { nodes { complete handedOutNote batch { title } } } }`, {}, s.token);
      expect(mine.data.myAidSubmissions.nodes).toEqual([
        { complete: true, handedOutNote: "助学金发放通知书", batch: { title: "2026-2027学年国家助学金" } },
      ]);
    });

    it("nothing is handed out against incomplete or missing materials", async () => {
      const partial = await student(hall);
      const none = await student(hall);
      await hall.gql(COLLECT, { b: batchId, n: partial.studentNo, m: [{ name: MATERIALS[0], count: 1 }] }, desk.token);
      const short = await hall.gql(HAND_OUT, { b: batchId, n: partial.studentNo, note: "证书" }, desk.token);
      expect(codeOf(short)).toBe("CONFLICT");
      expect(short.errors![0].message).toContain(MATERIALS[1]);
      expect(codeOf(await hall.gql(HAND_OUT, { b: batchId, n: none.studentNo, note: "证书" }, desk.token))).toBe("CONFLICT");
    });

    it("materials are taken only inside the season", async () => {
      const later = await hall.gql(
        CREATE_BATCH,
        { input: { title: "春季奖学金", kind: "SCHOLARSHIP", academicYear: "2026-2027", opensAt: days(30), closesAt: days(40), requiredMaterials: ["申请表"] } },
        staff.token,
      );
      const laterId = later.data.createAidBatch.id;
      const s = await student(hall);
      const early = await hall.gql(COLLECT, { b: laterId, n: s.studentNo, m: [{ name: "申请表", count: 1 }] }, desk.token);
      expect(codeOf(early)).toBe("CONFLICT");
      expect(early.errors![0].message).toContain("opens");

      const moved = await hall.gql(
        `mutation($b: ID!, $o: DateTimeISO!, $c: DateTimeISO!){ setAidBatchWindow(batchId:$b, opensAt:$o, closesAt:$c){ isOpen } }`,
        { b: laterId, o: days(-10), c: days(-1) },
        staff.token,
      );
      expect(moved.data.setAidBatchWindow.isOpen).toBe(false);
      const late = await hall.gql(COLLECT, { b: laterId, n: s.studentNo, m: [{ name: "申请表", count: 1 }] }, desk.token);
      expect(codeOf(late)).toBe("CONFLICT");
      expect(late.errors![0].message).toContain("closed");
    });

    it("each batch is counted: handed in, complete, handed out; figures for staff only, in one query", async () => {
      sql.seen.length = 0;
      const reply = await hall.gql(`{ aidBatches(first: 10) { nodes { id title counts { submissions complete incomplete handedOut } } } }`, {}, staff.token);
      expect(sql.count("sa_aid_submission")).toBe(1);
      const batches = reply.data.aidBatches.nodes;
      expect(batches.find((b: { id: string }) => b.id === batchId).counts).toEqual({ submissions: 2, complete: 1, incomplete: 1, handedOut: 1 });
      expect(batches.find((b: { title: string }) => b.title === "春季奖学金").counts).toEqual({ submissions: 0, complete: 0, incomplete: 0, handedOut: 0 });

      const s = await student(hall);
      const seen = await hall.gql(`{ aidBatches(openAt: "${NOW.toISOString()}") { nodes { id counts { submissions } } } }`, {}, s.token);
      expect(seen.data.aidBatches.nodes).toEqual([{ id: batchId, counts: null }]);
      expect(codeOf(await hall.gql(`query($b: ID!){ aidSubmissions(batchId:$b){ nodes { id } } }`, { b: batchId }, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`query($b: ID!){ aidSubmissions(batchId:$b){ nodes { id } } }`, { b: batchId }, otherStaff.token))).toBe("FORBIDDEN");
      const listed = await hall.gql(`query($b: ID!){ aidSubmissions(batchId:$b){ nodes { studentNo } } }`, { b: batchId }, supervisor.token);
      expect(listed.data.aidSubmissions.nodes).toHaveLength(2);
    });
  });

  describe("the stamp register", () => {
    it("a recommendation form is stamped on the spot; a second one needs a reason on record", async () => {
      const s = await student(hall);
      const first = await hall.gql(STAMP, { n: s.studentNo }, staff.token);
      expect(first.data.stampRecommendationForm).toMatchObject({
        kind: "GRADUATE_RECOMMENDATION",
        studentNo: s.studentNo,
        document: "毕业生推荐表",
        reason: null,
        stampedBy: "学工老师",
      });
      const again = await hall.gql(STAMP, { n: s.studentNo }, staff.token);
      expect(again.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "reason" });
      const reissued = await hall.gql(STAMP, { n: s.studentNo, r: "原表填写错误作废" }, staff.token);
      expect(reissued.data.stampRecommendationForm.reason).toBe("原表填写错误作废");

      const mine = await hall.gql(`{ myStampRegisterEntries { nodes { kind reason stampedBy } } }`, {}, s.token);
      expect(mine.data.myStampRegisterEntries.nodes).toHaveLength(2);
      expect(mine.data.myStampRegisterEntries.nodes.every((e: { stampedBy: string | null }) => e.stampedBy === null)).toBe(true);
    });

    it("the seal is the department staff's: volunteers and other departments are refused", async () => {
      const s = await student(hall);
      for (const token of [desk.token, otherStaff.token, s.token, supervisor.token]) {
        expect(codeOf(await hall.gql(STAMP, { n: s.studentNo }, token))).toBe("FORBIDDEN");
      }
    });

    it("an employment agreement is endorsed once; a graduate's second agreement needs the breach on record", async () => {
      const s = await student(hall);
      const other = await student(hall);
      const input = { studentNo: s.studentNo, agreementNo: "2026-310000-0001", employerName: "上海某某律师事务所" };
      const first = await hall.gql(ENDORSE, { input }, staff.token);
      expect(first.data.endorseEmploymentAgreement).toMatchObject({
        kind: "EMPLOYMENT_AGREEMENT",
        agreementNo: "2026-310000-0001",
        document: "就业协议书 2026-310000-0001（上海某某律师事务所）",
      });
      const sameAgreement = await hall.gql(ENDORSE, { input: { ...input, studentNo: other.studentNo } }, staff.token);
      expect(sameAgreement.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "agreementNo" });
      const secondJob = { ...input, agreementNo: "2026-310000-0002", employerName: "某某科技有限公司" };
      expect((await hall.gql(ENDORSE, { input: secondJob }, staff.token)).errors![0].extensions).toMatchObject({
        code: "CONFLICT",
        field: "reason",
      });
      const breach = await hall.gql(ENDORSE, { input: { ...secondJob, reason: "与原单位解约（违约）" } }, staff.token);
      expect(breach.data.endorseEmploymentAgreement.reason).toBe("与原单位解约（违约）");
      const badNumber = await hall.gql(ENDORSE, { input: { ...input, agreementNo: "no spaces" } }, staff.token);
      expect(badNumber.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "agreementNo" });
    });

    it("the register lists who stamped what for whom and when, for the department and supervisors", async () => {
      const reply = await hall.gql(`{ stampRegister(kind: EMPLOYMENT_AGREEMENT) { nodes { kind studentNo document stampedAt stampedBy } } }`, {}, supervisor.token);
      const entries = reply.data.stampRegister.nodes;
      expect(entries.length).toBe(2);
      expect(entries.every((e: { kind: string; stampedBy: string }) => e.kind === "EMPLOYMENT_AGREEMENT" && e.stampedBy === "学工老师")).toBe(true);
      const s = await student(hall);
      expect(codeOf(await hall.gql(`{ stampRegister { nodes { id } } }`, {}, s.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ stampRegister { nodes { id } } }`, {}, otherStaff.token))).toBe("FORBIDDEN");
    });
  });

  describe("the employment report certificate", () => {
    const issue = (input: Record<string, unknown>, token = staff.token) => hall.gql(ISSUE, { input }, token);

    it("a student who does not meet the brochure's condition is refused with the reason, and nothing is written", async () => {
      const s = await student(hall);
      const base = { studentNo: s.studentNo, variantCode: "first-print", materials: materialsOf("first-print"), employerName: "上海某某公司" };
      const local = await issue({ ...base, eligibility: { ...ELIGIBLE, originOutsideCity: false } });
      expect(local.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "eligibility.originOutsideCity" });
      expect(local.errors![0].message).toContain("outside the city");
      const hukou = await issue({ ...base, eligibility: { ...ELIGIBLE, hasLocalHukou: true } });
      expect(hukou.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "eligibility.hasLocalHukou" });
      const header = await issue({ ...base, eligibility: { ...ELIGIBLE, canPrintLocalEmployerHeader: true } });
      expect(header.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "eligibility.canPrintLocalEmployerHeader" });
      const listed = await hall.gql(`query($n: String){ reportCertificates(studentNo:$n){ nodes { id } } }`, { n: s.studentNo }, staff.token);
      expect(listed.data.reportCertificates.nodes).toEqual([]);
    });

    it("each kind needs its own materials and facts", async () => {
      const s = await student(hall);
      const short = await issue({
        studentNo: s.studentNo,
        variantCode: "first-print",
        eligibility: ELIGIBLE,
        materials: materialsOf("first-print").slice(1),
        employerName: "上海某某公司",
      });
      expect(short.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "materials" });
      expect(short.errors![0].message).toContain(materialsOf("first-print")[0].name);
      const noEmployer = await issue({ studentNo: s.studentNo, variantCode: "first-print", eligibility: ELIGIBLE, materials: materialsOf("first-print") });
      expect(noEmployer.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "employerName" });
      const unknown = await issue({ studentNo: s.studentNo, variantCode: "second-print", eligibility: ELIGIBLE, materials: [] });
      expect(unknown.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "variantCode" });
      const noCorrection = await issue({ studentNo: s.studentNo, variantCode: "error-reprint", eligibility: ELIGIBLE, materials: materialsOf("error-reprint") });
      expect(noCorrection.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "correction" });
    });

    it("a first print once, then reprints and a proof; a reprint without a first print is refused", async () => {
      const s = await student(hall);
      const never = await student(hall);
      const lostFirst = await issue({ studentNo: never.studentNo, variantCode: "lost-reprint", eligibility: ELIGIBLE, materials: materialsOf("lost-reprint") });
      expect(lostFirst.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "variantCode" });

      const printed = await issue({
        studentNo: s.studentNo,
        variantCode: "first-print",
        eligibility: ELIGIBLE,
        materials: materialsOf("first-print"),
        employerName: "上海某某公司",
      });
      expect(printed.data.issueReportCertificate).toMatchObject({
        variantCode: "first-print",
        employerName: "上海某某公司",
        eligibility: { originOutsideCity: true },
        issuedBy: "学工老师",
      });
      const twice = await issue({
        studentNo: s.studentNo,
        variantCode: "first-print",
        eligibility: ELIGIBLE,
        materials: materialsOf("first-print"),
        employerName: "上海某某公司",
      });
      expect(twice.errors![0].extensions).toMatchObject({ code: "CONFLICT", field: "variantCode" });

      const kinds: Array<[string, Record<string, unknown>]> = [
        ["lost-reprint", {}],
        ["error-reprint", { correction: "单位名称少一字，应为上海某某有限公司" }],
        ["redispatch-or-breach", { employerName: "杭州某某公司" }],
        ["printed-proof", { purpose: "办理落户" }],
      ];
      for (const [kind, extra] of kinds) {
        const reply = await issue({ studentNo: s.studentNo, variantCode: kind, eligibility: ELIGIBLE, materials: materialsOf(kind), ...extra });
        expect({ kind, errors: reply.errors }).toEqual({ kind, errors: undefined });
      }
      const mine = await hall.gql(`{ myReportCertificates(first: 10) { nodes { variantCode issuedBy } } }`, {}, s.token);
      expect(mine.data.myReportCertificates.nodes.map((r: { variantCode: string }) => r.variantCode).sort()).toEqual(
        ["error-reprint", "first-print", "lost-reprint", "printed-proof", "redispatch-or-breach"],
      );
      expect(mine.data.myReportCertificates.nodes[0].issuedBy).toBeNull();
    });

    it("only the department's staff print certificates", async () => {
      const s = await student(hall);
      const input = { studentNo: s.studentNo, variantCode: "first-print", eligibility: ELIGIBLE, materials: materialsOf("first-print"), employerName: "某公司" };
      for (const token of [desk.token, otherStaff.token, s.token]) expect(codeOf(await issue(input, token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(`{ reportCertificates { nodes { id } } }`, {}, s.token))).toBe("FORBIDDEN");
    });
  });
});
