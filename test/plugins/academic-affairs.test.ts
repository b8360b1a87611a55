import { codeOf, student, volunteer } from "../support/front-line";
import { otherDepartmentStaff } from "../support/other-department";
import { pluginsEnabled, startTestHall, type TestHall } from "../support/test-hall";

// A Wednesday morning in March 2026; the enrolment certificate is promised in 1 working day.
const NOW = new Date("2026-03-11T02:00:00Z");

const REQUEST = `mutation($input: RequestAcademicDocumentInput!){ requestAcademicDocument(input:$input){
  id status caseId kind language copies verificationCode } }`;
const ISSUE = `mutation($input: IssueAcademicDocumentInput!){ issueAcademicDocument(input:$input){
  id status nameAsPrinted resultReference verificationCode issuedOn validUntil } }`;
const VERIFY = `query($c: String!){ verifyDocument(code:$c){ kind nameAsPrinted issuedOn validUntil validNow } }`;
const CASE = `query($id: ID!){ case(id:$id){ status serviceCode variantCode dueAt answer missingMaterials { name count } } }`;

const CERTIFICATE_ZH = [
  { name: "在读证明申请表", count: 1 },
  { name: "学生证", count: 1 },
];

(pluginsEnabled("academic-affairs") ? describe : describe.skip)("certificates and transcripts at Academic Affairs", () => {
  let hall: TestHall;
  let office: { token: string };

  beforeAll(async () => {
    hall = await startTestHall();
    hall.hall.services.clock.set(NOW);
    office = await hall.account({ account: "aa-staff", role: "STAFF", name: "教务老师", department: "academic-affairs" });
  });
  afterEach(() => hall.hall.services.clock.set(NOW));
  afterAll(() => hall.stop());

  async function requested(studentNo: string, token = office.token, extra: Record<string, unknown> = {}) {
    const reply = await hall.gql(
      REQUEST,
      { input: { kind: "ENROLMENT_CERTIFICATE", studentNo, language: "ZH", copies: 2, purpose: "签证", materialsReceived: CERTIFICATE_ZH, ...extra } },
      token,
    );
    expect(reply.errors).toBeUndefined();
    return reply.data.requestAcademicDocument;
  }

  async function issued(documentId: string, extra: Record<string, unknown> = {}) {
    const reply = await hall.gql(ISSUE, { input: { documentId, resultReference: "JW-2026/0001", ...extra } }, office.token);
    expect(reply.errors).toBeUndefined();
    return reply.data.issueAcademicDocument;
  }

  it("a request opens a PROMISED case; the office issues the document with a reference and a code, closing the case", async () => {
    const s = await student(hall);
    const document = await requested(s.studentNo);
    expect(document).toMatchObject({ status: "REQUESTED", kind: "ENROLMENT_CERTIFICATE", language: "ZH", copies: 2, verificationCode: null });
    const opened = (await hall.gql(CASE, { id: document.caseId }, office.token)).data.case;
    expect(opened).toMatchObject({ status: "OPEN", serviceCode: "enrolment-certificate", variantCode: "zh", missingMaterials: [] });
    expect(new Date(opened.dueAt).getTime()).toBeGreaterThan(NOW.getTime());

    const done = await issued(document.id, { validUntil: "2026-06-30" });
    expect(done).toMatchObject({
      status: "ISSUED",
      nameAsPrinted: expect.stringMatching(/^学生/),
      resultReference: "JW-2026/0001",
      issuedOn: "2026-03-11",
      validUntil: "2026-06-30",
    });
    expect(done.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const closed = (await hall.gql(CASE, { id: document.caseId }, s.token)).data.case;
    expect(closed).toMatchObject({ status: "CLOSED", answer: expect.stringContaining("JW-2026/0001") });

    const mine = await hall.gql(`{ myAcademicDocuments { nodes { id status verificationCode } } }`, {}, s.token);
    expect(mine.data.myAcademicDocuments.nodes).toEqual([{ id: document.id, status: "ISSUED", verificationCode: done.verificationCode }]);
    expect(codeOf(await hall.gql(ISSUE, { input: { documentId: document.id, resultReference: "X1" } }, office.token))).toBe("CONFLICT");
  });

  it("verifyDocument, for anyone, reveals only what the document states; an unknown code is null", async () => {
    const s = await student(hall);
    const document = await requested(s.studentNo);
    const done = await issued(document.id, { validUntil: "2026-03-31", nameAsPrinted: "张三" });

    const typed = done.verificationCode.replace(/-/g, "").toLowerCase();
    const reply = await hall.gql(VERIFY, { c: typed });
    expect(reply.data.verifyDocument).toEqual({
      kind: "ENROLMENT_CERTIFICATE",
      nameAsPrinted: "张三",
      issuedOn: "2026-03-11",
      validUntil: "2026-03-31",
      validNow: true,
    });
    // The type itself has nothing more to ask for: no ids, no student number, no reference.
    const shape = await hall.gql(`{ __type(name: "AcademicDocumentVerification") { fields { name } } }`);
    expect(shape.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      ["issuedOn", "kind", "nameAsPrinted", "validNow", "validUntil"],
    );
    const everything = JSON.stringify(reply);
    for (const secret of [s.studentNo, document.id, document.caseId, "JW-2026/0001"]) expect(everything).not.toContain(secret);

    expect((await hall.gql(VERIFY, { c: "2222-3333-4444" })).data.verifyDocument).toBeNull();
    expect((await hall.gql(VERIFY, { c: "not a code" })).data.verifyDocument).toBeNull();
    expect(codeOf(await hall.gql(VERIFY, { c: "x".repeat(65) }))).toBe("BAD_USER_INPUT");

    hall.hall.services.clock.set(new Date("2026-04-01T02:00:00Z"));
    expect((await hall.gql(VERIFY, { c: done.verificationCode })).data.verifyDocument.validNow).toBe(false);
  });

  it("a volunteer's request stays theirs until handed to the office, which then issues it", async () => {
    const s = await student(hall);
    const v = await volunteer(hall);
    const document = await requested(s.studentNo, v.token, { kind: "TRANSCRIPT", materialsReceived: [{ name: "成绩单申请表", count: 1 }, { name: "学生证", count: 1 }] });

    const notOwner = await hall.gql(ISSUE, { input: { documentId: document.id, resultReference: "CJ-1" } }, office.token);
    expect(codeOf(notOwner)).toBe("FORBIDDEN");
    const handed = await hall.gql(
      `mutation($c: ID!){ handOver(caseId:$c, toDepartment:"academic-affairs", reason:"盖章出具", materialsReceived:[]){ status } }`,
      { c: document.caseId },
      v.token,
    );
    expect(handed.errors).toBeUndefined();
    const pending = await hall.gql(ISSUE, { input: { documentId: document.id, resultReference: "CJ-1" } }, office.token);
    expect(codeOf(pending)).toBe("CONFLICT");
    await hall.gql(`mutation($c: ID!){ acceptCase(caseId:$c){ status } }`, { c: document.caseId }, office.token);

    const done = await issued(document.id);
    expect(done).toMatchObject({ status: "ISSUED", validUntil: null });
    expect((await hall.gql(VERIFY, { c: done.verificationCode })).data.verifyDocument).toMatchObject({
      kind: "TRANSCRIPT",
      validUntil: null,
      validNow: true,
    });
  });

  it("with materials missing the case waits and the document cannot be issued until they come", async () => {
    const s = await student(hall);
    const document = await requested(s.studentNo, office.token, { materialsReceived: [{ name: "学生证", count: 1 }] });
    expect((await hall.gql(CASE, { id: document.caseId }, office.token)).data.case).toMatchObject({
      status: "AWAITING_MATERIALS",
      dueAt: null,
      missingMaterials: [{ name: "在读证明申请表", count: 1 }],
    });
    const refused = await hall.gql(ISSUE, { input: { documentId: document.id, resultReference: "JW-2" } }, office.token);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0].message).toMatch(/在读证明申请表/);

    await hall.gql(
      `mutation($c: ID!){ receiveMaterials(caseId:$c, materials:[{ name: "在读证明申请表", count: 1 }]){ status } }`,
      { c: document.caseId },
      office.token,
    );
    expect((await issued(document.id)).status).toBe("ISSUED");
  });

  it("bad input names the field, and an English version needs the name as printed", async () => {
    const s = await student(hall);
    const base = { kind: "ENROLMENT_CERTIFICATE", studentNo: s.studentNo, language: "ZH", copies: 1 };
    for (const [change, field] of [
      [{ copies: 0 }, "copies"],
      [{ copies: 11 }, "copies"],
      [{ studentNo: "no/such" }, "studentNo"],
      [{ purpose: "x".repeat(201) }, "purpose"],
    ] as const) {
      const reply = await hall.gql(REQUEST, { input: { ...base, ...change } }, office.token);
      expect([field, codeOf(reply), reply.errors?.[0].extensions?.field]).toEqual([field, "BAD_USER_INPUT", field]);
    }

    const english = await requested(s.studentNo, office.token, {
      language: "EN",
      materialsReceived: [...CERTIFICATE_ZH, { name: "护照信息页复印件（用于核对英文姓名）", count: 1 }],
    });
    for (const [change, field] of [
      [{}, "nameAsPrinted"],
      [{ nameAsPrinted: "ZHANG San", resultReference: "no spaces" }, "resultReference"],
      [{ nameAsPrinted: "ZHANG San", validUntil: "2026-02-30" }, "validUntil"],
      [{ nameAsPrinted: "ZHANG San", validUntil: "2026-03-10" }, "validUntil"],
    ] as const) {
      const reply = await hall.gql(ISSUE, { input: { documentId: english.id, resultReference: "EN-1", ...change } }, office.token);
      expect([field, codeOf(reply), reply.errors?.[0].extensions?.field]).toEqual([field, "BAD_USER_INPUT", field]);
    }
    expect((await issued(english.id, { nameAsPrinted: "ZHANG San" })).nameAsPrinted).toBe("ZHANG San");
  });

  it("students see only their own documents; only the office issues and lists them", async () => {
    const [a, b] = [await student(hall), await student(hall)];
    const document = await requested(a.studentNo);
    const outsider = await otherDepartmentStaff(hall, "academic-affairs", "aa-outsider");
    const one = `query($id: ID!){ academicDocument(id:$id){ id studentNo } }`;

    expect((await hall.gql(one, { id: document.id }, a.token)).data.academicDocument).toEqual({ id: document.id, studentNo: a.studentNo });
    expect(codeOf(await hall.gql(one, { id: document.id }, b.token))).toBe("NOT_FOUND");
    expect(codeOf(await hall.gql(one, { id: "nonsense" }, office.token))).toBe("NOT_FOUND");
    expect((await hall.gql(`{ myAcademicDocuments { nodes { id } } }`, {}, b.token)).data.myAcademicDocuments.nodes).toEqual([]);

    const list = `{ academicDocuments(status: REQUESTED, first: 100) { nodes { id } } }`;
    expect((await hall.gql(list, {}, office.token)).data.academicDocuments.nodes).toContainEqual({ id: document.id });
    expect(codeOf(await hall.gql(list, {}, a.token))).toBe("FORBIDDEN");

    const input = { kind: "TRANSCRIPT", studentNo: a.studentNo, language: "ZH" };
    expect(codeOf(await hall.gql(REQUEST, { input }, a.token))).toBe("FORBIDDEN");
    const issue = { input: { documentId: document.id, resultReference: "X-1" } };
    expect(codeOf(await hall.gql(ISSUE, issue, a.token))).toBe("FORBIDDEN");
    if (outsider) {
      expect(codeOf(await hall.gql(one, { id: document.id }, outsider.token))).toBe("NOT_FOUND");
      expect(codeOf(await hall.gql(list, {}, outsider.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(REQUEST, { input }, outsider.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(ISSUE, issue, outsider.token))).toBe("FORBIDDEN");
    }
  });

  it("two issues of one document at once: one is issued, the other refused", async () => {
    const s = await student(hall);
    const document = await requested(s.studentNo);
    const replies = await Promise.all(
      ["R-1", "R-2", "R-3"].map((ref) => hall.gql(ISSUE, { input: { documentId: document.id, resultReference: ref } }, office.token)),
    );
    expect(replies.filter((r) => r.data?.issueAcademicDocument)).toHaveLength(1);
    expect(replies.filter((r) => r.errors).map(codeOf)).toEqual(["CONFLICT", "CONFLICT"]);
  });
});
