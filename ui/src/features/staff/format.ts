// Small pure helpers for the staff screens (kept free of React so vitest can check them).

/** Today as "YYYY-MM-DD" in local time: expiries are calendar days in the office's time zone. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Whole days from `today` to `date` (both "YYYY-MM-DD"); negative once past. */
export function daysUntil(date: string, today: string = todayIso()): number {
  const utc = (s: string) => {
    const [y = 0, m = 1, d = 1] = s.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(date) - utc(today)) / 86_400_000);
}

export type ExpiryState = "expired" | "soon" | "coming" | "ok";

/** Expired, within 30 days, within 90 days, or later: the colours of every expiry column. */
export function expiryState(date: string, today: string = todayIso()): ExpiryState {
  const d = daysUntil(date, today);
  if (d < 0) return "expired";
  if (d <= 30) return "soon";
  if (d <= 90) return "coming";
  return "ok";
}

export const EXPIRY_COLOR: Record<ExpiryState, string> = {
  expired: "red",
  soon: "orange",
  coming: "yellow",
  ok: "gray",
};

/** Score colour: complete green, nearly complete lime, then yellow, orange, red. */
export function scoreColor(score: number): string {
  if (score >= 100) return "green";
  if (score >= 90) return "lime";
  if (score >= 75) return "yellow";
  if (score >= 50) return "orange";
  return "red";
}

/** An IBAN as people read it: groups of four ("IT60 X054 2811 …"). */
export function groupIban(iban: string): string {
  return iban
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * A date typed the way Italians write it: dd/mm/yyyy (also with "." or "-", and one-digit day
 * or month), or ISO yyyy-mm-dd. Returns "YYYY-MM-DD", or null for anything incomplete or not a
 * real calendar day.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (!match) return null;
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  const p = (n: number) => String(n).padStart(2, "0");
  return `${y}-${p(m)}-${p(d)}`;
}

/** A file size in KB or MB, with the locale's decimal separator. */
export function formatSize(bytes: number, locale: string): string {
  const nf = (v: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(bytes / 1024, 0)} KB`;
  return `${nf(bytes / (1024 * 1024), 1)} MB`;
}
