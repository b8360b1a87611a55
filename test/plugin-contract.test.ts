import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { GraphQLSchema } from "graphql";
import { ConfigError, type HallPlugin } from "../src/core";
import { PluginConflictError } from "../src/core/plugin/compose";
import { buildHallSchema } from "../src/core/server/schema";
import { offeredPlugins } from "../src/plugins";
import { hookPlugins } from "./fixtures/hook-plugins";
import { lostAndFoundPlugin } from "./fixtures/lost-and-found.plugin";
import {
  coreFieldRival,
  coreTypeRival,
  sameCodeRival,
  samePermissionRival,
  sameRootFieldRival,
  sameTableRival,
  sameTypeRival,
} from "./fixtures/rival-plugins";
import { refusedBoot } from "./support/refused-boot";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";

const REPORT = `mutation($tag: String!, $description: String!) {
  reportLostItem(tag: $tag, description: $description) { id tag description }
}`;

/** Type names and root fields ("Query.x") of a schema. */
function namesIn(schema: GraphQLSchema): Set<string> {
  const names = new Set(Object.keys(schema.getTypeMap()));
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) names.add(`${root!.name}.${field}`);
  }
  return names;
}

/** What a plugin adds to the core's schema: its types and root fields. */
function ownNames(plugin: HallPlugin): string[] {
  const core = namesIn(buildHallSchema([], null));
  return [...namesIn(buildHallSchema([plugin], null))].filter((name) => !core.has(name));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describeWith(...offeredPlugins.map((p) => p.code))("a seventh department offered beside the six", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ offered: [...offeredPlugins, lostAndFoundPlugin] });
  });
  afterAll(() => hall.stop());

  it("is listed among the departments, after the six", async () => {
    const reply = await hall.gql(`{ departments { code name nameEn ticketPrefix } }`);
    expect(reply.data.departments).toHaveLength(offeredPlugins.length + 1);
    expect(reply.data.departments.at(-1)).toEqual({
      code: "lost-and-found",
      name: "失物招领处",
      nameEn: "Lost and Found Desk",
      ticketPrefix: "L",
    });
  });

  it("serves its catalogue item like any other department's", async () => {
    const reply = await hall.gql(`{
      services(department: "lost-and-found") { code nameEn feeFen mode department { code } }
    }`);
    expect(reply.data.services).toEqual([
      {
        code: "lost-and-found-claim",
        nameEn: "Claim a lost item",
        feeFen: 0,
        mode: "ON_THE_SPOT",
        department: { code: "lost-and-found" },
      },
    ]);
  });

  it("adds its type and its query to the schema, and the query answers anyone", async () => {
    expect(hall.hall.schema.getType("LostItem")).toBeDefined();
    expect(hall.hall.schema.getQueryType()!.getFields().lostItems).toBeDefined();
    const reply = await hall.gql(`{ lostItems { id tag description } }`);
    expect(reply.errors).toBeUndefined();
    expect(reply.data.lostItems).toEqual(expect.any(Array));
  });

  it("its own staff record an item through its mutation, and its query then lists it", async () => {
    const staff = await hall.account({
      account: "desk-staff",
      role: "STAFF",
      name: "Desk",
      department: "lost-and-found",
    });
    const reply = await hall.gql(REPORT, { tag: "017", description: "a blue umbrella" }, staff.token);
    expect(reply.errors).toBeUndefined();

    const items = await hall.gql(`{ lostItems { tag description } }`);
    expect(items.data.lostItems).toContainEqual({ tag: "017", description: "a blue umbrella" });
  });

  it("its permission decides who may call the mutation: not a student, not an anonymous caller", async () => {
    const student = await hall.account({
      account: "finder",
      role: "STUDENT",
      name: "Finder",
      studentNo: "2024001",
    });
    const asStudent = await hall.gql(REPORT, { tag: "018", description: "keys" }, student.token);
    const anonymous = await hall.gql(REPORT, { tag: "019", description: "keys" });

    expect(asStudent.errors![0].extensions!.code).toBe("FORBIDDEN");
    expect(anonymous.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    const items = await hall.gql(`{ lostItems { tag } }`);
    const tags = items.data.lostItems.map((i: { tag: string }) => i.tag);
    expect(tags).not.toContain("018");
    expect(tags).not.toContain("019");
  });

  it("its own migrations made its table, matching its entity", async () => {
    const applied = await hall.hall.dataSource.query(`SELECT name FROM migrations`);
    expect(applied.map((m: { name: string }) => m.name)).toContain("LostAndFoundInitial1796400000001");
    const pending = await hall.hall.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.filter((q) => q.query.includes("lost_item"))).toEqual([]);
  });

  it("needed no change to src/core: the core never names it", () => {
    const mentions = sourceFiles(join(__dirname, "../src/core")).filter((file) =>
      /lost-and-found|LostItem|lost_item/.test(readFileSync(file, "utf8")),
    );
    expect(mentions).toEqual([]);
  });
});

describe("a hall with PLUGINS=security", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall({ plugins: ["security"], offered: [...offeredPlugins, lostAndFoundPlugin] });
  });
  afterAll(() => hall.stop());

  it("has the security office as its only department", async () => {
    const reply = await hall.gql(`{ departments { code } }`);
    expect(reply.data.departments).toEqual([{ code: "security" }]);
  });

  it("serves only the security office's services", async () => {
    const reply = await hall.gql(`{ services(first: 200) { code department { code } } }`);
    expect(reply.data.services.length).toBeGreaterThan(0);
    const owners = reply.data.services.map((s: { department: { code: string } }) => s.department.code);
    expect(new Set(owners)).toEqual(new Set(["security"]));
  });

  it("does not serve another department's service even by its code", async () => {
    const other = offeredPlugins.find((p) => p.code !== "security" && (p.catalogue ?? []).length > 0)!;
    const code = other.catalogue![0].code;
    const reply = await hall.gql(`query($code: String!) { service(code: $code) { code } }`, { code });
    expect(reply.data.service).toBeNull();
    const listed = await hall.gql(`query($d: String!) { services(department: $d) { code } }`, {
      d: other.code,
    });
    expect(listed.data.services).toEqual([]);
  });

  it("has none of the other departments' types or root fields in its schema", () => {
    const served = namesIn(hall.hall.schema);
    const securityOwn = new Set(ownNames(offeredPlugins.find((p) => p.code === "security")!));
    const others = [...offeredPlugins, lostAndFoundPlugin]
      .filter((p) => p.code !== "security")
      .flatMap((p) => ownNames(p))
      .filter((name) => !securityOwn.has(name));

    expect(others).toEqual(expect.arrayContaining(["LostItem", "Query.lostItems", "Mutation.reportLostItem"]));
    expect(others.filter((name) => served.has(name))).toEqual([]);
  });

  it("answers an unknown field of an absent department as a validation error", async () => {
    const reply = await hall.gql(`{ lostItems { tag } }`);
    expect(reply.status).toBe(400);
    expect(reply.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("two plugins claiming one thing are refused at boot, naming both", () => {
  it.each([
    [
      "one plugin code",
      sameCodeRival,
      /plugin code "lost-and-found"/,
      ["Lost and Found Desk", "Lost Property Counter"],
    ],
    ["one entity table", sameTableRival, /table "lost_item"/, ["lost-and-found", "lost-property-table"]],
    [
      "one permission",
      samePermissionRival,
      /permission "lost-and-found.report"/,
      ["lost-and-found", "lost-property-permission"],
    ],
    ["one GraphQL type name", sameTypeRival, /type "LostItem"/, ["lost-and-found", "lost-property-type"]],
    ["one root field", sameRootFieldRival, /"Query.lostItems"/, ["lost-and-found", "lost-property-field"]],
  ])("%s", async (_what, rival, claim, names) => {
    const { error } = await refusedBoot({ offered: [...offeredPlugins, lostAndFoundPlugin, rival] });

    expect(error).toBeInstanceOf(PluginConflictError);
    const message = (error as Error).message;
    expect(message).toMatch(claim);
    for (const name of names) expect(message).toContain(name);
  });

  it("even when only one of the two is configured, for one plugin code", async () => {
    // The build offering two plugins of one code is ambiguous whichever is picked.
    const { error } = await refusedBoot({
      offered: [...offeredPlugins, lostAndFoundPlugin, sameCodeRival],
      plugins: ["lost-and-found"],
    });
    expect(error).toBeInstanceOf(PluginConflictError);
  });

  it("a plugin claiming nothing twice boots beside the fixture", async () => {
    const { error } = await refusedBoot({
      offered: [lostAndFoundPlugin, ...hookPlugins(["hook-quiet"], [])],
    });
    expect(error).toBeNull();
  });

  it("a plugin declaring a root field the core has is refused, naming the plugin", async () => {
    const { error } = await refusedBoot({ offered: [coreFieldRival] });
    expect(error).toBeInstanceOf(PluginConflictError);
    expect((error as Error).message).toContain("core-field-rival");
  });

  it("a plugin declaring a type of a core type's name is refused, naming the plugin", async () => {
    const { error } = await refusedBoot({ offered: [...offeredPlugins, lostAndFoundPlugin, coreTypeRival] });
    expect(error).toBeInstanceOf(PluginConflictError);
    expect((error as Error).message).toContain("core-type-rival");
  });

  it("a boot refused for a GraphQL type clash leaves no database connection open", async () => {
    const offered = [...offeredPlugins, lostAndFoundPlugin, sameTypeRival];
    const { error, leftOpen } = await refusedBoot({ offered });
    expect(error).toBeInstanceOf(PluginConflictError);
    expect(leftOpen).toBe(0);
  });
});

describe("configuring plugins", () => {
  it("an unknown plugin code is a ConfigError naming PLUGINS and the code", async () => {
    const { error } = await refusedBoot({ offered: offeredPlugins, plugins: ["security", "nope"] });

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("PLUGINS");
    expect((error as Error).message).toMatch(/^PLUGINS /);
    expect((error as Error).message).toContain('"nope"');
    expect((error as Error).message).not.toContain("\n");
  });

  it("start hooks run in PLUGINS order, and stop hooks in reverse", async () => {
    const log: string[] = [];
    const hall = await startTestHall({
      offered: [...offeredPlugins, ...hookPlugins(["hook-a", "hook-b", "hook-c"], log)],
      plugins: ["hook-b", "hook-c", "hook-a"],
    });
    expect(log).toEqual(["start hook-b", "start hook-c", "start hook-a"]);

    await hall.stop();
    expect(log.slice(3)).toEqual(["stop hook-a", "stop hook-c", "stop hook-b"]);
  });

  it("a plugin left out of PLUGINS is not started", async () => {
    const log: string[] = [];
    const hall = await startTestHall({
      offered: [...offeredPlugins, ...hookPlugins(["hook-in", "hook-out"], log)],
      plugins: ["hook-in"],
    });
    await hall.stop();
    expect(log).toEqual(["start hook-in", "stop hook-in"]);
  });

  it("when a plugin fails to start, the plugins started before it are stopped", async () => {
    const log: string[] = [];
    const [first, failing] = hookPlugins(["hook-first", "hook-failing"], log);
    failing.start = () => {
      throw new Error("the printer is out of paper");
    };
    const { error, leftOpen } = await refusedBoot({ offered: [first, failing] });
    expect((error as Error).message).toBe("the printer is out of paper");
    expect(log).toEqual(["start hook-first", "stop hook-first"]);
    expect(leftOpen).toBe(0);
  });
});
