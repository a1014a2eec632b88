import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/invoke";
import { en } from "../../i18n/en";
import { it as itStrings } from "../../i18n/it";
import { importErrorMessage } from "./errors";
import { importEn, importIt } from "./i18n";

async function translator(lng: "it" | "en") {
  const i = i18next.createInstance();
  await i.init({
    resources: {
      en: { translation: { ...en, import: importEn } },
      it: { translation: { ...itStrings, import: importIt } },
    },
    lng,
    interpolation: { escapeValue: false },
  });
  return i.t;
}

const tooManyRows = new ApiError({
  code: "bad_file",
  message: "more than 100000 rows",
  fields: [],
  params: { reason: "too_many_rows", max: "100000", file: "dipendenti.csv" },
});

describe("import errors", () => {
  it("show the reason in the person's language, never Rust's English detail", async () => {
    const it = await translator("it");
    expect(importErrorMessage(tooManyRows, it)).toBe(
      "Il file ha più di 100000 righe: dividilo in file più piccoli.",
    );
    const en = await translator("en");
    expect(importErrorMessage(tooManyRows, en)).toBe(
      "The file has more than 100000 rows: split it into smaller files.",
    );
  });

  it("word every reason in both languages with its numbers filled in", async () => {
    for (const lng of ["it", "en"] as const) {
      const t = await translator(lng);
      for (const reason of Object.keys(importEn.badFile)) {
        const text = importErrorMessage(
          new ApiError({
            code: "bad_file",
            message: "detail",
            fields: [],
            params: { reason, max: "7", max_mb: "8", line: "9", column: "C" },
          }),
          t,
        );
        expect(text).not.toContain("{{");
        expect(text).not.toContain("detail");
        expect(text).not.toContain("import.badFile");
      }
    }
  });
});
