import type { TFunction } from "i18next";
import type { Schedule } from "../../../bindings/Schedule";
import type { Weekday } from "../../../bindings/Weekday";
import { formatDate, localeTag } from "../../../i18n/format";

// A schedule in words, in the interface's language ("Every 3 months from completion", "Il primo
// lunedì del mese"). Pure: the caller passes `t`, so tests can word it in either language.

const WEEKDAY_INDEX: Record<Weekday, number> = {
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};

/** The weekday's name from the platform's locale data (2024-01-01 was a Monday). */
export function weekdayName(day: Weekday, language: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAY_INDEX[day]));
  return new Intl.DateTimeFormat(localeTag(language), { weekday: "long", timeZone: "UTC" }).format(
    date,
  );
}

/** The month's name of a "YYYY-MM-DD" date, lower case in Italian as the language writes it. */
function monthName(date: string, language: string): string {
  const [y = 2000, m = 1] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(localeTag(language), { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Italian elides "dal" before a date read with a vowel: "dall'8/…", "dall'11/…" (the day is
 * written with two digits, "08", but still read "otto"). English has the same word either way.
 */
function readsWithVowel(formatted: string): boolean {
  return /^(0?8|11)\D/.test(formatted);
}

export function scheduleText(s: Schedule, t: TFunction, language: string): string {
  const every = t(`maintenance.schedule.every.${s.unit}`, { count: s.every });
  const a = s.anchor;
  if (a.kind === "from_completion") return t("maintenance.schedule.fromCompletion", { every });
  if (a.rule.kind === "same_day") {
    const date = formatDate(a.start, language);
    const key = readsWithVowel(date) ? "fromDateElided" : "fromDate";
    return t(`maintenance.schedule.${key}`, { every, date });
  }
  // Italian's domenica is feminine ("la prima domenica"); English has one table twice over.
  const table = a.rule.weekday === "sun" ? "nthFeminine" : "nth";
  const nth = t(`maintenance.schedule.${table}.${a.rule.nth}`);
  const weekday = weekdayName(a.rule.weekday, language);
  if (s.unit === "years") {
    const month = monthName(a.start, language);
    return t("maintenance.schedule.yearlyNth", { every, nth, weekday, month });
  }
  if (s.every === 1) {
    return capitalise(t("maintenance.schedule.monthlyNth", { nth, weekday }));
  }
  return t("maintenance.schedule.everyNth", { every, nth, weekday });
}
