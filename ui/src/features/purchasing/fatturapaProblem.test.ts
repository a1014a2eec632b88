import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { fatturapaProblem } from "./fatturapaProblem";
import { strings } from "./i18n-fatturapa";

beforeAll(async () => {
  await i18next.init({ lng: "it", resources: {} });
  for (const language of ["en", "it"] as const) {
    i18next.addResourceBundle(language, "translation", strings[language], true, true);
  }
});

describe("fatturapaProblem", () => {
  it("shows cents as money, the rate as a percentage, and where", () => {
    const text = fatturapaProblem(
      {
        file: "IT01_1.xml",
        path: "FatturaElettronicaBody[1]/DatiBeniServizi/DatiRiepilogo[1]/ImponibileImporto",
        code: "summary_taxable",
        params: { rate: "2200", expected: "20500", found: "20000", difference: "-500" },
      },
      i18next.t,
      "it",
    );
    expect(text).toContain("IVA 22 %");
    expect(text).toContain("205,00");
    expect(text).toContain("IT01_1.xml, elemento FatturaElettronicaBody[1]");
  });
});
