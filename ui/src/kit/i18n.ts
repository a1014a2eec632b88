import { addTranslations, type Shape } from "../i18n/strings";

// The shared screens' own words (lists, record pages, export buttons), in both languages.

const en = {
  kit: {
    keyboardHint: "↑ ↓ to move, Enter to open",
    loading: "Loading rows",
    exportCsv: "Export CSV",
    exportXlsx: "Export Excel",
    exported_one: "{{count}} row saved to {{path}}",
    exported_other: "{{count}} rows saved to {{path}}",
  },
};

const it: Shape<typeof en> = {
  kit: {
    keyboardHint: "↑ ↓ per spostarsi, Invio per aprire",
    loading: "Caricamento delle righe",
    exportCsv: "Esporta CSV",
    exportXlsx: "Esporta Excel",
    exported_one: "{{count}} riga salvata in {{path}}",
    exported_other: "{{count}} righe salvate in {{path}}",
  },
};

export const strings = { en, it };
addTranslations(strings);
