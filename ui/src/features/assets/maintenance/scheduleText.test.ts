import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Schedule } from "../../../bindings/Schedule";
import { strings } from "./i18n";
import { scheduleText } from "./scheduleText";

let en: TFunction;
let itT: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: "en",
    interpolation: { escapeValue: false },
    resources: { en: { translation: strings.en }, it: { translation: strings.it } },
  });
  en = i18n.getFixedT("en");
  itT = i18n.getFixedT("it");
});

const fromCompletion = (every: number, unit: Schedule["unit"]): Schedule => ({
  every,
  unit,
  anchor: { kind: "from_completion" },
});

const fixed = (every: number, unit: Schedule["unit"], start: string): Schedule => ({
  every,
  unit,
  anchor: { kind: "fixed", start, rule: { kind: "same_day" } },
});

const nth = (
  every: number,
  unit: Schedule["unit"],
  n: "first" | "last",
  weekday: "mon" | "fri" | "sun",
): Schedule => ({
  every,
  unit,
  anchor: { kind: "fixed", start: "2026-03-02", rule: { kind: "nth_weekday", nth: n, weekday } },
});

describe("scheduleText in English", () => {
  it("words a schedule counted from completion", () => {
    expect(scheduleText(fromCompletion(1, "months"), en, "en")).toBe("Every month from completion");
    expect(scheduleText(fromCompletion(3, "months"), en, "en")).toBe(
      "Every 3 months from completion",
    );
    expect(scheduleText(fromCompletion(1, "days"), en, "en")).toBe("Every day from completion");
    expect(scheduleText(fromCompletion(2, "weeks"), en, "en")).toBe(
      "Every 2 weeks from completion",
    );
  });

  it("words fixed dates", () => {
    expect(scheduleText(fixed(6, "months", "2026-01-05"), en, "en")).toBe(
      "Every 6 months from 05/01/2026",
    );
    expect(scheduleText(fixed(1, "years", "2026-08-11"), en, "en")).toBe(
      "Every year from 11/08/2026",
    );
  });

  it("words a weekday of the month", () => {
    expect(scheduleText(nth(1, "months", "first", "mon"), en, "en")).toBe(
      "The first Monday of the month",
    );
    expect(scheduleText(nth(3, "months", "first", "mon"), en, "en")).toBe(
      "Every 3 months on the first Monday",
    );
    expect(scheduleText(nth(1, "years", "last", "fri"), en, "en")).toBe(
      "Every year on the last Friday of March",
    );
  });
});

describe("scheduleText in Italian", () => {
  it("words a schedule counted from completion", () => {
    expect(scheduleText(fromCompletion(1, "months"), itT, "it")).toBe(
      "Ogni mese dal completamento",
    );
    expect(scheduleText(fromCompletion(3, "months"), itT, "it")).toBe(
      "Ogni 3 mesi dal completamento",
    );
    expect(scheduleText(fromCompletion(1, "weeks"), itT, "it")).toBe(
      "Ogni settimana dal completamento",
    );
    expect(scheduleText(fromCompletion(2, "years"), itT, "it")).toBe(
      "Ogni 2 anni dal completamento",
    );
  });

  it("words fixed dates, eliding before a vowel", () => {
    expect(scheduleText(fixed(6, "months", "2026-01-05"), itT, "it")).toBe(
      "Ogni 6 mesi dal 05/01/2026",
    );
    expect(scheduleText(fixed(1, "years", "2026-01-11"), itT, "it")).toBe(
      "Ogni anno dall'11/01/2026",
    );
    expect(scheduleText(fixed(10, "days", "2026-02-08"), itT, "it")).toBe(
      "Ogni 10 giorni dall'08/02/2026",
    );
  });

  it("words a weekday of the month with its article", () => {
    expect(scheduleText(nth(1, "months", "first", "mon"), itT, "it")).toBe(
      "Il primo lunedì del mese",
    );
    expect(scheduleText(nth(3, "months", "first", "mon"), itT, "it")).toBe(
      "Ogni 3 mesi, il primo lunedì",
    );
    expect(scheduleText(nth(1, "months", "last", "sun"), itT, "it")).toBe(
      "L'ultima domenica del mese",
    );
    expect(scheduleText(nth(1, "years", "last", "fri"), itT, "it")).toBe(
      "Ogni anno, l'ultimo venerdì di marzo",
    );
  });
});
