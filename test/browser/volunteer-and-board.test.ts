import { createServer, type AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { clientRoutes } from "../../src/clients";
import { launchBrowser, screenshot } from "../support/browser";
import { addService, addWindow, CALL, signOn, student, TAKE, volunteer } from "../support/front-line";
import { describeWith, startTestHall, type TestHall } from "../support/test-hall";

describeWith("student-affairs")("the volunteer's window and the hall board in a real browser", () => {
  let hall: TestHall;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    hall = await startTestHall({ routes: clientRoutes({ graphiql: true }) });
    base = hall.url.replace(/\/graphql$/, "");
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await hall?.stop();
  });

  it("a volunteer calls a number and the board shows it at their window", async () => {
    await addService(hall, "b-photo");
    await addWindow(hall, "B1", "student-affairs", ["b-photo"]);
    const v = await volunteer(hall, "B-07");
    const s = await student(hall);
    const taken = await hall.gql(TAKE, { s: "b-photo" }, s.token);
    const number = taken.data.takeTicket.number;

    const board = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await board.goto(`${base}/board?departments=student-affairs`);
    await board.locator('section[data-department="student-affairs"] .waiting[data-count="1"]').waitFor();

    const app = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await app.goto(`${base}/app`);
    await app.fill("#account", "volunteer-B-07");
    await app.fill("#password", "password-123");
    await app.click("#login");
    await app.locator("#duty").waitFor({ state: "visible" });
    await app.selectOption("#window-select", { label: "窗口 B1 · student-affairs" });
    await app.click("#sign-on");
    await app.locator("#message.ok").waitFor();
    await app.click("#call-next");
    await app.locator("#current-number", { hasText: number }).waitFor();

    const call = board.locator(`li[data-number="${number}"]`);
    await call.waitFor({ timeout: 5000 });
    expect(await call.textContent()).toContain("B1");
    await screenshot(board, "board-after-call");
    await screenshot(app, "app-after-call");
    void v;
  });

  it("a refused action shows its message: calling before signing on", async () => {
    await addService(hall, "b-stamp");
    await addWindow(hall, "B2", "student-affairs", ["b-stamp"]);
    await volunteer(hall, "B-08");
    const app = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await app.goto(`${base}/app`);
    await app.fill("#account", "volunteer-B-08");
    await app.fill("#password", "password-123");
    await app.click("#login");
    await app.locator("#duty").waitFor({ state: "visible" });
    await app.selectOption("#window-select", { label: "窗口 B2 · student-affairs" });
    await app.click("#call-next");
    const message = app.locator("#message");
    await message.filter({ hasText: "无权执行此操作" }).waitFor();
    expect(await message.textContent()).toContain("Sign on to window B2");
    await screenshot(app, "app-refused-phone");
  });

  it("GraphiQL loads from the npm package, with nothing from another host", async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on("request", (r) => !r.url().startsWith(base) && !r.url().startsWith("data:") && outside.push(r.url()));
    await page.goto(`${base}/graphiql`);
    await page.locator(".graphiql-container").waitFor({ timeout: 10000 });
    expect(outside).toEqual([]);
    await screenshot(page, "graphiql");
  });
});

describeWith("student-affairs")("the hall board across a server restart", () => {
  it("reconnects by itself and shows the calls made after the restart", async () => {
    const port = await freePort();
    const env = { PORT: String(port) };
    let hall = await startTestHall({ env, keepDatabase: true, routes: clientRoutes({ graphiql: false }) });
    const { browser, close } = await launchBrowser();
    try {
      await addService(hall, "r-photo");
      const windowId = await addWindow(hall, "R1", "student-affairs", ["r-photo"]);
      const board = await browser.newPage();
      await board.goto(`http://127.0.0.1:${port}/board?departments=student-affairs`);
      await board.locator('section[data-department="student-affairs"] .waiting[data-count="0"]').waitFor();

      const databaseUrl = hall.databaseUrl;
      await hall.stop();
      await board.locator("#offline.shown").waitFor({ timeout: 10000 });
      hall = await startTestHall({ env, databaseUrl, routes: clientRoutes({ graphiql: false }) });

      const v = await volunteer(hall, "R-01");
      await signOn(hall, v.token, windowId);
      const s = await student(hall);
      const taken = await hall.gql(TAKE, { s: "r-photo" }, s.token);
      await hall.gql(CALL, { w: windowId }, v.token);
      await board.locator(`li[data-number="${taken.data.takeTicket.number}"]`).waitFor({ timeout: 15000 });
      expect(await board.locator("#offline").getAttribute("class")).not.toContain("shown");
      await screenshot(board, "board-after-restart");
    } finally {
      await close();
      await hall.stop();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
