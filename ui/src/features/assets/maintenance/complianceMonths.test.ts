import { describe, expect, it } from "vitest";
import type { MaintenanceComplianceMonth } from "../../../bindings/MaintenanceComplianceMonth";
import { monthlyFigures } from "./complianceMonths";

const row = (
  plan_id: number,
  month: string,
  completions: number,
  on_time: number,
): MaintenanceComplianceMonth => ({
  plan_id,
  plan_title: `Plan ${plan_id}`,
  month,
  completions,
  on_time,
  percent: 0,
});

describe("monthlyFigures", () => {
  it("adds the plans up per month and leaves empty months without a figure", () => {
    const out = monthlyFigures(
      [row(1, "2026-01", 2, 1), row(2, "2026-01", 1, 1), row(1, "2026-03", 3, 3)],
      "2026-01-01",
      "2026-03-15",
    );
    expect(out).toEqual([
      { month: "2026-01", completions: 3, on_time: 2, percent: 67 },
      { month: "2026-02", completions: 0, on_time: 0, percent: null },
      { month: "2026-03", completions: 3, on_time: 3, percent: 100 },
    ]);
  });

  it("crosses the year and rounds half up", () => {
    const out = monthlyFigures([row(1, "2027-01", 8, 1)], "2026-12-01", "2027-01-31");
    expect(out.map((f) => f.month)).toEqual(["2026-12", "2027-01"]);
    // 12.5 % is 13.
    expect(out[1]?.percent).toBe(13);
  });
});
