import { startTestHall, type TestHall } from "./support/test-hall";

describe("the catalogue a new hall starts with", () => {
  let hall: TestHall;
  beforeAll(async () => {
    hall = await startTestHall();
  });
  afterAll(() => hall.stop());

  it("lists the six resident departments", async () => {
    const reply = await hall.gql(`{ departments { code name nameEn } }`);
    expect(reply.data.departments.map((d: { code: string }) => d.code).sort()).toEqual(
      ["academic-affairs", "it-office", "logistics", "security", "student-affairs", "youth-league"],
    );
  });
});
