import { addTranslations, type Shape } from "../../i18n/strings";

// The departments screens' strings in both languages, added to the resources when this chunk loads.

const en = {
  departments: {
    title: "Departments",
    subtitle: "The units staff, budgets and assets belong to.",
    new: "New department",
    import: "Import",
    exportTitle: "Save the department list",
    editTitle: "Edit department",
    newTitle: "New department",
    searchPlaceholder: "Search name, code, head, cost centre",
    status: { active: "Active", inactive: "Inactive", all: "All" },
    deactivate: "Deactivate",
    reactivate: "Reactivate",
    deactivated: "Department deactivated",
    reactivated: "Department reactivated",
    created: "Department created",
    updated: "Department updated",
    emptyTitle: "No departments yet",
    emptyText: "Create the first one with “New department”.",
    noMatch: "No department matches the filter.",
    headHelp: "Free text until staff files exist.",
    backToList: "All departments",
    tabs: { details: "Details", files: "Files" },
    isActive: "Active",
    isInactive: "Deactivated",
    costCentreShort: "Cost centre {{cc}}",
    lastChange: "Last changed",
  },
};

const it: Shape<typeof en> = {
  departments: {
    title: "Reparti",
    subtitle: "Le unità a cui appartengono personale, budget e beni.",
    new: "Nuovo reparto",
    import: "Importa",
    exportTitle: "Salva l'elenco dei reparti",
    editTitle: "Modifica reparto",
    newTitle: "Nuovo reparto",
    searchPlaceholder: "Cerca nome, codice, responsabile, centro di costo",
    status: { active: "Attivi", inactive: "Disattivati", all: "Tutti" },
    deactivate: "Disattiva",
    reactivate: "Riattiva",
    deactivated: "Reparto disattivato",
    reactivated: "Reparto riattivato",
    created: "Reparto creato",
    updated: "Reparto aggiornato",
    emptyTitle: "Nessun reparto",
    emptyText: "Crea il primo con «Nuovo reparto».",
    noMatch: "Nessun reparto corrisponde al filtro.",
    headHelp: "Testo libero finché non esistono le schede del personale.",
    backToList: "Tutti i reparti",
    tabs: { details: "Dati", files: "File" },
    isActive: "Attivo",
    isInactive: "Disattivato",
    costCentreShort: "Centro di costo {{cc}}",
    lastChange: "Ultima modifica",
  },
};

export const strings = { en, it };
addTranslations(strings);
