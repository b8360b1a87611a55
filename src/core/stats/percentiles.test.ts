import { median, percentile } from "./percentiles";

describe("median and percentiles for the dashboards", () => {
  it("an odd count has its middle value as median; an even count the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("the 90th percentile by nearest rank is one of the values", () => {
    const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([], 90)).toBeNull();
  });
});
