import { addTranslations, type Shape } from "../../i18n/strings";

// The header search's words for supplier invoices; loads with the shell, so it stays small.

const en = {
  invoiceSearch: {
    group: "Supplier invoices",
    more: "More invoices: search the invoice list in Purchasing",
  },
};

const it: Shape<typeof en> = {
  invoiceSearch: {
    group: "Fatture fornitori",
    more: "Altre fatture: cerca nell'elenco fatture di Acquisti",
  },
};

export const strings = { en, it };
addTranslations(strings);
