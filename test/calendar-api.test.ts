import { startTestHall, type TestHall } from "./support/test-hall";

describe("the hall calendar over the API", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it("from 09-30 to 10-10 there are three working days: 10-08, 10-09 and the make-up Saturday 10-10", async () => {
    // 10-01..10-07 closed, 10-08 Thu and 10-09 Fri worked, 10-10 Sat a make-up day.
    const reply = await hall.gql(`{ workingDaysBetween(from: "2026-09-30", to: "2026-10-10") }`);
    expect(reply.data.workingDaysBetween).toBe(3);
    const after = await hall.gql(`{ workingDayAfter(date: "2026-09-30", days: 3) }`);
    expect(after.data.workingDayAfter).toBe("2026-10-10");
  });

  it("a span of centuries is refused at once rather than walked day by day", async () => {
    const started = Date.now();
    const reply = await hall.gql(`{ workingDaysBetween(from: "2001-01-01", to: "2099-12-31") }`);
    expect(reply.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const ancient = await hall.gql(`{ workingDaysBetween(from: "0001-01-01", to: "0002-01-01") }`);
    expect(ancient.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a password of spaces and a name of spaces are refused, naming the field", async () => {
    const create = (input: Record<string, unknown>) =>
      hall.gql(`mutation($input: CreateAccountInput!){ createAccount(input:$input){ id } }`, { input }, hall.adminToken);
    const blanks = await create({ account: "blank-pass", password: "        ", role: "SUPERVISOR", name: "王" });
    expect(blanks.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "password" });
    const noName = await create({ account: "blank-name", password: "password-123", role: "SUPERVISOR", name: "  " });
    expect(noName.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "name" });
    const list = await hall.gql(`{ accounts(first: 100) { nodes { account } } }`, {}, hall.adminToken);
    expect(list.data.accounts.nodes.map((a: { account: string }) => a.account)).not.toContain("blank-pass");
  });
});
