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
    lastBackup: "Last backup",
    lastProof: "Last proven restore",
    never: "Never",
    backupWarning: {
      open: "Open backups",
      notConfigured: {
        title: "No backups yet",
        text: "Choose a folder on another disk in Settings → Backups: until then, a broken or stolen computer loses everything.",
      },
      failed: {
        title: "The last backup failed",
        text: "See why in Settings → Backups (a drive not connected, a full disk) and back up again.",
      },
      overdue: {
        title: "The last backup is more than a day old",
        text: "Connect the backup drive and back up now.",
      },
      proofFailed: {
        title: "The last backup did not restore",
        text: "A restored copy did not match its backup. Make a new backup and prove it.",
      },
      proofOverdue: {
        title: "No proven restore this month",
        text: "Prove that the latest backup restores: it takes a minute and changes nothing.",
      },
    },
    networkFolder: {
      title: "The data folder is on a network drive",
      text: "{{path}} is on a network file system ({{kind}}). The database's locking is not reliable there: two computers, or a dropped connection, can damage it. Move the data folder to this computer's own disk and use the network drive for backups instead.",
    },
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
    attention: {
      title: "Needs attention",
      nothing: "Nothing needs attention: every file is complete and up to date.",
      count: {
        critical_one: "Critical: {{n}}",
        critical_other: "Critical: {{n}}",
        high_one: "High: {{n}}",
        high_other: "High: {{n}}",
        medium_one: "Medium: {{n}}",
        medium_other: "Medium: {{n}}",
        low_one: "Low: {{n}}",
        low_other: "Low: {{n}}",
      },
      more_one: "and {{count}} more thing to fix",
      more_other: "and {{count}} more things to fix",
      shown: "The {{shown}} most urgent of {{total}}; each area's page lists them all.",
    },
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
    lastBackup: "Ultimo backup",
    lastProof: "Ultimo ripristino provato",
    never: "Mai",
    backupWarning: {
      open: "Apri i backup",
      notConfigured: {
        title: "Ancora nessun backup",
        text: "Scegli una cartella su un altro disco in Impostazioni → Backup: fino ad allora un computer guasto o rubato fa perdere tutto.",
      },
      failed: {
        title: "L'ultimo backup non è riuscito",
        text: "Guarda il motivo in Impostazioni → Backup (disco non collegato, disco pieno) e ripeti il backup.",
      },
      overdue: {
        title: "L'ultimo backup ha più di un giorno",
        text: "Collega il disco dei backup ed esegui il backup ora.",
      },
      proofFailed: {
        title: "L'ultimo backup non si è ripristinato",
        text: "Una copia ripristinata non corrispondeva al suo backup. Fai un nuovo backup e provalo.",
      },
      proofOverdue: {
        title: "Nessun ripristino provato questo mese",
        text: "Prova che l'ultimo backup si ripristina: richiede un minuto e non cambia nulla.",
      },
    },
    networkFolder: {
      title: "La cartella dei dati è su un disco di rete",
      text: "{{path}} è su un file system di rete ({{kind}}). Lì il blocco del database non è affidabile: due computer, o una connessione che cade, possono danneggiarlo. Sposta la cartella dei dati sul disco di questo computer e usa il disco di rete per i backup.",
    },
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
    attention: {
      title: "Da sistemare",
      nothing: "Non c'è nulla da sistemare: ogni fascicolo è completo e aggiornato.",
      count: {
        critical_one: "Critica: {{n}}",
        critical_other: "Critica: {{n}}",
        high_one: "Alta: {{n}}",
        high_other: "Alta: {{n}}",
        medium_one: "Media: {{n}}",
        medium_other: "Media: {{n}}",
        low_one: "Bassa: {{n}}",
        low_other: "Bassa: {{n}}",
      },
      more_one: "e {{count}} altra cosa da sistemare",
      more_other: "e altre {{count}} cose da sistemare",
      shown: "Le {{shown}} più urgenti su {{total}}; la pagina di ogni area le elenca tutte.",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
