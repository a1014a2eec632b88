import { addTranslations, type Shape } from "../../i18n/strings";

// The attachments tab's strings in both languages, added to the resources when its chunk loads.
// An area may word the button and the empty list its own way (the tab's `texts` option).

const en = {
  attachments: {
    // Refusals an owner's area makes (a supplier invoice keeps its original file).
    reason: {
      original_invoice_file:
        "This is the invoice's original file as received from the SdI: it stays with the invoice.",
    },
    intro:
      "The app keeps its own copy of each file, with its fingerprint. Renewing keeps the earlier version.",
    attach: "Attach file",
    attachTitle: "Attach a file",
    attachIntro:
      "Fill in the title and dates first if you wish; then pick the file. PDF, images and office files up to 25 MB.",
    attachIntroKinds:
      "Choose the type and dates first; then pick the file. PDF, images and office files up to 25 MB.",
    attachDialogTitle: "Choose the file to attach for {{name}}",
    chooseFile: "Choose the file…",
    chooseNewFile: "Choose the new file…",
    titlePlaceholder: "If empty: the file's name",
    allowedFiles: "Accepted: PDF, JPG, PNG, TIFF, Word, Excel, OpenDocument, text. At most 25 MB.",
    defaultExpiry: "If empty: issue date (or today) plus {{n}} months.",
    expiryRequired: "Required: this type expires and has no usual validity.",
    noExpiryType: "Optional: this type usually does not expire.",
    attached: "“{{title}}” attached",
    renewTitle: "Renew",
    renewIntro:
      "The new file becomes the current version; the current one stays below it as an earlier version.",
    renewDialogTitle: "Choose the new file for “{{title}}”",
    renewed: "Renewed: the earlier version is kept",
    editTitle: "Correct title and dates",
    updated: "Title and dates saved",
    deleteTitle: "Delete",
    deleteText:
      "Delete “{{title}}”? Use this only for a file attached by mistake. If it renewed an earlier version, that version becomes current again.",
    delete: "Delete",
    deleted: "“{{title}}” deleted",
    open: "Open",
    saveCopy: "Save a copy",
    saveDialogTitle: "Save a copy",
    savedCopy: "Copy saved to {{path}}",
    renew: "Renew",
    previousVersion: "Earlier version",
    inactive: "inactive",
    colKind: "Type",
    colTitle: "Title",
    colIssued: "Issued",
    colExpires: "Expires",
    colUploaded: "Attached",
    emptyTitle: "No files yet",
    emptyText: "Attach contracts, certificates, plans or photos with “Attach file”.",
    emptyReadOnly: "No files have been attached here.",
    damaged:
      "The app's copy of “{{title}}” no longer matches its fingerprint (SHA-256): it was changed or damaged on disk and is not handed out. Restore the data folder from a backup.",
    fieldError: {
      type_id_required: "Choose the type",
      type_id_not_allowed: "Files here have no type",
    },
    badFile: {
      too_large: "The file is larger than {{max_mb}} MB. Scan it at a lower resolution, or as PDF.",
      unsupported_type: "Files of this type cannot be attached. Accepted: {{allowed}}.",
      empty: "The file is empty.",
      content_mismatch:
        "The file's content is not a .{{extension}} file: it may have been renamed. Save it again in its real format.",
      not_found: "The file is no longer there.",
      unreadable: "The file cannot be read.",
    },
  },
};

const it: Shape<typeof en> = {
  attachments: {
    reason: {
      original_invoice_file:
        "È il file originale della fattura così come ricevuto dallo SdI: resta con la fattura.",
    },
    intro:
      "L'app conserva una propria copia di ogni file, con la sua impronta. Il rinnovo mantiene la versione precedente.",
    attach: "Allega file",
    attachTitle: "Allega un file",
    attachIntro:
      "Compila prima, se vuoi, titolo e date; poi scegli il file. PDF, immagini e file d'ufficio fino a 25 MB.",
    attachIntroKinds:
      "Scegli prima il tipo e le date; poi il file. PDF, immagini e file d'ufficio fino a 25 MB.",
    attachDialogTitle: "Scegli il file da allegare per {{name}}",
    chooseFile: "Scegli il file…",
    chooseNewFile: "Scegli il nuovo file…",
    titlePlaceholder: "Se vuoto: il nome del file",
    allowedFiles:
      "Accettati: PDF, JPG, PNG, TIFF, Word, Excel, OpenDocument, testo. Al massimo 25 MB.",
    defaultExpiry: "Se vuota: data di rilascio (o oggi) più {{n}} mesi.",
    expiryRequired: "Obbligatoria: questo tipo scade e non ha una validità abituale.",
    noExpiryType: "Facoltativa: di solito questo tipo non scade.",
    attached: "«{{title}}» allegato",
    renewTitle: "Rinnova",
    renewIntro:
      "Il nuovo file diventa la versione attuale; quella attuale resta sotto come versione precedente.",
    renewDialogTitle: "Scegli il nuovo file per «{{title}}»",
    renewed: "Rinnovato: la versione precedente è conservata",
    editTitle: "Correggi titolo e date",
    updated: "Titolo e date salvati",
    deleteTitle: "Elimina",
    deleteText:
      "Eliminare «{{title}}»? Serve solo per un file allegato per errore. Se rinnovava una versione precedente, quella torna attuale.",
    delete: "Elimina",
    deleted: "«{{title}}» eliminato",
    open: "Apri",
    saveCopy: "Salva una copia",
    saveDialogTitle: "Salva una copia",
    savedCopy: "Copia salvata in {{path}}",
    renew: "Rinnova",
    previousVersion: "Versione precedente",
    inactive: "non attivo",
    colKind: "Tipo",
    colTitle: "Titolo",
    colIssued: "Rilascio",
    colExpires: "Scadenza",
    colUploaded: "Allegato",
    emptyTitle: "Ancora nessun file",
    emptyText: "Allega contratti, certificati, planimetrie o foto con «Allega file».",
    emptyReadOnly: "Qui non è stato allegato alcun file.",
    damaged:
      "La copia di «{{title}}» conservata dall'app non corrisponde più alla sua impronta (SHA-256): è stata modificata o danneggiata sul disco e non viene aperta. Ripristina la cartella dei dati da un backup.",
    fieldError: {
      type_id_required: "Scegli il tipo",
      type_id_not_allowed: "Qui i file non hanno un tipo",
    },
    badFile: {
      too_large:
        "Il file supera i {{max_mb}} MB. Scansionalo a una risoluzione più bassa, oppure in PDF.",
      unsupported_type: "Non si possono allegare file di questo tipo. Accettati: {{allowed}}.",
      empty: "Il file è vuoto.",
      content_mismatch:
        "Il contenuto non è un file .{{extension}}: forse è stato rinominato. Salvalo di nuovo nel suo formato reale.",
      not_found: "Il file non c'è più.",
      unreadable: "Il file non si può leggere.",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
