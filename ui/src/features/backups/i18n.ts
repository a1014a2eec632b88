import { addTranslations, type Shape } from "../../i18n/strings";

// The backup screens' strings in both languages, added to the resources when this chunk loads.

const en = {
  backups: {
    title: "Backups",
    explain:
      "A copy of the database and of every stored document, made while you work. Choose a folder on another disk: a USB drive, a network share or a synced cloud folder. A backup is made at start when the last one is a day old, when someone signs out, and when you ask.",
    noFolder: "No folder chosen yet: nothing is backed up.",
    chooseFolder: "Choose folder…",
    chooseTitle: "Folder for the backups",
    now: "Back up now",
    keep: {
      title: "How many to keep",
      daily: "Daily",
      weekly: "Weekly",
      monthly: "Monthly",
    },
    lastBackup: "Last backup",
    lastProof: "Last proven restore",
    never: "Never",
    ok: "Done",
    failed: "Failed",
    noSets: "No backups in this folder yet.",
    columns: { madeAt: "Made on", madeBy: "By", contents: "Holds", size: "Size" },
    contents: "{{employees}} employees, {{documents}} documents",
    megabytes: "{{n}} MB",
    prove: "Prove",
    restore: "Restore…",
    running: {
      backup: "Backing up…",
      prove: "Restoring a copy to prove it works…",
      restore: "Checking the backup and preparing the restore…",
    },
    done: {
      backup: "Backup made.",
      prove: "The backup restores: every file, every record and the history check out.",
    },
    confirm: {
      title: "Restore this backup?",
      text: "Everything will go back to how it was on {{date}}. The data as it is now is backed up first, then the app starts again with the restored data.",
      go: "Back up now and restore",
      passphrase: "This backup's passphrase",
      passphraseHelp:
        "It is encrypted with another key than this data: type the passphrase it was made under, or its recovery key.",
    },
    badFile: {
      backup_unfinished: "This backup was never finished: it cannot be used.",
      backup_manifest: "This backup's description cannot be read: it cannot be used.",
      backup_file_missing: "The file {{file}} is missing from this backup: it cannot be used.",
      backup_file_changed:
        "The file {{file}} has changed since the backup was made: it cannot be trusted.",
      backup_damaged: "The backed-up database is damaged: it cannot be used.",
      backup_foreign: "This is not a Backoffice backup.",
      backup_newer:
        "This backup was made by a newer version of Backoffice ({{version}}): update the app first.",
      backup_history: "The backed-up history does not verify: it cannot be trusted.",
      backup_other_organisation:
        "This backup belongs to another organisation ({{organisation}}): it is not restored over this one's data.",
      backup_other_key:
        "This backup is encrypted with another key: type its passphrase or recovery key to restore it.",
    },
  },
};

const it: Shape<typeof en> = {
  backups: {
    title: "Backup",
    explain:
      "Una copia del database e di ogni documento archiviato, fatta mentre lavori. Scegli una cartella su un altro disco: una chiavetta USB, una cartella di rete o una cartella sincronizzata nel cloud. Il backup si fa all'avvio se l'ultimo ha più di un giorno, all'uscita di un utente e quando lo chiedi.",
    noFolder: "Nessuna cartella scelta: non si fa alcun backup.",
    chooseFolder: "Scegli cartella…",
    chooseTitle: "Cartella per i backup",
    now: "Esegui backup ora",
    keep: {
      title: "Quanti tenerne",
      daily: "Giornalieri",
      weekly: "Settimanali",
      monthly: "Mensili",
    },
    lastBackup: "Ultimo backup",
    lastProof: "Ultimo ripristino provato",
    never: "Mai",
    ok: "Riuscito",
    failed: "Non riuscito",
    noSets: "Ancora nessun backup in questa cartella.",
    columns: { madeAt: "Eseguito il", madeBy: "Da", contents: "Contiene", size: "Dimensione" },
    contents: "{{employees}} dipendenti, {{documents}} documenti",
    megabytes: "{{n}} MB",
    prove: "Prova",
    restore: "Ripristina…",
    running: {
      backup: "Backup in corso…",
      prove: "Ripristino di una copia per provare che funziona…",
      restore: "Controllo del backup e preparazione del ripristino…",
    },
    done: {
      backup: "Backup eseguito.",
      prove: "Il backup si ripristina: ogni file, ogni record e lo storico sono a posto.",
    },
    confirm: {
      title: "Ripristinare questo backup?",
      text: "Tutto tornerà com'era il {{date}}. Prima si fa un backup dei dati come sono ora, poi l'app riparte con i dati ripristinati.",
      go: "Esegui backup e ripristina",
      passphrase: "Passphrase di questo backup",
      passphraseHelp:
        "È cifrato con una chiave diversa da quella di questi dati: scrivi la passphrase con cui è stato fatto, oppure la sua chiave di recupero.",
    },
    badFile: {
      backup_unfinished: "Questo backup non è mai stato completato: non si può usare.",
      backup_manifest: "La descrizione di questo backup non è leggibile: non si può usare.",
      backup_file_missing: "Nel backup manca il file {{file}}: non si può usare.",
      backup_file_changed: "Il file {{file}} è cambiato dopo il backup: non è affidabile.",
      backup_damaged: "Il database salvato è danneggiato: non si può usare.",
      backup_foreign: "Questo non è un backup di Backoffice.",
      backup_newer:
        "Questo backup è stato fatto da una versione più recente di Backoffice ({{version}}): aggiorna prima l'app.",
      backup_history: "Lo storico salvato non supera la verifica: non è affidabile.",
      backup_other_organisation:
        "Questo backup è di un'altra organizzazione ({{organisation}}): non si ripristina sui dati di questa.",
      backup_other_key:
        "Questo backup è cifrato con un'altra chiave: scrivi la sua passphrase o la sua chiave di recupero per ripristinarlo.",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
