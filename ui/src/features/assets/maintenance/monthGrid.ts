// The days a month view shows: whole weeks, Monday first, with the previous and next months' days
// filling the first and last weeks. Pure, so the grid is tested without rendering.

export type GridDay = {
  /** "YYYY-MM-DD". */
  date: string;
  day: number;
  /** False for the neighbouring months' days that complete a week. */
  inMonth: boolean;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `month` is 1 to 12. Five or six weeks (four for a February starting on Monday in 28 days). */
export function monthGrid(year: number, month: number): GridDay[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay is 0 on Sunday; Monday first makes Sunday the seventh column.
  const before = (first.getUTCDay() + 6) % 7;
  const cells = Math.ceil((before + length) / 7) * 7;
  const out: GridDay[] = [];
  for (let i = 0; i < cells; i++) {
    const d = new Date(Date.UTC(year, month - 1, 1 - before + i));
    out.push({ date: iso(d), day: d.getUTCDate(), inMonth: d.getUTCMonth() === month - 1 });
  }
  return out;
}

/** The month after (`step` 1) or before (`step` -1) year/month. */
export function shiftMonth(year: number, month: number, step: number): [number, number] {
  const index = year * 12 + (month - 1) + step;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Monday to Sunday's short names in the given locale. */
export function weekdayHeaders(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
