import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { it as itStrings } from "../../i18n/it";
import { exportEventLines } from "./ExportEvent";
import { exportEventEn, exportEventIt } from "./exportEventI18n";
import { strings as history } from "./i18n";

async function translator(language: "it" | "en") {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      en: { translation: { ...en, ...history.en, exportEvent: exportEventEn } },
      it: { translation: { ...itStrings, ...history.it, exportEvent: exportEventIt } },
    },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe("export events in history", () => {
  it("say what, how many rows, which filter and which file, in both languages", async () => {
    const payload = {
      kind: "staff_list",
      format: "csv",
      rows: 2,
      file: "personale.csv",
      filter: { search: "ross", status: "all", department_id: 4, department: "Magazzino" },
    };
    expect(exportEventLines(payload, await translator("en"), "en")).toEqual([
      "Exported the staff list as CSV: 2 rows",
      "Filter: search “ross”, status all, department Magazzino",
      "File: personale.csv",
    ]);
    expect(exportEventLines(payload, await translator("it"), "it")).toEqual([
      "Esportato l'elenco del personale in CSV: 2 righe",
      "Filtro: ricerca “ross”, stato tutti, reparto Magazzino",
      "File: personale.csv",
    ]);
  });

  it("name the history's areas and an employee's file", async () => {
    const t = await translator("it");
    expect(
      exportEventLines(
        { kind: "history", format: "csv", rows: 1, filter: { entity: "employees" } },
        t,
        "it",
      ),
    ).toEqual(["Esportato lo storico in CSV: 1 riga", "Filtro: area Dipendente"]);
    expect(
      exportEventLines({ kind: "history", format: "csv", rows: 5, filter: {} }, t, "it")[1],
    ).toBe("Nessun filtro: tutte le righe");
    expect(
      exportEventLines(
        {
          kind: "employee_file",
          format: "zip",
          rows: 1,
          employee: "Rossi Mario",
          documents: 2,
          training: 1,
          filter: { employee_id: 1 },
        },
        await translator("en"),
        "en",
      ),
    ).toEqual([
      "Exported the employee file of Rossi Mario as ZIP",
      "Documents: 2, training records: 1",
    ]);
    expect(
      exportEventLines(
        { kind: "document", format: "pdf", rows: 1, title: "Carta d'identità", file: "ci.pdf" },
        t,
        "it",
      ),
    ).toEqual(["Esportato il documento «Carta d'identità» in PDF", "File: ci.pdf"]);
  });
});
