import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

interface Item {
  code: string;
  name: string;
  nameEn: string;
  department: { code: string };
  description: string | null;
  condition: string | null;
  feeFen: number;
  mode: "ON_THE_SPOT" | "PROMISED";
  promisedWorkingDays: number | null;
  materials: Array<{ name: string; nameEn: string | null; count: number; source: string | null }>;
  steps: string[];
  variants: Array<{
    code: string;
    name: string;
    nameEn: string;
    materials: Array<{ name: string }>;
  }>;
}

const ITEM_FIELDS = `
  code name nameEn department { code } description condition feeFen mode promisedWorkingDays
  materials { name nameEn count source } steps
  variants { code name nameEn materials { name } }
`;

const SERVICES = `query($department: String, $search: String, $first: Int, $after: String) {
  services(department: $department, search: $search, first: $first, after: $after) {
    ${ITEM_FIELDS}
  }
}`;

const SERVICE = `query($code: String!) { service(code: $code) { ${ITEM_FIELDS} } }`;

const ALL_DEPARTMENTS = [
  "academic-affairs",
  "it-office",
  "logistics",
  "security",
  "student-affairs",
  "youth-league",
];

async function services(hall: TestHall, variables: Record<string, unknown> = {}): Promise<Item[]> {
  const reply = await hall.gql(SERVICES, variables);
  expect(reply.errors).toBeUndefined();
  return reply.data.services;
}

function byCode(items: Item[], code: string): Item {
  const item = items.find((i) => i.code === code);
  if (!item) throw new Error(`no service "${code}" among ${items.map((i) => i.code).join(", ")}`);
  return item;
}

describeWith("student-affairs", "logistics", "security", "it-office", "youth-league", "academic-affairs")("the catalogue a new hall starts with", () => {
  let hall: TestHall;
  let all: Item[];

  beforeAll(async () => {
    hall = await startTestHall();
    all = await services(hall, { first: 200 });
  });
  afterAll(() => hall.stop());

  it("lists the six resident departments", async () => {
    const reply = await hall.gql(`{ departments { code name nameEn } }`);
    const codes = reply.data.departments.map((d: { code: string }) => d.code);
    expect(codes.sort()).toEqual(ALL_DEPARTMENTS);
  });

  it("every department offers something", () => {
    const offering = new Set(all.map((item) => item.department.code));
    expect([...offering].sort()).toEqual(ALL_DEPARTMENTS);
  });

  it("a lost student ID is replaced for ¥2 with the application form and one 1-inch photo", async () => {
    const items = await services(hall, { department: "student-affairs" });
    expect(items.every((item) => item.department.code === "student-affairs")).toBe(true);

    const replacement = byCode(items, "student-id-replacement");
    expect(replacement.feeFen).toBe(200);
    expect(replacement.materials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "补办学生证申请表", count: 1 }),
        expect.objectContaining({ name: "一寸照", count: 1 }),
      ]),
    );
    expect(replacement.steps.length).toBeGreaterThan(1);
    expect(byCode(items, "student-id-registration").feeFen).toBe(0);
  });

  it("a lost comprehensive-evaluation booklet costs ¥6 to replace", async () => {
    const items = await services(hall, { department: "student-affairs" });
    expect(byCode(items, "evaluation-booklet-replacement")).toMatchObject({
      name: "综合测评本补办",
      feeFen: 600,
    });
  });

  it("a graduate's recommendation form is stamped on the spot", () => {
    expect(byCode(all, "graduate-recommendation-stamp")).toMatchObject({
      department: { code: "student-affairs" },
      mode: "ON_THE_SPOT",
      promisedWorkingDays: null,
    });
    expect(byCode(all, "employment-agreement-endorsement").department.code).toBe("student-affairs");
    expect(byCode(all, "scholarship-aid-paperwork").department.code).toBe("student-affairs");
  });

  it("the report certificate comes in the brochure's five kinds, each with its own forms", async () => {
    const reply = await hall.gql(SERVICE, { code: "employment-report-certificate" });
    const certificate: Item = reply.data.service;

    expect(certificate.variants.map((v) => v.name)).toEqual([
      "首次打印",
      "改派/违约",
      "丢失补打",
      "错误重打",
      "报到证已打印证明",
    ]);
    expect(new Set(certificate.variants.map((v) => v.code)).size).toBe(5);
    for (const variant of certificate.variants) expect(variant.materials.length).toBeGreaterThan(0);
    expect(certificate.condition).toMatch(/户籍/);
  });

  it("Yiban printing is at the IT office: 80 points for 20 pages, one code a day", () => {
    const printing = byCode(all, "yiban-printing");
    expect(printing.department.code).toBe("it-office");
    expect(printing.feeFen).toBe(0);
    expect(printing.description).toMatch(/80/);
    expect(printing.description).toMatch(/20页/);
  });

  it("security registers pre-enlistment and military service; logistics the community's business", () => {
    const codesOf = (department: string) =>
      all.filter((item) => item.department.code === department).map((item) => item.code);

    expect(codesOf("security")).toEqual(
      expect.arrayContaining(["pre-enlistment-signup", "military-service-registration"]),
    );
    expect(codesOf("logistics")).toEqual(
      expect.arrayContaining([
        "community-room-booking",
        "dormitory-registration",
        "dormitory-room-change",
        "dormitory-move-out",
        "short-off-campus-stay",
      ]),
    );
  });

  it("asking for a service that does not exist gets null, not an error", async () => {
    const reply = await hall.gql(SERVICE, { code: "nope" });
    expect(reply.errors).toBeUndefined();
    expect(reply.data.service).toBeNull();
  });

  it("a student finds the ID replacement by a Chinese word or an English one", async () => {
    const inChinese = await services(hall, { search: "学生证" });
    const inEnglish = await services(hall, { search: "replacement" });

    expect(inChinese.map((i) => i.code)).toContain("student-id-replacement");
    expect(inEnglish.map((i) => i.code)).toContain("student-id-replacement");
    expect(inEnglish.map((i) => i.code)).toContain("evaluation-booklet-replacement");
    for (const item of inEnglish) expect(`${item.nameEn} ${item.code}`).toMatch(/replacement/i);
  });

  it("a search for a word no service has finds nothing, and % or _ is only a character", async () => {
    expect(await services(hall, { search: "潜水艇" })).toEqual([]);
    for (const search of ["%", "_", "!", "\\"]) {
      expect(await services(hall, { search })).toEqual([]);
    }
  });

  it("every service has a Chinese and an English name and its steps", () => {
    // Collecting the offenders' codes makes a failure name the items at fault.
    const chinese = /[\u4e00-\u9fff]/;
    const english = /^[\x20-\x7e]+$/;
    const unnamed = all.filter((i) => !chinese.test(i.name) || !english.test(i.nameEn));
    const stepless = all.filter((i) => i.steps.length === 0);
    const uncounted = all.filter((i) => i.materials.some((m) => m.count < 1));

    expect(unnamed.map((i) => i.code)).toEqual([]);
    expect(stepless.map((i) => i.code)).toEqual([]);
    expect(uncounted.map((i) => i.code)).toEqual([]);
  });

  it("promised items say how many working days, on-the-spot items do not", () => {
    const wrong = all.filter((i) =>
      i.mode === "PROMISED" ? !(i.promisedWorkingDays! > 0) : i.promisedWorkingDays !== null,
    );
    expect(wrong.map((i) => i.code)).toEqual([]);
    expect(all.some((i) => i.mode === "PROMISED")).toBe(true);
    expect(all.some((i) => i.mode === "ON_THE_SPOT")).toBe(true);
  });

  it("service codes are unique across all departments", () => {
    const codes = all.map((item) => item.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("paging through the whole catalogue three at a time loses and repeats nothing", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 50; page++) {
      const items = await services(hall, { first: 3, after });
      seen.push(...items.map((item) => item.code));
      if (items.length < 3) break;
      after = items[items.length - 1].code;
    }
    expect(seen).toEqual(all.map((item) => item.code));
  });

  it("paging on from a code that is not in the catalogue is refused naming after", async () => {
    const reply = await hall.gql(SERVICES, { after: "nope" });
    expect(reply.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("a hall that runs only the security and logistics offices", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ plugins: ["security", "logistics"] });
  });
  afterAll(() => hall.stop());

  it("lists only those two departments", async () => {
    const reply = await hall.gql(`{ departments { code } }`);
    expect(reply.data.departments.map((d: { code: string }) => d.code).sort()).toEqual([
      "logistics",
      "security",
    ]);
  });

  it("offers only their services", async () => {
    const items = await services(hall, { first: 200 });
    expect(items.length).toBeGreaterThan(0);
    const departments = new Set(items.map((item) => item.department.code));
    expect(departments).toEqual(new Set(["logistics", "security"]));
  });

  it("knows nothing of Yiban printing or of the absent departments", async () => {
    const reply = await hall.gql(SERVICE, { code: "yiban-printing" });
    expect(reply.errors).toBeUndefined();
    expect(reply.data.service).toBeNull();
    expect(await services(hall, { department: "student-affairs" })).toEqual([]);
    expect(await services(hall, { search: "易班" })).toEqual([]);
  });
});
