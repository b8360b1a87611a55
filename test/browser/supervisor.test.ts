import { clientRoutes } from "../../src/clients";
import { launchBrowser, screenshot } from "../support/browser";
import { student } from "../support/front-line";
import { describeWith, startTestHall, type TestHall } from "../support/test-hall";

describeWith("student-affairs")("the supervisors' feed in a real browser", () => {
  let hall: TestHall;
  let close: () => Promise<void>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>["browser"];

  beforeAll(async () => {
    hall = await startTestHall({ routes: clientRoutes({ graphiql: false }) });
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => {
    await close?.();
    await hall?.stop();
  });

  it("a complaint filed over the API appears on the supervisor's page without reload, and moves on", async () => {
    await hall.account({ account: "supervisor-wang", role: "SUPERVISOR", name: "王老师" });
    const s = await student(hall);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(hall.url.replace(/\/graphql$/, "/supervisor"));
    await page.fill("#account", "supervisor-wang");
    await page.fill("#password", "password-123");
    await page.click("#login");
    await page.locator("#feed-section").waitFor({ state: "visible" });
    // Give the socket a moment to subscribe before the complaint is committed.
    await page.waitForTimeout(500);

    const filed = await hall.gql(
      `mutation($input: FileComplaintInput!){ fileComplaint(input:$input){ id } }`,
      { input: { department: "student-affairs", text: "窗口等了很久没人理" } },
      s.token,
    );
    expect(filed.errors).toBeUndefined();
    const id = filed.data.fileComplaint.id;
    const item = page.locator(`#complaints li[data-complaint="${id}"]`);
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toContain("窗口等了很久没人理");
    await page.locator(`#feed li[data-complaint="${id}"]`).waitFor();

    await item.locator("input").fill("已联系学生");
    await item.locator('button[data-step="acknowledgeComplaint"]').click();
    await page.locator(`#complaints li[data-complaint="${id}"][data-status="ACKNOWLEDGED"]`).waitFor({ timeout: 5000 });
    await page.locator(`#complaints li[data-complaint="${id}"] button`, { hasText: "处理记录" }).click();
    await page.locator(`[data-history="${id}"]`, { hasText: "已联系学生" }).waitFor();
    await screenshot(page, "supervisor");
  });

  it("a volunteer who opens the supervisor page is told they may not", async () => {
    await hall.account({ account: "volunteer-s1", role: "VOLUNTEER", name: "志愿者", badgeNo: "S-01" });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(hall.url.replace(/\/graphql$/, "/supervisor"));
    await page.fill("#account", "volunteer-s1");
    await page.fill("#password", "password-123");
    await page.click("#login");
    await page.locator("#message", { hasText: "无权执行此操作" }).waitFor();
    expect(await page.locator("#feed-section").isHidden()).toBe(true);
    await screenshot(page, "supervisor-refused-phone");
  });
});
