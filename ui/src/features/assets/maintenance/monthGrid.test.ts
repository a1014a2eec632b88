import { describe, expect, it } from "vitest";
import { monthGrid, shiftMonth, weekdayHeaders } from "./monthGrid";

describe("monthGrid", () => {
  it("starts on the Monday before the first and ends on the Sunday after the last", () => {
    // December 2026 begins on a Tuesday and ends on a Thursday.
    const g = monthGrid(2026, 12);
    expect(g).toHaveLength(35);
    expect(g[0]).toEqual({ date: "2026-11-30", day: 30, inMonth: false });
    expect(g[1]).toEqual({ date: "2026-12-01", day: 1, inMonth: true });
    expect(g[34]).toEqual({ date: "2027-01-03", day: 3, inMonth: false });
    expect(g.filter((d) => d.inMonth)).toHaveLength(31);
  });

  it("has no leading days when the month begins on a Monday", () => {
    const g = monthGrid(2026, 6);
    expect(g[0]?.date).toBe("2026-06-01");
    expect(g.at(-1)?.date).toBe("2026-07-05");
  });

  it("takes six weeks when the month needs them", () => {
    // August 2026 begins on a Saturday.
    const g = monthGrid(2026, 8);
    expect(g).toHaveLength(42);
    expect(g[0]?.date).toBe("2026-07-27");
    expect(g[5]?.date).toBe("2026-08-01");
    expect(g.at(-1)?.date).toBe("2026-09-06");
  });

  it("takes four weeks for a February of 28 days beginning on a Monday", () => {
    const g = monthGrid(2027, 2);
    expect(g).toHaveLength(28);
    expect(g.every((d) => d.inMonth)).toBe(true);
  });

  it("knows leap years", () => {
    expect(monthGrid(2028, 2).filter((d) => d.inMonth)).toHaveLength(29);
  });
});

describe("shiftMonth", () => {
  it("crosses years both ways", () => {
    expect(shiftMonth(2026, 12, 1)).toEqual([2027, 1]);
    expect(shiftMonth(2026, 1, -1)).toEqual([2025, 12]);
    expect(shiftMonth(2026, 5, 1)).toEqual([2026, 6]);
  });
});

describe("weekdayHeaders", () => {
  it("begins with Monday in both languages", () => {
    expect(weekdayHeaders("en-GB")[0]).toBe("Mon");
    expect(weekdayHeaders("it-IT")[0]?.toLowerCase()).toBe("lun");
    expect(weekdayHeaders("it-IT")[6]?.toLowerCase()).toBe("dom");
  });
});
