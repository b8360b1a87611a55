import { ADMIN_PASSWORD, type GraphQLReply, startTestHall, type TestHall, describeWith } from "./support/test-hall";

const LOGIN = `mutation($a: String!, $p: String!) { login(account: $a, password: $p) { token expiresAt } }`;
const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { id account role name department badgeNo studentNo active }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateAccountInput!) {
  updateAccount(id: $id, input: $input) { id account role name department badgeNo studentNo active }
}`;
const DEACTIVATE = `mutation($id: ID!) { deactivateAccount(id: $id) { id active } }`;
const ME = `{ me { id account role name department badgeNo studentNo active } }`;
const ACCOUNTS = `query($first: Int, $after: String, $role: Role) {
  accounts(first: $first, after: $after, role: $role) {
    nodes { id account role }
    pageInfo { endCursor hasNextPage }
  }
}`;

describeWith("student-affairs", "logistics", "security", "it-office", "youth-league")("accounts and signing in", () => {
  let hall: TestHall;
  let serial = 0;
  /** A fresh account name per test, so tests stay independent within one hall. */
  const name = (stem: string) => `${stem}${++serial}`;

  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  async function accountNames(): Promise<string[]> {
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const reply: GraphQLReply = await hall.gql(ACCOUNTS, { first: 100, after }, hall.adminToken);
      names.push(...reply.data.accounts.nodes.map((a: { account: string }) => a.account));
      if (!reply.data.accounts.pageInfo.hasNextPage) return names;
      after = reply.data.accounts.pageInfo.endCursor;
    }
    throw new Error("more than 50 pages of accounts");
  }

  async function createAccount(input: Record<string, unknown>, token = hall.adminToken) {
    return hall.gql(CREATE, { input: { password: "password-123", name: "Someone", ...input } }, token);
  }

  async function post(headers: Record<string, string>, query: string) {
    const response = await fetch(hall.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  describe("signing in", () => {
    it("a right password gets a token and when it expires, and the token says who is calling", async () => {
      const before = Date.now();
      const reply = await hall.gql(LOGIN, { a: "admin", p: ADMIN_PASSWORD });
      expect(reply.errors).toBeUndefined();
      const { token, expiresAt } = reply.data.login;
      expect(token).toEqual(expect.any(String));
      // Tokens last 12 hours by default.
      const expires = Date.parse(expiresAt);
      expect(expires).toBeGreaterThan(before + 12 * 3600 * 1000 - 60_000);
      expect(expires).toBeLessThan(Date.now() + 12 * 3600 * 1000 + 60_000);

      const me = await hall.gql(ME, {}, token);
      expect(me.data.me).toMatchObject({ account: "admin", role: "ADMIN", active: true });
    });

    it("a wrong password and an unknown account get the same UNAUTHENTICATED answer", async () => {
      const student = name("wrongpw");
      await hall.account({ account: student, role: "STUDENT", name: "Li Lei", studentNo: name("2024") });

      const wrongPassword = await hall.gql(LOGIN, { a: student, p: "not-the-password" });
      const unknownAccount = await hall.gql(LOGIN, { a: name("nobody"), p: "not-the-password" });

      expect(wrongPassword.data).toBeNull();
      expect(wrongPassword.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      expect(unknownAccount.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      expect(unknownAccount.errors![0].message).toBe(wrongPassword.errors![0].message);
    });

    it.each([
      ["an account that exists", true],
      ["an account that does not exist", false],
    ])("repeated failed sign-ins for %s are slowed down", async (_what, exists) => {
      const account = name("guessed");
      if (exists) {
        await hall.account({ account, role: "STUDENT", name: "Han Meimei", studentNo: name("2025") });
      }
      const codes: string[] = [];
      let throttled: { extensions?: Record<string, any> } | undefined;
      for (let attempt = 0; attempt < 8 && !throttled; attempt++) {
        const reply = await hall.gql(LOGIN, { a: account, p: `guess-${attempt}` });
        const error = reply.errors![0];
        codes.push(error.extensions!.code);
        if (error.extensions!.code === "TOO_MANY_REQUESTS") throttled = error;
      }

      // Five free tries, then a wait before each further one.
      expect(codes.slice(0, 5)).toEqual(Array(5).fill("UNAUTHENTICATED"));
      expect(throttled).toBeDefined();
      expect(throttled!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    });

    it("while an account is slowed down, even its right password waits", async () => {
      const account = name("locked");
      await hall.account({
        account,
        role: "STUDENT",
        name: "Wei Hua",
        studentNo: name("2026"),
        password: "right-password",
      });
      for (let attempt = 0; attempt < 5; attempt++) await hall.gql(LOGIN, { a: account, p: "wrong-password" });

      const reply = await hall.gql(LOGIN, { a: account, p: "right-password" });
      expect(reply.errors![0].extensions!.code).toBe("TOO_MANY_REQUESTS");
    });
  });

  describe("making accounts", () => {
    it.each([
      ["STUDENT", { studentNo: "S-1001" }, { studentNo: "S-1001", badgeNo: null, department: null }],
      [
        "VOLUNTEER",
        { badgeNo: "V-017", studentNo: "S-1002", department: "student-affairs" },
        { badgeNo: "V-017", studentNo: "S-1002", department: "student-affairs" },
      ],
      ["STAFF", { department: "security" }, { department: "security", badgeNo: null, studentNo: null }],
      ["SUPERVISOR", {}, { department: null, badgeNo: null, studentNo: null }],
      ["ADMIN", {}, { department: null, badgeNo: null, studentNo: null }],
    ])("an admin makes a %s account with its identifier, and it can sign in", async (role, ids, stored) => {
      const account = name(role.toLowerCase());
      const reply = await createAccount({ account, role, name: "Zhang San", ...ids });

      expect(reply.errors).toBeUndefined();
      expect(reply.data.createAccount).toMatchObject({
        account,
        role,
        name: "Zhang San",
        active: true,
        ...stored,
      });
      const token = await hall.login(account, "password-123");
      expect((await hall.gql(ME, {}, token)).data.me).toMatchObject({ account, role, ...stored });
    });

    it("an identifier that does not belong to the role is not kept", async () => {
      const account = name("staffer");
      const reply = await createAccount({
        account,
        role: "STAFF",
        department: "logistics",
        badgeNo: "V-999",
        studentNo: "S-999",
      });
      expect(reply.data.createAccount).toMatchObject({
        department: "logistics",
        badgeNo: null,
        studentNo: null,
      });
    });

    it.each([
      ["a student without a student number", { role: "STUDENT" }, "studentNo"],
      ["a volunteer without a badge number", { role: "VOLUNTEER", studentNo: "S-2001" }, "badgeNo"],
      ["a staff member without a department", { role: "STAFF" }, "department"],
      [
        "a staff member of a department the hall does not have",
        { role: "STAFF", department: "catering" },
        "department",
      ],
      ["a password shorter than 8 characters", { role: "SUPERVISOR", password: "short" }, "password"],
      ["an account name with a space in it", { role: "SUPERVISOR", account: "two words" }, "account"],
    ])("%s is refused as BAD_USER_INPUT naming the field; nothing is written", async (_what, input, field) => {
      const before = await accountNames();
      const reply = await createAccount({ account: name("refused"), ...input });

      expect(reply.data).toBeNull();
      expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(reply.errors![0].message).not.toMatch(/Something went wrong/);
      expect(await accountNames()).toEqual(before);
    });

    it.each([
      ["account name", (taken: Taken) => ({ account: taken.account, role: "SUPERVISOR" }), "account"],
      ["badge number", (taken: Taken) => ({ role: "VOLUNTEER", badgeNo: taken.badgeNo }), "badgeNo"],
      ["student number", (taken: Taken) => ({ role: "STUDENT", studentNo: taken.studentNo }), "studentNo"],
    ])("a %s already in use is a CONFLICT, and nothing is written", async (_what, clash, field) => {
      const taken: Taken = { account: name("holder"), badgeNo: name("B-"), studentNo: name("N-") };
      await hall.account({ ...taken, role: "VOLUNTEER", name: "Holder" });
      const before = await accountNames();

      const reply = await createAccount({ account: name("clasher"), ...clash(taken) });

      expect(reply.errors![0].extensions).toMatchObject({ code: "CONFLICT", field });
      expect(await accountNames()).toEqual(before);
    });

    it("two admins making one account name at once: one gets it, the other a CONFLICT", async () => {
      const account = name("raced");
      const replies = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          createAccount({ account, role: "STUDENT", studentNo: name(`R${i}-`) }),
        ),
      );

      const made = replies.filter((reply) => reply.data?.createAccount);
      const codes = replies.filter((reply) => reply.errors).map((reply) => reply.errors![0].extensions!.code);
      expect(made).toHaveLength(1);
      expect(codes).toEqual(["CONFLICT", "CONFLICT", "CONFLICT"]);
      expect((await accountNames()).filter((a) => a === account)).toHaveLength(1);
    });

    it("a student's token cannot make accounts: FORBIDDEN", async () => {
      const student = await hall.account({
        account: name("pupil"),
        role: "STUDENT",
        name: "Pupil",
        studentNo: name("P-"),
      });
      const reply = await createAccount({ account: name("sneaky"), role: "ADMIN" }, student.token);
      expect(reply.errors![0].extensions!.code).toBe("FORBIDDEN");
    });

    it("without a token, making an account is UNAUTHENTICATED", async () => {
      const reply = await hall.gql(CREATE, {
        input: { account: name("anon"), password: "password-123", role: "ADMIN", name: "Anon" },
      });
      expect(reply.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("tokens", () => {
    it.each([
      ["an Authorization header that is not Bearer", { authorization: "Basic YWRtaW46YWRtaW4=" }],
      ["a bearer token that is not one of ours", { authorization: "Bearer not.a.token" }],
    ])("%s is UNAUTHENTICATED with HTTP 401, even for a public query", async (_what, headers) => {
      const reply = await post(headers, "{ departments { code } }");
      expect(reply.status).toBe(401);
      expect(reply.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    });

    it("a deactivated account's existing token stops working at once, and it cannot sign in", async () => {
      const account = name("leaver");
      const volunteer = await hall.account({ account, role: "VOLUNTEER", name: "Leaver", badgeNo: name("L-") });
      expect((await hall.gql(ME, {}, volunteer.token)).data.me.account).toBe(account);

      const deactivated = await hall.gql(DEACTIVATE, { id: volunteer.id }, hall.adminToken);
      expect(deactivated.data.deactivateAccount).toEqual({ id: volunteer.id, active: false });

      const me = await hall.gql(ME, {}, volunteer.token);
      expect(me.status).toBe(401);
      expect(me.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      const login = await hall.gql(LOGIN, { a: account, p: "password-123" });
      expect(login.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
      const wrong = await hall.gql(LOGIN, { a: account, p: "wrong-pass" });
      expect(login.errors![0].message).toBe(wrong.errors![0].message);
    });

    it("a reinstated account signs in again", async () => {
      const account = name("returner");
      const staff = await hall.account({ account, role: "STAFF", name: "Returner", department: "it-office" });
      await hall.gql(DEACTIVATE, { id: staff.id }, hall.adminToken);

      const reinstated = await hall.gql(UPDATE, { id: staff.id, input: { active: true } }, hall.adminToken);
      expect(reinstated.data.updateAccount.active).toBe(true);
      await expect(hall.login(account, "password-123")).resolves.toEqual(expect.any(String));
    });

    it("the admin cannot deactivate themself, by either mutation", async () => {
      const me = await hall.gql(ME, {}, hall.adminToken);
      const adminId = me.data.me.id;

      const byDeactivate = await hall.gql(DEACTIVATE, { id: adminId }, hall.adminToken);
      const byUpdate = await hall.gql(UPDATE, { id: adminId, input: { active: false } }, hall.adminToken);

      expect(byDeactivate.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
      expect(byUpdate.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
      expect((await hall.gql(ME, {}, hall.adminToken)).data.me.active).toBe(true);
    });
  });

  describe("changing accounts", () => {
    it("an admin renames an account and changes its password; the new password signs in", async () => {
      const account = name("renamed");
      const student = await hall.account({ account, role: "STUDENT", name: "Old Name", studentNo: name("C-") });

      const reply = await hall.gql(
        UPDATE,
        { id: student.id, input: { name: "New Name", password: "another-password" } },
        hall.adminToken,
      );

      expect(reply.data.updateAccount).toMatchObject({ id: student.id, name: "New Name", role: "STUDENT" });
      await expect(hall.login(account, "another-password")).resolves.toEqual(expect.any(String));
      expect((await hall.gql(LOGIN, { a: account, p: "password-123" })).errors![0].extensions!.code).toBe(
        "UNAUTHENTICATED",
      );
    });

    it("a volunteer made staff keeps their department and loses the badge", async () => {
      const volunteer = await hall.account({
        account: name("promoted"),
        role: "VOLUNTEER",
        name: "Promoted",
        badgeNo: name("P-"),
        department: "youth-league",
      });
      const reply = await hall.gql(UPDATE, { id: volunteer.id, input: { role: "STAFF" } }, hall.adminToken);
      expect(reply.data.updateAccount).toMatchObject({
        role: "STAFF",
        department: "youth-league",
        badgeNo: null,
      });
    });

    it("a change that leaves the role without its identifier is refused and changes nothing", async () => {
      const staff = await hall.account({
        account: name("keeper"),
        role: "STAFF",
        name: "Keeper",
        department: "logistics",
      });
      const reply = await hall.gql(
        UPDATE,
        { id: staff.id, input: { role: "STUDENT", name: "Should Not Stick" } },
        hall.adminToken,
      );
      expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "studentNo" });
      expect((await hall.gql(ME, {}, staff.token)).data.me).toMatchObject({
        role: "STAFF",
        name: "Keeper",
        department: "logistics",
      });
    });

    it("explicit nulls for name and active leave them as they were", async () => {
      const student = await hall.account({
        account: name("nulls"),
        role: "STUDENT",
        name: "Kept",
        studentNo: name("K-"),
      });
      const input = { name: null, active: null };
      const reply = await hall.gql(UPDATE, { id: student.id, input }, hall.adminToken);
      expect(reply.errors).toBeUndefined();
      expect(reply.data.updateAccount).toMatchObject({ name: "Kept", active: true });
    });

    it("changing an account that does not exist is NOT_FOUND", async () => {
      const reply = await hall.gql(
        UPDATE,
        { id: "00000000-0000-4000-8000-000000000000", input: { name: "Ghost" } },
        hall.adminToken,
      );
      expect(reply.errors![0].extensions!.code).toBe("NOT_FOUND");
    });
  });

  describe("listing accounts", () => {
    it("pages of a role follow each other without repeats or gaps", async () => {
      const made: string[] = [];
      for (let i = 0; i < 7; i++) {
        const account = name("paged");
        await createAccount({ account, role: "SUPERVISOR" });
        made.push(account);
      }
      const supervisors = await hall.gql(ACCOUNTS, { first: 100, role: "SUPERVISOR" }, hall.adminToken);
      const all = supervisors.data.accounts.nodes.map((a: { account: string }) => a.account);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const variables = { first: 2, after, role: "SUPERVISOR" };
        const reply: GraphQLReply = await hall.gql(ACCOUNTS, variables, hall.adminToken);
        expect(reply.errors).toBeUndefined();
        const { nodes, pageInfo } = reply.data.accounts;
        expect(nodes.length).toBeLessThanOrEqual(2);
        expect(nodes.every((a: { role: string }) => a.role === "SUPERVISOR")).toBe(true);
        seen.push(...nodes.map((a: { account: string }) => a.account));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(all);
      expect(seen).toEqual(expect.arrayContaining(made));
    });

    it("a cursor the server did not give out is BAD_USER_INPUT on after", async () => {
      const reply = await hall.gql(ACCOUNTS, { first: 2, after: "not-a-cursor" }, hall.adminToken);
      expect(reply.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    });

    it("only admins list accounts", async () => {
      const staff = await hall.account({
        account: name("lister"),
        role: "STAFF",
        name: "Lister",
        department: "security",
      });
      const reply = await hall.gql(ACCOUNTS, { first: 2 }, staff.token);
      expect(reply.errors![0].extensions!.code).toBe("FORBIDDEN");
    });
  });
});

interface Taken {
  account: string;
  badgeNo: string;
  studentNo: string;
}
