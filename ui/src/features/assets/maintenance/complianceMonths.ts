import type { MaintenanceComplianceMonth } from "../../../bindings/MaintenanceComplianceMonth";

// Rust reports on-time completions per plan and month; the chart shows the whole office per month.

export type MonthFigure = {
  /** "2026-03". */
  month: string;
  completions: number;
  on_time: number;
  /** Whole per cent, half up; null in a month with no completion (no bar rather than 0 %). */
  percent: number | null;
};

/** Every month from `from` to `to` ("YYYY-MM-DD"), each plan's figures added up. */
export function monthlyFigures(
  rows: MaintenanceComplianceMonth[],
  from: string,
  to: string,
): MonthFigure[] {
  const out: MonthFigure[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  // At most 24 months, whatever the range says.
  for (let i = 0; i < 24; i++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (month > last) break;
    const mine = rows.filter((r) => r.month === month);
    const completions = mine.reduce((n, r) => n + r.completions, 0);
    const on_time = mine.reduce((n, r) => n + r.on_time, 0);
    const percent = completions === 0 ? null : Math.floor((on_time * 100) / completions + 0.5);
    out.push({ month, completions, on_time, percent });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
