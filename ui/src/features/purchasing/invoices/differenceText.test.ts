import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { differenceText } from "./differenceText";
import { strings } from "./i18n-match";

beforeAll(async () => {
  await i18next.init({ lng: "it", resources: {} });
  for (const language of ["en", "it"] as const) {
    i18next.addResourceBundle(language, "translation", strings[language], true, true);
  }
});

describe("differenceText", () => {
  it("words quantity, price and VAT differences as accounting reads them", async () => {
    await i18next.changeLanguage("it");
    const t = i18next.t;
    const q = differenceText(
      { kind: "quantity", invoiced: 12_000, available: 10_000 },
      "invoice",
      "EUR",
      t,
      "it",
    );
    expect(q).toBe("Fatturati 12, ricevuti e non fatturati 10");
    const kg = differenceText(
      { kind: "quantity", invoiced: 12_500, available: 10_000 },
      "invoice",
      "EUR",
      t,
      "it",
      "kg",
    );
    expect(kg).toBe("Fatturati 12,5 kg, ricevuti e non fatturati 10 kg");
    const p = differenceText(
      {
        kind: "price",
        order_unit_price: 100_000,
        invoice_unit_price: 105_000,
        expected_cents: 10_000,
        invoiced_cents: 10_500,
      },
      "invoice",
      "EUR",
      t,
      "it",
    );
    expect(p).toMatch(/^Prezzo 10,50\s€ contro 10,00\s€ dell'ordine: \+5,00\s€$/);
    const v = differenceText(
      {
        kind: "vat_rate",
        order_rate_bp: 2200,
        order_nature: null,
        invoice_rate_bp: 1000,
        invoice_nature: null,
      },
      "invoice",
      "EUR",
      t,
      "it",
    );
    expect(v).toBe("IVA 10 % contro 22 % dell'ordine");
    await i18next.changeLanguage("en");
    expect(
      differenceText(
        { kind: "quantity", invoiced: 3_000, available: 2_000 },
        "credit_note",
        "EUR",
        i18next.t,
        "en",
      ),
    ).toBe("Credited 3, invoiced so far 2");
  });
});
