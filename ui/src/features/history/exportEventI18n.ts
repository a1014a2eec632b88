import { addTranslations, type Shape } from "../../i18n/strings";

// Strings of export events in history, added to the resources under `exportEvent` when the
// history chunk loads.

export const exportEventEn = {
  kind: {
    staff_list: "the staff list",
    departments_list: "the department list",
    history: "the history",
    employee_file: "the employee file",
    assets_list: "the IT asset list",
    maintenance_plans: "the maintenance plans",
    maintenance_log: "the maintenance work log",
  },
  summary_one: "Exported {{what}} as {{format}}: {{count}} row",
  summary_other: "Exported {{what}} as {{format}}: {{count}} rows",
  employeeFile: "Exported the employee file of {{name}} as {{format}}",
  employeeContents: "Documents: {{documents}}, training records: {{training}}",
  document: "Exported the document “{{title}}” as {{format}}",
  filter: "Filter: {{filter}}",
  noFilter: "No filter: every row",
  file: "File: {{file}}",
  key: {
    search: "search",
    status: "status",
    department: "department",
    department_id: "department no.",
    contract_type: "contract type",
    contract_type_id: "contract type no.",
    completeness_below: "completeness below",
    expiring_within_days: "expiring within (days)",
    entity: "area",
    actor: "person",
    row_id: "record no.",
    from: "from",
    until: "before",
    to: "to",
    employee_id: "employee no.",
    document_id: "document no.",
  },
  status: { all: "all", active: "active", terminated: "left" },
};

export const exportEventIt: Shape<typeof exportEventEn> = {
  kind: {
    staff_list: "l'elenco del personale",
    departments_list: "l'elenco dei reparti",
    history: "lo storico",
    employee_file: "il fascicolo del dipendente",
    assets_list: "l'elenco dei beni IT",
    maintenance_plans: "i piani di manutenzione",
    maintenance_log: "il registro degli interventi di manutenzione",
  },
  summary_one: "Esportato {{what}} in {{format}}: {{count}} riga",
  summary_other: "Esportato {{what}} in {{format}}: {{count}} righe",
  employeeFile: "Esportato il fascicolo di {{name}} in {{format}}",
  employeeContents: "Documenti: {{documents}}, formazioni: {{training}}",
  document: "Esportato il documento «{{title}}» in {{format}}",
  filter: "Filtro: {{filter}}",
  noFilter: "Nessun filtro: tutte le righe",
  file: "File: {{file}}",
  key: {
    search: "ricerca",
    status: "stato",
    department: "reparto",
    department_id: "reparto n.",
    contract_type: "tipo di contratto",
    contract_type_id: "tipo di contratto n.",
    completeness_below: "completezza sotto",
    expiring_within_days: "in scadenza entro (giorni)",
    entity: "area",
    actor: "persona",
    row_id: "record n.",
    from: "dal",
    until: "prima del",
    to: "al",
    employee_id: "dipendente n.",
    document_id: "documento n.",
  },
  status: { all: "tutti", active: "in forza", terminated: "cessati" },
};

addTranslations({ en: { exportEvent: exportEventEn }, it: { exportEvent: exportEventIt } });
