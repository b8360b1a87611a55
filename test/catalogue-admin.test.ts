import type { HallPlugin, ServiceDefinition } from "../src/core";
import { dropDatabase, startTestHall, type GraphQLReply, type TestHall, describeWith } from "./support/test-hall";

const ITEM_FIELDS = `
  code name nameEn feeFen mode promisedWorkingDays description department { code }
`;

const SERVICE = `query($code: String!) { service(code: $code) { ${ITEM_FIELDS} } }`;

const SERVICES = `query($department: String, $includeRetired: Boolean) {
  services(department: $department, includeRetired: $includeRetired, first: 200) { code retiredAt }
}`;

const CREATE = `mutation($input: CreateServiceInput!) {
  createService(input: $input) { ${ITEM_FIELDS} }
}`;

const UPDATE = `mutation($code: String!, $input: ServiceFieldsInput!) {
  updateService(code: $code, input: $input) { ${ITEM_FIELDS} }
}`;

const RETIRE = `mutation($code: String!) { retireService(code: $code) { code retiredAt } }`;

/** A new item as an admin would fill the form in. */
function newService(code: string, department: string, extra: Record<string, unknown> = {}) {
  return {
    code,
    department,
    name: "测试事项",
    nameEn: "Test service",
    mode: "ON_THE_SPOT",
    feeFen: 0,
    steps: ["至窗口办理。"],
    ...extra,
  };
}

function errorOf(reply: GraphQLReply): { code?: string; field?: string } {
  expect(reply.errors).toHaveLength(1);
  return reply.errors![0].extensions ?? {};
}

async function feeOf(hall: TestHall, code: string): Promise<number> {
  const reply = await hall.gql(SERVICE, { code });
  return reply.data.service.feeFen;
}

async function countServices(hall: TestHall): Promise<number> {
  const reply = await hall.gql(SERVICES, { includeRetired: true }, hall.adminToken);
  return reply.data.services.length;
}

describeWith("student-affairs", "logistics", "security", "youth-league")("editing the catalogue", () => {
  let hall: TestHall;
  let studentToken: string;
  let securityStaffToken: string;

  beforeAll(async () => {
    hall = await startTestHall();
    const student = await hall.account({
      account: "student-1",
      role: "STUDENT",
      name: "张同学",
      studentNo: "2026000001",
    });
    const securityStaff = await hall.account({
      account: "security-1",
      role: "STAFF",
      name: "李老师",
      department: "security",
    });
    studentToken = student.token;
    securityStaffToken = securityStaff.token;
  });
  afterAll(() => hall.stop());

  it("an admin adds a promised service and anyone can look it up at once", async () => {
    const input = newService("campus-card-photo-update", "student-affairs", {
      mode: "PROMISED",
      promisedWorkingDays: 2,
      feeFen: 0,
    });
    const created = await hall.gql(CREATE, { input }, hall.adminToken);
    expect(created.errors).toBeUndefined();

    const reply = await hall.gql(SERVICE, { code: "campus-card-photo-update" });
    expect(reply.data.service).toMatchObject({
      department: { code: "student-affairs" },
      mode: "PROMISED",
      promisedWorkingDays: 2,
    });
  });

  it("an admin changes a fee and the catalogue shows the new fee", async () => {
    const variables = { code: "student-id-registration", input: { feeFen: 100 } };
    const reply = await hall.gql(UPDATE, variables, hall.adminToken);
    expect(reply.errors).toBeUndefined();
    expect(await feeOf(hall, "student-id-registration")).toBe(100);
  });

  it("a fee of -1 fen is refused naming feeFen, and the fee stays as it was", async () => {
    const update = await hall.gql(
      UPDATE,
      { code: "student-id-replacement", input: { feeFen: -1, nameEn: "Changed alongside" } },
      hall.adminToken,
    );
    expect(errorOf(update)).toMatchObject({ code: "BAD_USER_INPUT", field: "feeFen" });

    const input = newService("negative-fee", "security", { feeFen: -1 });
    const create = await hall.gql(CREATE, { input }, hall.adminToken);
    expect(errorOf(create)).toMatchObject({ code: "BAD_USER_INPUT", field: "feeFen" });

    const after = await hall.gql(SERVICE, { code: "student-id-replacement" });
    expect(after.data.service).toMatchObject({ feeFen: 200, nameEn: "Student ID replacement" });
    expect((await hall.gql(SERVICE, { code: "negative-fee" })).data.service).toBeNull();
  });

  it("promised days on an on-the-spot item are refused naming promisedWorkingDays", async () => {
    const reply = await hall.gql(
      UPDATE,
      { code: "graduate-recommendation-stamp", input: { promisedWorkingDays: 2 } },
      hall.adminToken,
    );
    expect(errorOf(reply)).toMatchObject({ code: "BAD_USER_INPUT", field: "promisedWorkingDays" });

    const after = await hall.gql(SERVICE, { code: "graduate-recommendation-stamp" });
    expect(after.data.service).toMatchObject({ mode: "ON_THE_SPOT", promisedWorkingDays: null });
  });

  it("making an item promised without saying its days is refused naming promisedWorkingDays", async () => {
    const reply = await hall.gql(
      UPDATE,
      { code: "graduate-recommendation-stamp", input: { mode: "PROMISED" } },
      hall.adminToken,
    );
    expect(errorOf(reply)).toMatchObject({ code: "BAD_USER_INPUT", field: "promisedWorkingDays" });
  });

  it("turning a promised item into an on-the-spot one drops its promised days", async () => {
    const reply = await hall.gql(
      UPDATE,
      { code: "campus-card-photo-update", input: { mode: "ON_THE_SPOT" } },
      hall.adminToken,
    );
    expect(reply.data.updateService).toMatchObject({
      mode: "ON_THE_SPOT",
      promisedWorkingDays: null,
    });
  });

  it("a service for a department that is not in the hall is refused naming department", async () => {
    const input = newService("ghost-service", "canteen");
    const reply = await hall.gql(CREATE, { input }, hall.adminToken);
    expect(errorOf(reply)).toMatchObject({ code: "BAD_USER_INPUT", field: "department" });
    expect((await hall.gql(SERVICE, { code: "ghost-service" })).data.service).toBeNull();
  });

  it("a second service under a code already taken is a conflict, and the first one stands", async () => {
    const count = await countServices(hall);
    const input = newService("student-id-replacement", "security", { feeFen: 5000 });
    const reply = await hall.gql(CREATE, { input }, hall.adminToken);

    expect(errorOf(reply).code).toBe("CONFLICT");
    expect(await countServices(hall)).toBe(count);
    const after = await hall.gql(SERVICE, { code: "student-id-replacement" });
    expect(after.data.service).toMatchObject({
      department: { code: "student-affairs" },
      feeFen: 200,
    });
  });

  it("a student may not touch the catalogue", async () => {
    const code = "student-id-replacement";
    const input = newService("student-made", "security");
    const create = await hall.gql(CREATE, { input }, studentToken);
    const update = await hall.gql(UPDATE, { code, input: { feeFen: 0 } }, studentToken);
    const retire = await hall.gql(RETIRE, { code: "student-id-replacement" }, studentToken);

    for (const reply of [create, update, retire]) expect(errorOf(reply).code).toBe("FORBIDDEN");
    expect(await feeOf(hall, "student-id-replacement")).toBe(200);
  });

  it("editing without signing in is refused as unauthenticated", async () => {
    const reply = await hall.gql(UPDATE, { code: "student-id-replacement", input: { feeFen: 0 } });
    expect(errorOf(reply).code).toBe("UNAUTHENTICATED");
    expect(await feeOf(hall, "student-id-replacement")).toBe(200);
  });

  it("a malformed token is refused as unauthenticated with a 401", async () => {
    const variables = { code: "student-id-replacement", input: { feeFen: 0 } };
    const reply = await hall.gql(UPDATE, variables, "nonsense");
    expect(reply.status).toBe(401);
    expect(errorOf(reply).code).toBe("UNAUTHENTICATED");
    expect(await feeOf(hall, "student-id-replacement")).toBe(200);
  });

  it("security staff edit the security office's items", async () => {
    const description = "在全国征兵网报名后至保卫处窗口登记。";
    const update = await hall.gql(
      UPDATE,
      { code: "pre-enlistment-signup", input: { description } },
      securityStaffToken,
    );
    expect(update.errors).toBeUndefined();
    const after = await hall.gql(SERVICE, { code: "pre-enlistment-signup" });
    expect(after.data.service.description).toBe(description);

    const input = newService("security-lost-and-found", "security");
    const create = await hall.gql(CREATE, { input }, securityStaffToken);
    expect(create.data.createService.department.code).toBe("security");
  });

  it("security staff may not edit student affairs' items or add to them", async () => {
    const update = await hall.gql(
      UPDATE,
      { code: "student-id-replacement", input: { feeFen: 0 } },
      securityStaffToken,
    );
    const create = await hall.gql(
      CREATE,
      { input: newService("security-made", "student-affairs") },
      securityStaffToken,
    );
    const retire = await hall.gql(RETIRE, { code: "student-id-replacement" }, securityStaffToken);

    for (const reply of [update, create, retire]) expect(errorOf(reply).code).toBe("FORBIDDEN");
    expect(await feeOf(hall, "student-id-replacement")).toBe(200);
    expect((await hall.gql(SERVICE, { code: "security-made" })).data.service).toBeNull();
  });

  it("editing a service that does not exist is not found", async () => {
    const reply = await hall.gql(UPDATE, { code: "nope", input: { feeFen: 100 } }, hall.adminToken);
    expect(errorOf(reply).code).toBe("NOT_FOUND");
  });

  it("a retired item disappears from services and service; staff still see it when asking", async () => {
    const input = newService("winter-coat-lending", "youth-league");
    await hall.gql(CREATE, { input }, hall.adminToken);
    const retired = await hall.gql(RETIRE, { code: "winter-coat-lending" }, hall.adminToken);
    expect(retired.data.retireService.retiredAt).not.toBeNull();

    const codes = async (token?: string) => {
      const variables = { department: "youth-league", includeRetired: true };
      const reply = await hall.gql(SERVICES, variables, token);
      return reply.data.services.map((item: { code: string }) => item.code);
    };
    expect((await hall.gql(SERVICE, { code: "winter-coat-lending" })).data.service).toBeNull();
    expect(await codes()).not.toContain("winter-coat-lending");
    expect(await codes(studentToken)).not.toContain("winter-coat-lending");
    expect(await codes(hall.adminToken)).toContain("winter-coat-lending");
  });

  it("retiring an item twice is a conflict", async () => {
    const input = newService("old-form-collection", "logistics");
    await hall.gql(CREATE, { input }, hall.adminToken);
    await hall.gql(RETIRE, { code: "old-form-collection" }, hall.adminToken);
    const again = await hall.gql(RETIRE, { code: "old-form-collection" }, hall.adminToken);
    expect(errorOf(again).code).toBe("CONFLICT");
  });
});

/** Ends a restart test: whichever hall got furthest stops, and the shared database goes. */
async function stopAndDrop(hall: TestHall): Promise<void> {
  await hall.stop();
  await dropDatabase(hall.databaseUrl);
}

describeWith("student-affairs", "logistics", "security", "youth-league")("seeding the catalogue when the hall restarts", () => {
  it("an admin's fee edit survives a restart and no item is seeded twice", async () => {
    const first = await startTestHall({ keepDatabase: true });
    let current = first;
    try {
      const count = await countServices(first);
      const edit = await first.gql(
        UPDATE,
        { code: "evaluation-booklet-replacement", input: { feeFen: 800 } },
        first.adminToken,
      );
      expect(edit.errors).toBeUndefined();
      await first.stop();

      current = await startTestHall({ databaseUrl: first.databaseUrl });
      expect(await feeOf(current, "evaluation-booklet-replacement")).toBe(800);
      expect(await feeOf(current, "student-id-replacement")).toBe(200);
      expect(await countServices(current)).toBe(count);
    } finally {
      await stopAndDrop(current);
    }
  });

  it("a new build's change reaches untouched items but never an item staff edited", async () => {
    // A one-department build whose two items' fees the test chooses, plus any new items.
    const build = (fees: { edited: number; untouched: number }, more: ServiceDefinition[] = []) => {
      const item = (code: string, feeFen: number): ServiceDefinition => ({
        code,
        name: "测试事项",
        nameEn: "Test service",
        feeFen,
        mode: "ON_THE_SPOT",
        materials: [],
        steps: ["至窗口办理。"],
      });
      const plugin: HallPlugin = {
        code: "test-office",
        department: {
          code: "test-office",
          name: "测试办公室",
          nameEn: "Test Office",
          ticketPrefix: "T",
        },
        catalogue: [
          item("edited-by-staff", fees.edited),
          item("left-alone", fees.untouched),
          ...more,
        ],
      };
      return [plugin];
    };

    const first = await startTestHall({
      offered: build({ edited: 100, untouched: 100 }),
      keepDatabase: true,
    });
    let current = first;
    try {
      const edit = { code: "edited-by-staff", input: { feeFen: 150 } };
      expect((await first.gql(UPDATE, edit, first.adminToken)).errors).toBeUndefined();
      await first.stop();

      const added: ServiceDefinition = {
        code: "added-later",
        name: "新增事项",
        nameEn: "Added later",
        feeFen: 0,
        mode: "PROMISED",
        promisedWorkingDays: 1,
        materials: [],
        steps: ["至窗口办理。"],
      };
      current = await startTestHall({
        offered: build({ edited: 300, untouched: 300 }, [added]),
        databaseUrl: first.databaseUrl,
      });
      expect(await feeOf(current, "edited-by-staff")).toBe(150);
      expect(await feeOf(current, "left-alone")).toBe(300);
      expect(await feeOf(current, "added-later")).toBe(0);
      expect(await countServices(current)).toBe(3);
    } finally {
      await stopAndDrop(current);
    }
  });

  it("a hall restarted with fewer departments hides the others' items and keeps them", async () => {
    const first = await startTestHall({ keepDatabase: true });
    let current = first;
    try {
      const count = await countServices(first);
      await first.stop();

      const narrow = await startTestHall({
        plugins: ["security", "logistics"],
        databaseUrl: first.databaseUrl,
        keepDatabase: true,
      });
      current = narrow;
      expect((await narrow.gql(SERVICE, { code: "yiban-printing" })).data.service).toBeNull();
      const listed = await narrow.gql(`{ services(first: 200) { department { code } } }`);
      const departments = listed.data.services.map(
        (item: { department: { code: string } }) => item.department.code,
      );
      expect(new Set(departments)).toEqual(new Set(["security", "logistics"]));
      await narrow.stop();

      current = await startTestHall({ databaseUrl: first.databaseUrl });
      expect(await feeOf(current, "yiban-printing")).toBe(0);
      expect(await countServices(current)).toBe(count);
    } finally {
      await stopAndDrop(current);
    }
  });
});
