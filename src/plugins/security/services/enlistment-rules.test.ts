import { csvField, csvLine } from "./csv";
import { wholeYears } from "./enlistment.service";

describe("age on the day of registering", () => {
  it.each([
    ["the day before the 17th birthday", "2009-12-09", "2026-12-08", 16],
    ["the 17th birthday itself", "2009-12-08", "2026-12-08", 17],
    ["born on 29 February, on 28 February", "2008-02-29", "2026-02-28", 17],
    ["born on 29 February, on 1 March", "2008-02-29", "2026-03-01", 18],
  ])("%s", (_situation, birth, on, age) => {
    expect(wholeYears(birth, on)).toBe(age);
  });
});

describe("CSV fields", () => {
  it.each([
    ["plain text as it is", "王小明", "王小明"],
    ["a comma quoted", "王, 明", '"王, 明"'],
    ["quotes doubled inside quotes", 'say "hi"', '"say ""hi"""'],
    ["a line break quoted", "a\nb", '"a\nb"'],
    ["a formula defused", "=SUM(A1)", "'=SUM(A1)"],
    ["a leading minus defused", "-1", "'-1"],
    ["surrounding spaces kept by quoting", " x ", '" x "'],
    ["null as empty", null, ""],
  ])("%s", (_situation, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("ends each line with CRLF", () => {
    expect(csvLine(["a", 1, true])).toBe("a,1,true\r\n");
  });
});
