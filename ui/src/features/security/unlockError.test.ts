import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/invoke";
import { en } from "../../i18n/en";
import { it as itStrings } from "../../i18n/it";
import { strings } from "./i18n";
import { unlockError } from "./unlockError";

async function translator(lng: "it" | "en") {
  const i = i18next.createInstance();
  await i.init({
    resources: {
      en: { translation: { ...en, ...strings.en } },
      it: { translation: { ...itStrings, ...strings.it } },
    },
    lng,
    interpolation: { escapeValue: false },
  });
  return i.t;
}

const error = (
  code: string,
  params: Record<string, string> = {},
  fields = [] as ApiError["fields"],
) => new ApiError({ code: code as ApiError["code"], message: "detail", fields, params });

describe("unlock errors", () => {
  it("say which secret did not fit, and how long to wait once the waits start", async () => {
    const t = await translator("en");
    expect(unlockError(error("wrong_passphrase"), false, t)).toBe(
      "That passphrase does not open this data.",
    );
    expect(unlockError(error("wrong_passphrase"), true, t)).toBe(
      "That recovery key does not open this data.",
    );
    expect(unlockError(error("wrong_passphrase", { seconds: "20" }), false, t)).toBe(
      "Too many wrong tries: wait 20 seconds before the next one.",
    );
  });

  it("word a mistyped recovery key and a foreign key file in Italian", async () => {
    const t = await translator("it");
    const invalid = error("validation", {}, [
      { field: "recovery_key", code: "invalid", params: {} },
    ]);
    expect(unlockError(invalid, true, t)).toBe(
      "Non è una chiave di recupero: 13 gruppi di quattro lettere e cifre",
    );
    expect(unlockError(error("wrong_key"), false, t)).toContain("non apre questo database");
  });
});
