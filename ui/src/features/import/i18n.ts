import { addTranslations, type Shape } from "../../i18n/strings";

// Strings of the import wizard every area shares, added to the resources under `import` when this
// chunk loads. The fields' and options' names come from Rust with the preview, in both languages.

import type { ImportArea } from "../../bindings/ImportArea";
import type { ImportBadFileReason } from "../../bindings/ImportBadFileReason";
import { itCodesEn, itCodesIt } from "./itCodes";

/**
 * Why a file was refused, by the `reason` the Rust import sends (a type generated from Rust,
 * so a reason without its sentence does not compile; the Italian follows through `Shape`).
 */
const badFileEn: Record<ImportBadFileReason, string> = {
  not_found: "The file no longer exists where it was chosen.",
  unreadable: "The file cannot be read: check that it is not open in another program.",
  too_large: "The file is larger than {{max_mb}} MB.",
  too_many_rows: "The file has more than {{max}} rows: split it into smaller files.",
  too_many_columns:
    "Line {{line}} has more than {{max}} columns: this does not look like a list of records.",
  empty: "The file holds no rows.",
  xls_legacy:
    "This is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or CSV.",
  bad_xlsx: "The Excel workbook is damaged or not really an .xlsx file: save it again from Excel.",
  bad_csv: "The CSV file cannot be read at line {{line}}: check its quotes.",
  not_text: "The file holds binary content: it is neither CSV nor text.",
  html: "The file is a web page (HTML or XML), not CSV: open it in Excel and save it as .xlsx or CSV.",
  xlsx_too_large:
    "The workbook unpacks to more than {{max_mb}} MB: it is not a staff list, or it holds far too much.",
  xlsx_ratio:
    "A part of the workbook unpacks to more than {{max}} times its size: the file looks built to exhaust memory.",
  cell_too_long:
    "The cell in column {{column}}, line {{line}}, is longer than {{max}} characters (Excel's own limit).",
};

/** What the wizard says for each area (a type generated from Rust: a new area needs its lines). */
type AreaTexts = { title: string; subtitle: string; chooseTitle: string; chooseHelp: string };
const areasEn: Record<ImportArea, AreaTexts> = {
  staff: {
    title: "Import staff",
    subtitle:
      "From a CSV or Excel export of your payroll software. Nothing is saved until every row is valid.",
    chooseTitle: "Choose the staff file to import",
    chooseHelp:
      "CSV (separated by ; or ,, UTF-8 or Windows-1252) or Excel .xlsx, with one row per person and a header row.",
  },
  departments: {
    title: "Import departments",
    subtitle:
      "From a CSV or Excel list of departments. Rows are matched by code, else by name; nothing is saved until every row is valid.",
    chooseTitle: "Choose the departments file to import",
    chooseHelp:
      "CSV (separated by ; or ,, UTF-8 or Windows-1252) or Excel .xlsx, with one row per department and a header row.",
  },
  audit_checklist: {
    title: "Import a checklist",
    subtitle:
      "Rows are matched to the checklist's items by code: matching items are updated, new codes added at the end, the others kept. Nothing is saved until every row is valid; an audit already started keeps its version.",
    chooseTitle: "Choose the checklist file to import",
    chooseHelp:
      "CSV or Excel .xlsx with a header row: section, code, requirement, reference, guidance, evidence expected, weight (1 to 100; empty means 3).",
  },
  assets: {
    title: "Import IT assets",
    subtitle:
      "From a CSV or Excel list, or a Snipe-IT or GLPI export. Rows are matched by asset tag: known tags are updated (empty cells keep what is on record), new ones created; a holder in the file gets the asset checked out. Nothing is saved until every row is valid.",
    chooseTitle: "Choose the assets file to import",
    chooseHelp:
      "CSV (separated by ; or ,, UTF-8 or Windows-1252) or Excel .xlsx, with one row per asset and a header row.",
  },
  licences: {
    title: "Import licences",
    subtitle:
      "From a CSV or Excel list, or Snipe-IT's licences export. Rows are matched by product and key, else by product and order number; keys are stored but never shown in history. Nothing is saved until every row is valid.",
    chooseTitle: "Choose the licences file to import",
    chooseHelp:
      "CSV or Excel .xlsx with a header row: product, version, key, seats, dates, cost, supplier, order number.",
  },
  locations: {
    title: "Import places",
    subtitle:
      "From a list of paths (Site › Floor › Room) or names with their parent, or Snipe-IT's locations export. Parents may come after their children; rows are matched by full path. Nothing is saved until every row is valid.",
    chooseTitle: "Choose the places file to import",
    chooseHelp:
      "CSV or Excel .xlsx with a header row: path, or name and parent; kind and address columns are optional.",
  },
  it_users: {
    title: "Import Snipe-IT users",
    subtitle:
      "Each user is matched to an employee by number, e-mail or name, and their Snipe-IT username remembered, so asset files checked out to that username find the person. No employee is created. Nothing is saved until every row is valid.",
    chooseTitle: "Choose Snipe-IT's users export",
    chooseHelp:
      "CSV or Excel .xlsx with a header row: Username, First Name, Last Name, Email, Employee Number.",
  },
};

export const importEn = {
  areas: areasEn,
  stepFile: "File",
  stepMapping: "Columns",
  stepReport: "Check",
  stepImport: "Import",
  choose: "Choose file…",
  source: "{{format}} · {{details}} · {{rows}} rows",
  separator: "separator {{sep}}",
  mappingHelp:
    "Check which column of the file fills each field. Fields marked * are needed; unmapped fields are left unchanged.",
  notImported: "— not imported —",
  check: "Check all rows",
  preview: "First rows of the file",
  line: "Line",
  rows: "Rows",
  toCreate: "New",
  toUpdate: "To update",
  unchanged: "Unchanged",
  errorRows: "With errors",
  errorsTitle: "{{count}} rows have errors: nothing will be imported until they are fixed",
  errorsMore: "Showing the first {{shown}} problems.",
  column: "Column",
  field: "Field",
  problem: "Problem",
  warningsTitle: "To check (imported anyway)",
  unknownValues: "Not found for “{{field}}”: {{names}}",
  readyTitle: "All rows are valid",
  readyText: "{{create}} new records and {{update}} updates will be saved in one step.",
  readyNothing: "Every row matches what is on record: importing changes nothing.",
  start: "Import",
  back: "Back",
  another: "Choose another file",
  importing: "Importing {{done}} of {{total}}…",
  cancel: "Cancel",
  cancelled: "Import cancelled: nothing was saved.",
  failed: "Import failed: nothing was saved.",
  done: "Imported: {{created}} new, {{updated}} updated, {{unchanged}} unchanged.",
  referencesCreated: "Created for “{{field}}”: {{count}}.",
  wholeRow: "Whole row",
  close: "Close",
  badFile: badFileEn,
  code: {
    invalid_date: "Not a date (use dd/mm/yyyy)",
    invalid_sex: "Use M or F",
    invalid_status: "Use active or terminated",
    unknown_department: "No department with this name",
    unknown_contract_type: "No contract type with this name",
    unknown_manager: "No employee with this tax code or number",
    manager_cycle:
      "Managers would go round in a loop (lines {{lines}}): an employee cannot be their own manager's manager",
    duplicate_in_file: "The same value already appears on line {{line}}",
    invalid_weight: "Not a weight: a whole number from 1 to 100",
    too_many_cells:
      "This row has {{cells}} cells, the header has {{header}}: a separator too many? (a ; or , inside a value needs quotes)",
    name_split:
      "Cannot tell surname from first name: no split of “{{value}}” matches the tax code's letters",
    column_used_twice: "The same column is already used for {{other}}",
    bad_column: "No such column",
    unknown_field: "Unknown field",
    invalid_active: "Use yes or no (active or inactive)",
    invalid_asset_status:
      "Unknown status: use in use, in stock, in repair, retired or lost (Snipe-IT and GLPI labels are understood)",
    unknown_category: "No category with this name",
    unknown_location: "No location with this name or path",
    ambiguous_location: "More than one location has this name: write its path (Site › Room)",
    unknown_holder: "No employee with this username, e-mail, number or name",
    ambiguous_holder: "More than one employee matches: use the username, e-mail or number",
    holder_not_active: "This employee is no longer active",
    holder_not_found: "“{{value}}” is not among the employees: the asset is imported unassigned",
    invalid_cost: "Not an amount",
    negative_cost: "A cost cannot be negative",
    invalid_months: "Not a number of months",
    needs_purchase_date: "Months of warranty need a purchase date",
    gone_with_holder: "A retired or lost asset cannot have a holder: check it in first",
    holder_in_repair: "An asset in repair cannot be handed to someone new",
    in_use_without_holder: "In use but nobody holds it: imported as in stock",
    checkout_before_current: "Before the current check-out of {{date}}",
    ...itCodesEn,
  },
};

export const importIt: Shape<typeof importEn> = {
  areas: {
    staff: {
      title: "Importa personale",
      subtitle:
        "Da un'esportazione CSV o Excel del programma paghe. Non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli il file del personale da importare",
      chooseHelp:
        "CSV (separato da ; o ,, UTF-8 o Windows-1252) o Excel .xlsx, una riga per persona e una riga di intestazione.",
    },
    departments: {
      title: "Importa reparti",
      subtitle:
        "Da un elenco di reparti CSV o Excel. Le righe sono abbinate per codice, altrimenti per nome; non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli il file dei reparti da importare",
      chooseHelp:
        "CSV (separato da ; o ,, UTF-8 o Windows-1252) o Excel .xlsx, una riga per reparto e una riga di intestazione.",
    },
    audit_checklist: {
      title: "Importa una checklist",
      subtitle:
        "Le righe sono abbinate ai punti della checklist per codice: i punti corrispondenti vengono aggiornati, i codici nuovi aggiunti in fondo, gli altri restano. Non viene salvato nulla finché ogni riga non è valida; un audit già avviato conserva la sua versione.",
      chooseTitle: "Scegli il file della checklist da importare",
      chooseHelp:
        "CSV o Excel .xlsx con una riga di intestazione: sezione, codice, requisito, riferimento, guida, evidenze attese, peso (da 1 a 100; vuoto vale 3).",
    },
    assets: {
      title: "Importa beni IT",
      subtitle:
        "Da un elenco CSV o Excel, o da un'esportazione di Snipe-IT o GLPI. Le righe sono abbinate per etichetta: le etichette note vengono aggiornate (le celle vuote lasciano il valore registrato), le nuove create; un assegnatario nel file riceve il bene in consegna. Non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli il file dei beni da importare",
      chooseHelp:
        "CSV (separato da ; o ,, UTF-8 o Windows-1252) o Excel .xlsx, una riga per bene e una riga di intestazione.",
    },
    licences: {
      title: "Importa licenze",
      subtitle:
        "Da un elenco CSV o Excel, o dall'esportazione delle licenze di Snipe-IT. Le righe sono abbinate per prodotto e chiave, altrimenti per prodotto e numero d'ordine; le chiavi sono salvate ma mai mostrate nello storico. Non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli il file delle licenze da importare",
      chooseHelp:
        "CSV o Excel .xlsx con una riga di intestazione: prodotto, versione, chiave, posti, date, costo, fornitore, numero d'ordine.",
    },
    locations: {
      title: "Importa luoghi",
      subtitle:
        "Da un elenco di percorsi (Sede › Piano › Stanza) o di nomi con il luogo che li contiene, o dall'esportazione dei luoghi di Snipe-IT. Un luogo può comparire prima di quello che lo contiene; le righe sono abbinate per percorso completo. Non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli il file dei luoghi da importare",
      chooseHelp:
        "CSV o Excel .xlsx con una riga di intestazione: percorso, oppure nome e luogo superiore; tipo e indirizzo sono facoltativi.",
    },
    it_users: {
      title: "Importa utenti Snipe-IT",
      subtitle:
        "Ogni utente è abbinato a un dipendente per matricola, e-mail o nome, e il suo nome utente Snipe-IT viene ricordato, così i file dei beni consegnati a quel nome utente trovano la persona. Non viene creato nessun dipendente. Non viene salvato nulla finché ogni riga non è valida.",
      chooseTitle: "Scegli l'esportazione degli utenti di Snipe-IT",
      chooseHelp:
        "CSV o Excel .xlsx con una riga di intestazione: Username, First Name, Last Name, Email, Employee Number.",
    },
  },
  stepFile: "File",
  stepMapping: "Colonne",
  stepReport: "Verifica",
  stepImport: "Importazione",
  choose: "Scegli file…",
  source: "{{format}} · {{details}} · {{rows}} righe",
  separator: "separatore {{sep}}",
  mappingHelp:
    "Controlla quale colonna del file riempie ciascun campo. I campi con * sono necessari; i campi non associati restano invariati.",
  notImported: "— non importato —",
  check: "Verifica tutte le righe",
  preview: "Prime righe del file",
  line: "Riga",
  rows: "Righe",
  toCreate: "Nuove",
  toUpdate: "Da aggiornare",
  unchanged: "Invariate",
  errorRows: "Con errori",
  errorsTitle: "{{count}} righe hanno errori: non verrà importato nulla finché non sono corrette",
  errorsMore: "Sono mostrati i primi {{shown}} problemi.",
  column: "Colonna",
  field: "Campo",
  problem: "Problema",
  warningsTitle: "Da controllare (importate comunque)",
  unknownValues: "Non trovati per “{{field}}”: {{names}}",
  readyTitle: "Tutte le righe sono valide",
  readyText: "{{create}} nuovi record e {{update}} aggiornamenti saranno salvati in un solo passo.",
  readyNothing: "Ogni riga corrisponde a quanto già in archivio: l'importazione non cambia nulla.",
  start: "Importa",
  back: "Indietro",
  another: "Scegli un altro file",
  importing: "Importazione {{done}} di {{total}}…",
  cancel: "Annulla",
  cancelled: "Importazione annullata: non è stato salvato nulla.",
  failed: "Importazione non riuscita: non è stato salvato nulla.",
  done: "Importati: {{created}} nuovi, {{updated}} aggiornati, {{unchanged}} invariati.",
  referencesCreated: "Creati per “{{field}}”: {{count}}.",
  wholeRow: "Intera riga",
  close: "Chiudi",
  badFile: {
    not_found: "Il file non esiste più dove era stato scelto.",
    unreadable: "Il file non si può leggere: controlla che non sia aperto in un altro programma.",
    too_large: "Il file supera {{max_mb}} MB.",
    too_many_rows: "Il file ha più di {{max}} righe: dividilo in file più piccoli.",
    too_many_columns: "La riga {{line}} ha più di {{max}} colonne: non sembra un elenco di schede.",
    empty: "Il file non contiene righe.",
    xls_legacy:
      "È una vecchia cartella Excel 97-2003 (.xls): aprila in Excel e salvala come .xlsx o CSV.",
    bad_xlsx:
      "La cartella Excel è danneggiata o non è davvero un file .xlsx: salvala di nuovo da Excel.",
    bad_csv: "Il file CSV non si può leggere alla riga {{line}}: controlla le virgolette.",
    not_text: "Il file ha un contenuto binario: non è né CSV né testo.",
    html: "Il file è una pagina web (HTML o XML), non un CSV: aprilo in Excel e salvalo come .xlsx o CSV.",
    xlsx_too_large:
      "La cartella si espande oltre {{max_mb}} MB: non è un elenco del personale, o contiene troppo.",
    xlsx_ratio:
      "Una parte della cartella si espande oltre {{max}} volte la sua dimensione: il file sembra fatto per esaurire la memoria.",
    cell_too_long:
      "La cella della colonna {{column}}, riga {{line}}, supera {{max}} caratteri (il limite di Excel stesso).",
  },
  code: {
    invalid_date: "Non è una data (usa gg/mm/aaaa)",
    invalid_sex: "Usa M o F",
    invalid_status: "Usa attivo o cessato",
    unknown_department: "Nessun reparto con questo nome",
    unknown_contract_type: "Nessun tipo di contratto con questo nome",
    unknown_manager: "Nessun dipendente con questo codice fiscale o matricola",
    manager_cycle:
      "I responsabili girerebbero in cerchio (righe {{lines}}): un dipendente non può essere responsabile del proprio responsabile",
    duplicate_in_file: "Lo stesso valore compare già alla riga {{line}}",
    invalid_weight: "Non è un peso: un numero intero da 1 a 100",
    too_many_cells:
      "Questa riga ha {{cells}} celle, l'intestazione {{header}}: un separatore di troppo? (un ; o una , dentro un valore va tra virgolette)",
    name_split:
      "Impossibile distinguere cognome e nome: nessuna divisione di “{{value}}” corrisponde alle lettere del codice fiscale",
    column_used_twice: "La stessa colonna è già usata per {{other}}",
    bad_column: "Colonna inesistente",
    unknown_field: "Campo sconosciuto",
    invalid_active: "Usa sì o no (attivo o non attivo)",
    invalid_asset_status:
      "Stato sconosciuto: usa in uso, in magazzino, in riparazione, dismesso o perso (le voci di Snipe-IT e GLPI sono riconosciute)",
    unknown_category: "Nessuna categoria con questo nome",
    unknown_location: "Nessuna ubicazione con questo nome o percorso",
    ambiguous_location: "Più ubicazioni hanno questo nome: scrivi il percorso (Sede › Stanza)",
    unknown_holder: "Nessun dipendente con questo nome utente, e-mail, matricola o nome",
    ambiguous_holder: "Più dipendenti corrispondono: usa nome utente, e-mail o matricola",
    holder_not_active: "Questo dipendente non è più in forza",
    holder_not_found: "“{{value}}” non è tra i dipendenti: il bene è importato senza assegnatario",
    invalid_cost: "Non è un importo",
    negative_cost: "Un costo non può essere negativo",
    invalid_months: "Non è un numero di mesi",
    needs_purchase_date: "I mesi di garanzia richiedono la data di acquisto",
    gone_with_holder:
      "Un bene dismesso o perso non può avere un assegnatario: fanne prima il rientro",
    holder_in_repair: "Un bene in riparazione non può essere consegnato a qualcun altro",
    in_use_without_holder: "In uso ma nessuno lo ha in consegna: importato come in magazzino",
    checkout_before_current: "Prima della consegna in corso del {{date}}",
    ...itCodesIt,
  },
};

export const strings = { en: { import: importEn }, it: { import: importIt } };
addTranslations(strings);
