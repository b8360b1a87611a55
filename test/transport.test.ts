import { getIntrospectionQuery } from "graphql";
import { offeredPlugins } from "../src/plugins";
import { MAX_QUERY_DEPTH } from "../src/core/server/validation-rules";
import { MAX_BODY_BYTES } from "../src/core/server/http-handler";
import { faultyDeskPlugin, INTERNAL_DETAIL } from "./fixtures/faulty-desk.plugin";
import { lostAndFoundFeed, lostAndFoundPlugin } from "./fixtures/lost-and-found.plugin";
import { startTestHall, type TestHall, describeWith } from "./support/test-hall";
import { suitePlugins } from "./support/test-hall";
import { collect, until, within, wsClient } from "./support/ws-client";

const REPORT = `mutation($tag: String!, $description: String!) {
  reportLostItem(tag: $tag, description: $description) { tag }
}`;
const FEED = `subscription { lostItemReported { tag description } }`;

/** A selection of lost items `depth` fields deep: lostItems, foundWith..., tag. */
function deepItems(depth: number): string {
  const nested = depth - 2;
  return `lostItems { ${"foundWith { ".repeat(nested)}tag${" }".repeat(nested)} }`;
}

describe("the hall's transports", () => {
  let hall: TestHall;
  const clients: Array<{ dispose(): void | Promise<void> }> = [];
  const client = (...args: Parameters<typeof wsClient>) => {
    const made = wsClient(...args);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    hall = await startTestHall({ offered: [...offeredPlugins, lostAndFoundPlugin, faultyDeskPlugin] });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });
  afterAll(() => hall.stop());

  describe("over HTTP", () => {
    it("a POST that is not JSON is refused by CSRF prevention, and does nothing", async () => {
      const response = await fetch(hall.url, {
        method: "POST",
        headers: { "content-type": "text/plain", authorization: `Bearer ${hall.adminToken}` },
        body: JSON.stringify({
          query: `mutation { reportLostItem(tag: "csrf-1", description: "forged") { tag } }`,
        }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);

      const items = await hall.gql(`{ lostItems { tag } }`);
      expect(items.data.lostItems).not.toContainEqual({ tag: "csrf-1" });
    });

    it("GET /healthz answers ok with the loaded plugins", async () => {
      const response = await fetch(new URL("/healthz", hall.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: "ok",
        plugins: [...suitePlugins(), "lost-and-found", "faulty-desk"],
      });
    });

    it("an unknown path is 404", async () => {
      const response = await fetch(new URL("/admin.php", hall.url));
      expect(response.status).toBe(404);
      await response.text();
    });

    it("a body over the 4 MB limit is refused with 413", async () => {
      const response = await fetch(hall.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ departments { code } }`, padding: "x".repeat(MAX_BODY_BYTES + 1) }),
      });
      expect(response.status).toBe(413);
      await response.text();
    });

    it("an unexpected error is masked as INTERNAL with the request id, and its text is not shown", async () => {
      const response = await fetch(hall.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ faultyDesk }` }),
      });
      const text = await response.text();
      const body = JSON.parse(text);
      const requestId = response.headers.get("x-request-id");

      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: "INTERNAL", requestId });
      expect(body.errors[0].message).toContain(requestId);
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain(INTERNAL_DETAIL);
    });

    it(`a query ${MAX_QUERY_DEPTH} fields deep runs`, async () => {
      const reply = await hall.gql(`{ ${deepItems(MAX_QUERY_DEPTH)} }`);
      expect(reply.errors).toBeUndefined();
    });

    it("a query deeper than the depth limit is refused before it runs", async () => {
      const reply = await hall.gql(`{ ${deepItems(MAX_QUERY_DEPTH + 1)} }`);
      expect(reply.status).toBe(400);
      expect(reply.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(reply.errors![0].message).toMatch(/levels deep/);
    });

    it("fragments do not hide depth from the limit", async () => {
      const reply = await hall.gql(`
        { lostItems { ...Deep } }
        fragment Deep on LostItem { foundWith { foundWith { foundWith { ...Deeper } } } }
        fragment Deeper on LostItem {
          foundWith { foundWith { foundWith { foundWith { foundWith { foundWith { foundWith { foundWith {
            tag
          } } } } } } } }
        }
      `);
      // lostItems, three foundWith, eight more through the second fragment, tag: 13 levels.
      expect(reply.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(reply.errors![0].message).toMatch(/13 levels deep/);
    });

    it("the standard introspection query that GraphiQL sends is not refused for its depth", async () => {
      const reply = await hall.gql(getIntrospectionQuery());
      expect(reply.errors).toBeUndefined();
    });
  });

  describe("over WebSocket", () => {
    it("a query is refused with a clear error: only subscriptions run there", async () => {
      const admin = client(hall.port, hall.adminToken);
      const query = collect(admin, { query: `{ departments { code } }` });
      const mutation = collect(admin, { query: REPORT, variables: { tag: "ws-1", description: "over ws" } });
      await until(() => query.failure !== undefined && mutation.failure !== undefined);

      for (const refused of [query, mutation]) {
        expect(refused.results).toEqual([]);
        expect((refused.failure as any[])[0]).toMatchObject({
          message: expect.stringMatching(/Only subscriptions run over WebSocket/),
          extensions: { code: "BAD_REQUEST" },
        });
      }
      expect((await hall.gql(`{ lostItems { tag } }`)).data.lostItems).not.toContainEqual({ tag: "ws-1" });
    });

    it("a mistake in a subscription is reported as such, not masked as INTERNAL", async () => {
      const admin = client(hall.port, hall.adminToken);
      const unknownField = collect(admin, { query: `subscription { noSuchFeed }` });
      const syntax = collect(admin, { query: `subscription {` });
      await until(() => unknownField.failure !== undefined && syntax.failure !== undefined);

      expect((unknownField.failure as any[])[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((unknownField.failure as any[])[0].message).toMatch(/noSuchFeed/);
      expect((syntax.failure as any[])[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    });

    it("a variable of the wrong type is BAD_USER_INPUT, as over HTTP", async () => {
      const admin = client(hall.port, hall.adminToken);
      const wrong = collect(admin, {
        query: `subscription($tags: Boolean!) { lostItemReported { tag @include(if: $tags) } }`,
        variables: { tags: "yes" },
      });
      await until(() => wrong.failure !== undefined || wrong.results.length > 0);
      expect((wrong.failure as any[])[0].extensions.code).toBe("BAD_USER_INPUT");
    });

    it("the depth limit holds on WebSocket too", async () => {
      const admin = client(hall.port, hall.adminToken);
      const nested = MAX_QUERY_DEPTH - 1;
      const tooDeep = collect(admin, {
        query: `subscription { lostItemReported { ${"foundWith { ".repeat(nested)}tag${" }".repeat(nested)} } }`,
      });
      await until(() => tooDeep.failure !== undefined || tooDeep.results.length > 0);
      expect((tooDeep.failure as any[])[0]).toMatchObject({
        message: expect.stringMatching(/levels deep/),
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      });
    });

    it("connecting with a malformed token is refused: the socket closes with 4403", async () => {
      const refused = client(hall.port, "not-a-token", { lazy: false });
      const closed = await within(refused.closed, 5000, "the socket to close");
      expect(closed.code).toBe(4403);
    });

    it("an admin's subscription hears each committed item, never one that rolled back", async () => {
      const admin = client(hall.port, hall.adminToken);
      const before = lostAndFoundFeed.accepted;
      const feed = collect(admin, { query: FEED });
      await until(() => lostAndFoundFeed.accepted > before, 5000, "the subscription to be accepted");

      const first = await hall.gql(REPORT, { tag: "sub-1", description: "a red scarf" }, hall.adminToken);
      const duplicate = await hall.gql(
        REPORT,
        { tag: "sub-1", description: "announced, rolled back" },
        hall.adminToken,
      );
      const second = await hall.gql(REPORT, { tag: "sub-2", description: "a library card" }, hall.adminToken);
      expect(first.errors).toBeUndefined();
      expect(duplicate.errors![0].extensions!.code).toBe("CONFLICT");
      expect(second.errors).toBeUndefined();

      await until(() => feed.results.length >= 2, 5000, "two events");
      // Give a wrongly published event of the rolled-back write time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(feed.results).toEqual([
        { data: { lostItemReported: { tag: "sub-1", description: "a red scarf" } } },
        { data: { lostItemReported: { tag: "sub-2", description: "a library card" } } },
      ]);
    });

    it.each([
      ["a student", "STUDENT", "FORBIDDEN"],
      ["a caller who has not signed in", null, "UNAUTHENTICATED"],
    ])("%s subscribing to the admins' feed is refused", async (_who, role, code) => {
      const account = role && `sub-${role.toLowerCase()}`;
      const token = role && (await hall.account({ account, role, name: "Curious", studentNo: "S-77" })).token;
      const socket = client(hall.port, token ?? undefined);
      const feed = collect(socket, { query: FEED });
      await until(() => feed.results.length > 0 || feed.failure !== undefined, 5000, "an answer");

      expect(feed.results[0].errors![0].extensions!.code).toBe(code);
      expect(feed.results[0].data ?? null).toBeNull();
    });

    it("an unexpected error in a subscription is masked as INTERNAL with a request id", async () => {
      const socket = client(hall.port);
      const feed = collect(socket, { query: `subscription { faultyFeed }` });
      await until(() => feed.results.length > 0 || feed.failure !== undefined, 5000, "an answer");

      const error = feed.results[0].errors![0];
      expect(error.extensions).toEqual({ code: "INTERNAL", requestId: expect.any(String) });
      expect(JSON.stringify(feed.results)).not.toContain("hunter2");
    });

    it("a deactivated account's open socket is closed at once", async () => {
      const supervisor = await hall.account({ account: "sub-supervisor", role: "SUPERVISOR", name: "Watcher" });
      const socket = client(hall.port, supervisor.token, { lazy: false });
      const before = lostAndFoundFeed.accepted;
      collect(socket, { query: FEED });
      await within(socket.connected, 5000, "the socket to connect");
      await until(() => lostAndFoundFeed.accepted > before, 5000, "the subscription to be accepted");

      const reply = await hall.gql(
        `mutation($id: ID!) { deactivateAccount(id: $id) { active } }`,
        { id: supervisor.id },
        hall.adminToken,
      );
      expect(reply.data.deactivateAccount.active).toBe(false);

      const closed = await within(socket.closed, 5000, "the socket to close");
      expect(closed.code).toBe(4403);
    });

    it("an admin made staff has their socket closed: the admins' feed stops reaching them", async () => {
      const demoted = await hall.account({ account: "sub-demoted", role: "ADMIN", name: "Former Admin" });
      const socket = client(hall.port, demoted.token, { lazy: false });
      const before = lostAndFoundFeed.accepted;
      const feed = collect(socket, { query: FEED });
      await until(() => lostAndFoundFeed.accepted > before, 5000, "the subscription to be accepted");

      const reply = await hall.gql(
        `mutation($id: ID!) { updateAccount(id: $id, input: { role: STAFF, department: "lost-and-found" }) { role } }`,
        { id: demoted.id },
        hall.adminToken,
      );
      expect(reply.data.updateAccount.role).toBe("STAFF");
      expect((await within(socket.closed, 5000, "the socket to close")).code).toBe(4403);

      await hall.gql(REPORT, { tag: "after-demotion", description: "not for staff" }, hall.adminToken);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(feed.results).toEqual([]);
    });
  });
});
