// Locale-aware formatting. English uses en-GB so dates stay day/month/year, as an Italian office expects.

const LOCALES: Record<string, string> = { it: "it-IT", en: "en-GB" };

export function localeTag(language: string): string {
  return LOCALES[language] ?? "en-GB";
}

/** A calendar date ("2026-03-02" or an instant) as dd/mm/yyyy. */
export function formatDate(value: string, language: string): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(localeTag(language), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(d);
}

/** An instant in the user's time zone, as dd/mm/yyyy hh:mm. */
export function formatDateTime(value: string, language: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(localeTag(language), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(d);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeTag(language)).format(value);
}

/** Money kept as integer minor units (cents) plus an ISO 4217 code. */
export function formatMoney(minor: number, currency: string, language: string): string {
  return new Intl.NumberFormat(localeTag(language), {
    style: "currency",
    currency,
    // Italian CLDR omits the thousands separator below 10,000; offices expect 1.234,56 €.
    useGrouping: "always",
  }).format(minor / 100);
}
