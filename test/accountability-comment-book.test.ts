import { CommentBookEntryEntity } from "../src/core/accountability/comment-book-entry.entity";
import { ok, supervisor } from "./support/accountability";
import { codeOf, student } from "./support/front-line";
import { startTestHall, type TestHall } from "./support/test-hall";

const WRITE = `mutation($input: WriteCommentBookEntryInput!){ writeCommentBookEntry(input:$input){ id text signature status writtenAt } }`;
const BOOK = `query($first: Int, $after: String){ commentBook(first:$first, after:$after){
  nodes { id text signature answer answeredAt status } pageInfo { endCursor hasNextPage } } }`;
const MODERATE = `mutation($id: ID!, $decision: CommentBookDecision!, $reason: String){
  moderateCommentBookEntry(id:$id, decision:$decision, reason:$reason){ id status hiddenReason } }`;
const ANSWER = `mutation($id: ID!, $answer: String!){ answerCommentBookEntry(id:$id, answer:$answer){ id answer answeredAt } }`;

describe("the comment book (意见簿)", () => {
  let hall: TestHall;
  let sup: { token: string };
  // Each test writes in hours of its own, so the per-address limit of one does not reach the next.
  let slot = 0;
  beforeEach(() => {
    hall.hall.services.clock.set(new Date(Date.UTC(2026, 5, 1) + ++slot * 4 * 3600_000));
  });
  beforeAll(async () => {
    hall = await startTestHall({ env: { COMMENT_BOOK_PER_HOUR: "4" } });
    sup = await supervisor(hall);
  });
  afterAll(() => hall.stop());

  async function written(text: string, token?: string, signature?: string) {
    const reply = await ok(hall.gql(WRITE, { input: { text, signature } }, token), "writeCommentBookEntry");
    return reply.data.writeCommentBookEntry;
  }

  async function publicIds(): Promise<string[]> {
    const reply = await ok(hall.gql(BOOK, { first: 100 }), "commentBook");
    return reply.data.commentBook.nodes.map((n: { id: string }) => n.id);
  }

  it("anyone writes, signed in or not; an entry is public only once a supervisor publishes it", async () => {
    const anonymous = await written("大厅空调太冷");
    expect(anonymous).toMatchObject({ status: "PENDING", signature: null });
    const s = await student(hall);
    const signed = await written("希望延长午间服务", s.token, "一名大三学生");
    expect(await publicIds()).not.toContain(anonymous.id);

    await ok(hall.gql(MODERATE, { id: anonymous.id, decision: "PUBLISH" }, sup.token), "publish");
    await ok(hall.gql(MODERATE, { id: signed.id, decision: "PUBLISH" }, sup.token), "publish");
    const ids = await publicIds();
    expect(ids).toEqual(expect.arrayContaining([anonymous.id, signed.id]));
  });

  it("a supervisor's answer is public with the published entry", async () => {
    const entry = await written("打印机经常卡纸");
    await ok(hall.gql(MODERATE, { id: entry.id, decision: "PUBLISH" }, sup.token), "publish");
    await ok(hall.gql(ANSWER, { id: entry.id, answer: "已联系信息化办公室更换打印机。" }, sup.token), "answer");
    const book = await ok(hall.gql(BOOK, { first: 100 }), "commentBook");
    expect(book.data.commentBook.nodes).toContainEqual(
      expect.objectContaining({ id: entry.id, status: "PUBLISHED", answer: "已联系信息化办公室更换打印机。", answeredAt: expect.any(String) }),
    );
  });

  it("a hidden entry needs a reason, stays out of the public book, and cannot be answered", async () => {
    const entry = await written("广告：代办各类证件");
    const noReason = await hall.gql(MODERATE, { id: entry.id, decision: "HIDE" }, sup.token);
    expect(codeOf(noReason)).toBe("BAD_USER_INPUT");
    expect(noReason.errors![0].extensions!.field).toBe("reason");
    const hidden = await ok(hall.gql(MODERATE, { id: entry.id, decision: "HIDE", reason: "广告" }, sup.token), "hide");
    expect(hidden.data.moderateCommentBookEntry).toMatchObject({ status: "HIDDEN", hiddenReason: "广告" });
    expect(await publicIds()).not.toContain(entry.id);
    expect(codeOf(await hall.gql(ANSWER, { id: entry.id, answer: "不予回复" }, sup.token))).toBe("CONFLICT");

    const inbox = await ok(hall.gql(`{ commentBookEntries(status: HIDDEN) { nodes { id hiddenReason } } }`, {}, sup.token), "inbox");
    expect(inbox.data.commentBookEntries.nodes).toContainEqual({ id: entry.id, hiddenReason: "广告" });
  });

  it("only supervisors and admins moderate, answer and read the inbox", async () => {
    const entry = await written("建议增加座椅");
    const s = await student(hall);
    expect(codeOf(await hall.gql(MODERATE, { id: entry.id, decision: "PUBLISH" }, s.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(MODERATE, { id: entry.id, decision: "PUBLISH" }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await hall.gql(ANSWER, { id: entry.id, answer: "好" }, s.token))).toBe("FORBIDDEN");
    expect(codeOf(await hall.gql(`{ commentBookEntries { nodes { id } } }`, {}, s.token))).toBe("FORBIDDEN");
    await ok(hall.gql(MODERATE, { id: entry.id, decision: "PUBLISH" }, hall.adminToken), "admin publishes");
  });

  it("an entry is 1 to 2000 characters and a signature at most 64: BAD_USER_INPUT naming the field", async () => {
    for (const [input, field] of [
      [{ text: "   " }, "text"],
      [{ text: "长".repeat(2001) }, "text"],
      [{ text: "好", signature: "名".repeat(65) }, "signature"],
    ] as const) {
      const reply = await hall.gql(WRITE, { input });
      expect(codeOf(reply)).toBe("BAD_USER_INPUT");
      expect(reply.errors![0].extensions!.field).toBe(field);
    }
    const answer = await hall.gql(ANSWER, { id: (await written("x")).id, answer: "" }, sup.token);
    expect(codeOf(answer)).toBe("BAD_USER_INPUT");
  });

  it("one address writes COMMENT_BOOK_PER_HOUR entries an hour; the next is TOO_MANY_REQUESTS until the hour has passed", async () => {
    for (let i = 0; i < 4; i++) await written(`第${i + 1}条`);
    const fifth = await hall.gql(WRITE, { input: { text: "第5条" } });
    expect(codeOf(fifth)).toBe("TOO_MANY_REQUESTS");
    expect(fifth.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const clock = hall.hall.services.clock;
    clock.set(new Date(clock.now().getTime() + 61 * 60_000));
    await written("一小时后");
  });

  it("entries racing from one address still stop at the limit", async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => hall.gql(WRITE, { input: { text: `并发 ${i}` } })));
    expect(replies.filter((r) => !r.errors)).toHaveLength(4);
    expect(replies.filter((r) => codeOf(r) === "TOO_MANY_REQUESTS")).toHaveLength(4);
  });

  it("the address is kept only as a hash", async () => {
    const entry = await written("隐私");
    const row = await hall.hall.dataSource.manager.findOneByOrFail(CommentBookEntryEntity, { id: entry.id });
    expect(row.addressKey).toMatch(/^[0-9a-f]{64}$/);
    expect(row.addressKey).not.toContain("127.0.0.1");
  });

  it("the public book pages newest first with a cursor", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const entry = await written(`分页 ${i}`);
      await ok(hall.gql(MODERATE, { id: entry.id, decision: "PUBLISH" }, sup.token), "publish");
      ids.push(entry.id);
      const clock = hall.hall.services.clock;
      clock.set(new Date(clock.now().getTime() + 1000));
    }
    const first = await ok(hall.gql(BOOK, { first: 2 }), "page 1");
    expect(first.data.commentBook.nodes.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1]]);
    const second = await ok(hall.gql(BOOK, { first: 1, after: first.data.commentBook.pageInfo.endCursor }), "page 2");
    expect(second.data.commentBook.nodes.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
  });
});
