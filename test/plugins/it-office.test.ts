import { addWindow, codeOf, signOn, student, volunteer } from "../support/front-line";
import { otherDepartmentStaff } from "../support/other-department";
import { pluginsEnabled, startTestHall, type TestHall } from "../support/test-hall";

// A Wednesday and a Saturday in March 2026, with no holiday near: 10:00 in Shanghai.
const WEDNESDAY = new Date("2026-03-11T02:00:00Z");
const THURSDAY = new Date("2026-03-12T02:00:00Z");
const SATURDAY = new Date("2026-03-14T02:00:00Z");
const MONDAY_OPENING = "2026-03-16T01:00:00.000Z";

const ACCOUNT = `{ myYibanAccount { studentNo points pages todayPrintCode { code serviceDay usedAt }
  ledger(first: 50) { nodes { kind points pages note } pageInfo { hasNextPage } } } }`;
const CREDIT = `mutation($s: String!, $p: Int!, $n: String!){ creditYibanPoints(studentNo:$s, points:$p, note:$n){ points pages } }`;
const EXCHANGE = `mutation($b: Int!){ exchangePrintPages(bundles:$b){ points pages } }`;
const ISSUE = `mutation { issuePrintCode { code serviceDay usedAt } }`;
const USE = `mutation($c: String!, $p: Int!){ usePrintCode(code:$c, pages:$p){
  pagesLeft printCode { code usedAt pagesPrinted usedByBadgeNo } } }`;

(pluginsEnabled("it-office") ? describe : describe.skip)("Yiban printing at the IT Office", () => {
  let hall: TestHall;
  let itStaff: { token: string };
  let desk: Awaited<ReturnType<typeof volunteer>>;

  beforeAll(async () => {
    // The brochure's hours, so that printing on a Saturday is refused.
    hall = await startTestHall({ env: { HALL_OPENING_HOURS: "Mon-Fri 09:00-19:30" } });
    hall.hall.services.clock.set(WEDNESDAY);
    itStaff = await hall.account({ account: "it-staff", role: "STAFF", name: "信息办老师", department: "it-office" });
    const windowId = await addWindow(hall, "F1", "it-office", ["yiban-printing"]);
    desk = await volunteer(hall);
    await signOn(hall, desk.token, windowId);
  });
  afterEach(() => hall.hall.services.clock.set(WEDNESDAY));
  afterAll(() => hall.stop());

  async function studentWith(points: number) {
    const s = await student(hall);
    if (points > 0) {
      const credited = await hall.gql(CREDIT, { s: s.studentNo, p: points, n: "易班活动奖励" }, itStaff.token);
      expect(credited.errors).toBeUndefined();
    }
    return s;
  }

  it("IT staff credit points and the student exchanges 80 of them for 20 pages; the ledger explains the balance", async () => {
    const s = await studentWith(200);
    const exchanged = await hall.gql(EXCHANGE, { b: 2 }, s.token);
    expect(exchanged.data.exchangePrintPages).toEqual({ points: 40, pages: 40 });

    const account = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    expect(account).toMatchObject({ studentNo: s.studentNo, points: 40, pages: 40, todayPrintCode: null });
    expect(account.ledger.nodes).toEqual(
      expect.arrayContaining([
        { kind: "CREDIT", points: 200, pages: 0, note: "易班活动奖励" },
        { kind: "EXCHANGE", points: -160, pages: 40, note: "2 × 20 pages" },
      ]),
    );
  });

  it("an exchange without enough points is refused whole, naming the shortfall, and changes nothing", async () => {
    const s = await studentWith(100);
    const refused = await hall.gql(EXCHANGE, { b: 2 }, s.token);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect(refused.errors![0].message).toMatch(/160 points; you have 100, 60 short/);
    expect(refused.errors![0].extensions).toMatchObject({ field: "bundles", needed: 160, have: 100, shortfall: 60 });

    const account = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    expect(account).toMatchObject({ points: 100, pages: 0 });
    expect(account.ledger.nodes).toHaveLength(1);

    const nobody = await student(hall);
    expect(codeOf(await hall.gql(EXCHANGE, { b: 1 }, nobody.token))).toBe("CONFLICT");
  });

  it("bad input is refused naming the field", async () => {
    const s = await studentWith(80);
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [EXCHANGE, { b: 0 }, s.token, "bundles"],
      [EXCHANGE, { b: 51 }, s.token, "bundles"],
      [CREDIT, { s: s.studentNo, p: 0, n: "x" }, itStaff.token, "points"],
      [CREDIT, { s: s.studentNo, p: 10, n: "  " }, itStaff.token, "note"],
      [CREDIT, { s: "no such/number", p: 10, n: "x" }, itStaff.token, "studentNo"],
      [USE, { c: "ABCD2345", p: 0 }, itStaff.token, "pages"],
      [USE, { c: "??", p: 1 }, itStaff.token, "code"],
    ];
    for (const [query, variables, token, field] of cases) {
      const reply = await hall.gql(query, variables, token);
      expect({ field, code: codeOf(reply), at: reply.errors?.[0].extensions?.field }).toEqual({
        field,
        code: "BAD_USER_INPUT",
        at: field,
      });
    }
    expect(codeOf(await hall.gql(CREDIT, { s: "20269999999", p: 10, n: "x" }, itStaff.token))).toBe("NOT_FOUND");
  });

  it("a second print code on one day is refused; the next day brings a new one", async () => {
    const s = await studentWith(0);
    const first = await hall.gql(ISSUE, {}, s.token);
    expect(first.data.issuePrintCode).toMatchObject({ serviceDay: "2026-03-11", usedAt: null });
    expect(first.data.issuePrintCode.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);

    const second = await hall.gql(ISSUE, {}, s.token);
    expect(codeOf(second)).toBe("CONFLICT");
    expect(second.errors![0].message).toMatch(/one a day/);

    const account = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    expect(account.todayPrintCode.code).toBe(first.data.issuePrintCode.code);

    hall.hall.services.clock.set(THURSDAY);
    const tomorrow = await hall.gql(ISSUE, {}, s.token);
    expect(tomorrow.data.issuePrintCode.serviceDay).toBe("2026-03-12");
    expect(tomorrow.data.issuePrintCode.code).not.toBe(first.data.issuePrintCode.code);
  });

  it("the print desk prints on today's code once, taking the pages from the quota", async () => {
    const s = await studentWith(80);
    await hall.gql(EXCHANGE, { b: 1 }, s.token);
    const { code } = (await hall.gql(ISSUE, {}, s.token)).data.issuePrintCode;

    // Typed in lower case with a dash, as people do at a terminal.
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const printed = await hall.gql(USE, { c: typed, p: 12 }, desk.token);
    expect(printed.errors).toBeUndefined();
    expect(printed.data.usePrintCode).toMatchObject({
      pagesLeft: 8,
      printCode: { code, pagesPrinted: 12, usedByBadgeNo: desk.badgeNo },
    });

    const again = await hall.gql(USE, { c: code, p: 1 }, itStaff.token);
    expect(codeOf(again)).toBe("CONFLICT");
    expect(again.errors![0].message).toMatch(/used already/);
    const account = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    expect(account).toMatchObject({ points: 0, pages: 8 });
    expect(account.ledger.nodes[0]).toEqual({ kind: "PRINT", points: 0, pages: -12, note: `print code ${code}` });
  });

  it("a code is valid on its own day only, and a print beyond the quota leaves the code unused", async () => {
    const s = await studentWith(80);
    await hall.gql(EXCHANGE, { b: 1 }, s.token);
    const { code } = (await hall.gql(ISSUE, {}, s.token)).data.issuePrintCode;

    const tooMany = await hall.gql(USE, { c: code, p: 21 }, desk.token);
    expect(codeOf(tooMany)).toBe("CONFLICT");
    expect(tooMany.errors![0].extensions).toMatchObject({ field: "pages", shortfall: 1 });
    const still = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    expect(still).toMatchObject({ pages: 20, todayPrintCode: { code, usedAt: null } });

    hall.hall.services.clock.set(THURSDAY);
    const stale = await hall.gql(USE, { c: code, p: 1 }, desk.token);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect(stale.errors![0].message).toMatch(/was for 2026-03-11/);

    expect(codeOf(await hall.gql(USE, { c: "ZZZZ2222", p: 1 }, desk.token))).toBe("NOT_FOUND");
  });

  it("printing outside the desk's hours is refused with the next opening", async () => {
    const s = await studentWith(80);
    await hall.gql(EXCHANGE, { b: 1 }, s.token);
    hall.hall.services.clock.set(SATURDAY);
    const { code } = (await hall.gql(ISSUE, {}, s.token)).data.issuePrintCode;
    const closed = await hall.gql(USE, { c: code, p: 1 }, desk.token);
    expect(codeOf(closed)).toBe("OUTSIDE_SERVICE_HOURS");
    expect(closed.errors![0].extensions!.nextOpening).toBe(MONDAY_OPENING);
  });

  it("only the print desk prints, only IT staff credit, and a student reads only their own account", async () => {
    const s = await studentWith(80);
    const { code } = (await hall.gql(ISSUE, {}, s.token)).data.issuePrintCode;
    const offDuty = await volunteer(hall);
    const outsider = await otherDepartmentStaff(hall, "it-office", "it-test-outsider");

    expect(codeOf(await hall.gql(USE, { c: code, p: 1 }, offDuty.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(USE, { c: code, p: 1 }, s.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(CREDIT, { s: s.studentNo, p: 10, n: "x" }, s.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(CREDIT, { s: s.studentNo, p: 10, n: "x" }, desk.token))).toBe("FORBIDDEN");

    const other = await student(hall);
    const peek = `query($s: String!){ yibanAccount(studentNo:$s){ points } }`;
    expect(codeOf(await hall.gql(peek, { s: s.studentNo }, other.token))).toBe("FORBIDDEN");
    expect((await hall.gql(peek, { s: s.studentNo }, itStaff.token)).data.yibanAccount).toEqual({ points: 80 });
    expect((await hall.gql(ACCOUNT, {}, other.token)).data.myYibanAccount).toMatchObject({ points: 0, pages: 0 });
    expect(codeOf(await hall.gql(`{ myYibanAccount { points } }`))).toBe("UNAUTHENTICATED");
    if (outsider) {
      expect(codeOf(await hall.gql(USE, { c: code, p: 1 }, outsider.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(CREDIT, { s: s.studentNo, p: 10, n: "x" }, outsider.token))).toBe("FORBIDDEN");
      expect(codeOf(await hall.gql(peek, { s: s.studentNo }, outsider.token))).toBe("FORBIDDEN");
    }
  });

  it("IT staff see the day's print codes, a page at a time", async () => {
    hall.hall.services.clock.set(new Date("2026-03-13T02:00:00Z"));
    for (let i = 0; i < 3; i++) await hall.gql(ISSUE, {}, (await student(hall)).token);
    const q = `query($a: String){ yibanPrintCodes(day: "2026-03-13", first: 2, after: $a){
      nodes { code studentNo } pageInfo { endCursor hasNextPage } } }`;
    const one = (await hall.gql(q, {}, itStaff.token)).data.yibanPrintCodes;
    const two = (await hall.gql(q, { a: one.pageInfo.endCursor }, itStaff.token)).data.yibanPrintCodes;
    expect(one.nodes).toHaveLength(2);
    expect(one.pageInfo.hasNextPage).toBe(true);
    expect(two.nodes).toHaveLength(1);
    expect(new Set([...one.nodes, ...two.nodes].map((n: { code: string }) => n.code)).size).toBe(3);
    expect(codeOf(await hall.gql(`{ yibanPrintCodes(day: "13/03/2026") { nodes { code } } }`, {}, itStaff.token))).toBe(
      "BAD_USER_INPUT",
    );
  });

  it(`50 concurrent print-code and page requests by one student never spend more than the balance (${process.env.TEST_DATABASE_URL ? "MySQL" : "SQLite"})`, async () => {
    const s = await studentWith(200);

    // Round one: 25 code requests and 25 one-bundle exchanges at once. 200 points buy two
    // bundles, and there is one code a day.
    const first = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? hall.gql(ISSUE, {}, s.token) : hall.gql(EXCHANGE, { b: 1 }, s.token))),
    );
    const codes = first.filter((r) => r.data?.issuePrintCode);
    const exchanges = first.filter((r) => r.data?.exchangePrintPages);
    expect(codes).toHaveLength(1);
    expect(exchanges).toHaveLength(2);
    expect(first.filter((r) => r.errors).map(codeOf)).toEqual(Array(47).fill("CONFLICT"));
    const code = codes[0].data.issuePrintCode.code;

    // Round two: 140 points (one more bundle) and 40 pages; 25 exchanges and 25 prints of 50
    // pages on today's code race. At most one exchange and one print can win.
    await hall.gql(CREDIT, { s: s.studentNo, p: 100, n: "补发" }, itStaff.token);
    const second = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 ? hall.gql(USE, { c: code, p: 50 }, desk.token) : hall.gql(EXCHANGE, { b: 1 }, s.token),
      ),
    );
    expect(second.filter((r) => r.errors).map(codeOf).every((c) => c === "CONFLICT")).toBe(true);
    const prints = second.filter((r) => r.data?.usePrintCode);
    expect(second.filter((r) => r.data?.exchangePrintPages)).toHaveLength(1);
    expect(prints.length).toBeLessThanOrEqual(1);

    const account = (await hall.gql(ACCOUNT, {}, s.token)).data.myYibanAccount;
    const printed = prints.length * 50;
    expect(account.points).toBe(300 - 3 * 80);
    expect(account.pages).toBe(3 * 20 - printed);
    expect(account.pages).toBeGreaterThanOrEqual(0);
    // The balance is the ledger's sum, to the point and the page.
    const sum = (key: "points" | "pages") =>
      account.ledger.nodes.reduce((total: number, entry: Record<string, number>) => total + entry[key], 0);
    expect({ points: sum("points"), pages: sum("pages") }).toEqual({ points: account.points, pages: account.pages });
    expect(account.todayPrintCode.usedAt === null).toBe(prints.length === 0);
  });
});
