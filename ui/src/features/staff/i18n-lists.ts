import { addTranslations, type Shape } from "../../i18n/strings";

// The strings of the completeness page and the staff lists' settings, in both languages (apart
// from \`i18n.ts\` only to keep each file readable), added to the resources when this chunk loads.

const en = {
  completeness: {
    title: "Completeness",
    subtitle: "How complete and up to date the staff files are, and what to fix first.",
    companyScore: "Company score",
    companyScoreHelp_one: "Average over {{count}} active employee.",
    companyScoreHelp_other: "Average over {{count}} active employees.",
    employees: "Employees",
    complete: "Complete",
    withIssues: "With issues",
    critical: "Critical",
    average: "Average",
    lowest: "Lowest",
    byDepartment: "By department",
    noDepartment: "No department",
    noStaff: "No active employees yet: the score appears once staff files exist.",
    toFix: "What needs fixing",
    toFixHelp: "Most urgent first: expired and missing items before those expiring later.",
    minSeverity: "Urgency",
    anySeverity: "Any",
    atLeast: { critical: "Critical only", high: "High or critical", medium: "Medium or above" },
    whatToFix: "What to fix",
    more_one: "and {{count}} more…",
    more_other: "and {{count}} more…",
    nothingToFix: "Nothing to fix: every file is complete.",
  },
  staffSettings: {
    title: "Staff lists",
    subtitle: "The lists behind staff files, and which documents and courses each role requires.",
    tabs: {
      requirements: "Requirements",
      documentTypes: "Document types",
      courses: "Courses",
      contractTypes: "Contract types",
    },
    requirementsIntro:
      "What each job title and/or department must have. Scores are recalculated as soon as you change this.",
    documentTypesIntro:
      "Kinds of documents that can be attached, and how long they usually stay valid.",
    coursesIntro: "Training courses, their hours and how long a completion stays valid.",
    contractTypesIntro: "Contract types offered in the employee file.",
    newRequirement: "New requirement",
    newDocumentType: "New document type",
    editDocumentType: "Edit document type",
    newCourse: "New course",
    editCourse: "Edit course",
    newContractType: "New contract type",
    editContractType: "Edit contract type",
    requirementIntro:
      "Leave job title and department empty for a requirement that applies to everyone.",
    jobTitleHelp: "As written in the employee files (capitals do not matter).",
    anyJobTitle: "Every job title",
    anyDepartment: "Every department",
    kind: { document: "Document", course: "Course" },
    requiredDocument: "Required document",
    requiredCourse: "Required course",
    requires: "Requires",
    requirementAdded: "Requirement added",
    requirementDeleted: "Requirement removed",
    deleteRequirement: "Remove requirement",
    noRequirements:
      "No requirements yet. Add one to say, for example, that every warehouse worker needs the fire-fighting course.",
    nameEnHelp: "If empty, the Italian name is shown in English too.",
    fixedTermHelp: "Employees on this contract need a contract end date.",
    expiresHelp: "Documents of this type have an expiry date.",
    validityHelp:
      "Proposed expiry: issue date plus these months. Empty: type the expiry each time.",
    courseValidityHelp: "Empty: the course never expires.",
    months_one: "{{count}} month",
    months_other: "{{count}} months",
    neverExpires: "Never expires",
    typedEachTime: "Expiry typed each time",
    deactivate: "Deactivate",
    reactivate: "Reactivate",
    deactivated: "“{{name}}” deactivated",
    reactivated: "“{{name}}” reactivated",
    deactivateTitle: "Deactivate “{{name}}”?",
    deactivateText: {
      contractType:
        "It will no longer be offered for new contracts. Employees who already have it keep it, and it stays in their files and in history.",
      documentType:
        "It will no longer be offered when attaching documents. Documents already attached keep their type and can still be opened, corrected and renewed.",
      course:
        "It will no longer be offered when recording training. Completed training keeps its course and stays in the employee files and in history.",
    },
    deactivateUndo: "Nothing is deleted: you can reactivate it at any time.",
    showInactive_one: "Show inactive ({{count}})",
    showInactive_other: "Show inactive ({{count}})",
  },
};

const it: Shape<typeof en> = {
  completeness: {
    title: "Completezza",
    subtitle:
      "Quanto sono completi e aggiornati i fascicoli del personale, e cosa sistemare prima.",
    companyScore: "Punteggio aziendale",
    companyScoreHelp_one: "Media su {{count}} dipendente in forza.",
    companyScoreHelp_other: "Media su {{count}} dipendenti in forza.",
    employees: "Dipendenti",
    complete: "Completi",
    withIssues: "Con problemi",
    critical: "Critici",
    average: "Media",
    lowest: "Minimo",
    byDepartment: "Per reparto",
    noDepartment: "Senza reparto",
    noStaff: "Nessun dipendente in forza: il punteggio comparirà quando ci saranno fascicoli.",
    toFix: "Cosa sistemare",
    toFixHelp: "Dal più urgente: elementi scaduti e mancanti prima di quelli in scadenza.",
    minSeverity: "Urgenza",
    anySeverity: "Qualsiasi",
    atLeast: { critical: "Solo critiche", high: "Alte o critiche", medium: "Medie o superiori" },
    whatToFix: "Cosa sistemare",
    more_one: "e ancora {{count}}…",
    more_other: "e altre {{count}}…",
    nothingToFix: "Niente da sistemare: tutti i fascicoli sono completi.",
  },
  staffSettings: {
    title: "Liste del personale",
    subtitle: "Le liste dei fascicoli, e quali documenti e corsi richiede ogni ruolo.",
    tabs: {
      requirements: "Requisiti",
      documentTypes: "Tipi di documento",
      courses: "Corsi",
      contractTypes: "Tipi di contratto",
    },
    requirementsIntro:
      "Cosa deve avere ogni mansione e/o reparto. I punteggi si ricalcolano appena modifichi.",
    documentTypesIntro:
      "I tipi di documento che si possono allegare, e quanto restano validi di solito.",
    coursesIntro: "I corsi di formazione, le ore e per quanto resta valido il completamento.",
    contractTypesIntro: "I tipi di contratto proposti nel fascicolo.",
    newRequirement: "Nuovo requisito",
    newDocumentType: "Nuovo tipo di documento",
    editDocumentType: "Modifica tipo di documento",
    newCourse: "Nuovo corso",
    editCourse: "Modifica corso",
    newContractType: "Nuovo tipo di contratto",
    editContractType: "Modifica tipo di contratto",
    requirementIntro: "Lascia vuoti mansione e reparto per un requisito che vale per tutti.",
    jobTitleHelp: "Come scritta nei fascicoli (maiuscole e minuscole non contano).",
    anyJobTitle: "Tutte le mansioni",
    anyDepartment: "Tutti i reparti",
    kind: { document: "Documento", course: "Corso" },
    requiredDocument: "Documento richiesto",
    requiredCourse: "Corso richiesto",
    requires: "Richiede",
    requirementAdded: "Requisito aggiunto",
    requirementDeleted: "Requisito rimosso",
    deleteRequirement: "Rimuovi requisito",
    noRequirements:
      "Nessun requisito. Aggiungine uno per dire, ad esempio, che ogni magazziniere deve avere il corso antincendio.",
    nameEnHelp: "Se vuoto, anche in inglese si vede il nome italiano.",
    fixedTermHelp: "Per questo contratto serve la data di fine.",
    expiresHelp: "I documenti di questo tipo hanno una scadenza.",
    validityHelp:
      "Scadenza proposta: data di rilascio più questi mesi. Vuoto: la scadenza va scritta ogni volta.",
    courseValidityHelp: "Vuoto: il corso non scade.",
    months_one: "{{count}} mese",
    months_other: "{{count}} mesi",
    neverExpires: "Non scade",
    typedEachTime: "Scadenza da indicare ogni volta",
    deactivate: "Disattiva",
    reactivate: "Riattiva",
    deactivated: "«{{name}}» disattivato",
    reactivated: "«{{name}}» riattivato",
    deactivateTitle: "Disattivare «{{name}}»?",
    deactivateText: {
      contractType:
        "Non sarà più proposto per i nuovi contratti. Chi ce l'ha già lo mantiene, e resta nei fascicoli e nello storico.",
      documentType:
        "Non sarà più proposto quando si allega un documento. I documenti già allegati mantengono il loro tipo e si possono ancora aprire, correggere e rinnovare.",
      course:
        "Non sarà più proposto quando si registra una formazione. Le formazioni già svolte mantengono il corso e restano nei fascicoli e nello storico.",
    },
    deactivateUndo: "Non si cancella nulla: puoi riattivarlo in qualsiasi momento.",
    showInactive_one: "Mostra non attivi ({{count}})",
    showInactive_other: "Mostra non attivi ({{count}})",
  },
};

export const strings = { en, it };
addTranslations(strings);
