import { addTranslations, type Shape } from "../../i18n/strings";

// The home screens' strings in both languages, added to the resources when this chunk loads.

const en = {
  home: {
    title: "Home",
    notSetUp: "The organisation is not set up yet.",
    setUp: "Set up the organisation",
    vat: "VAT number",
    address: "Address",
    database: "Database",
    location: "Location",
    schema: "Schema version",
    integrity: "Integrity",
    integrityState: {
      checking: "Checking…",
      ok: "OK",
      damaged: "Damaged: changes are disabled",
    },
    history: "History",
    changes: "Recorded changes",
    lastChange: "Last change",
    headHash: "Chain head",
    noChanges: "No changes recorded yet.",
    departments: "Departments",
    activeDepartments: "Active departments",
    openDepartments: "Open departments",
    appVersion: "Backoffice version {{version}}",
  },
};

const it: Shape<typeof en> = {
  home: {
    title: "Home",
    notSetUp: "L'organizzazione non è ancora configurata.",
    setUp: "Configura l'organizzazione",
    vat: "Partita IVA",
    address: "Indirizzo",
    database: "Database",
    location: "Posizione",
    schema: "Versione schema",
    integrity: "Integrità",
    integrityState: {
      checking: "Verifica in corso…",
      ok: "OK",
      damaged: "Danneggiato: modifiche disattivate",
    },
    history: "Storico",
    changes: "Modifiche registrate",
    lastChange: "Ultima modifica",
    headHash: "Testa della catena",
    noChanges: "Nessuna modifica registrata.",
    departments: "Reparti",
    activeDepartments: "Reparti attivi",
    openDepartments: "Apri i reparti",
    appVersion: "Backoffice versione {{version}}",
  },
};

export const strings = { en, it };
addTranslations(strings);
