import { addTranslations, type Shape } from "../../i18n/strings";

// The unlock screen's and Settings → Security's strings in both languages.

const en = {
  security: {
    unlock: {
      title: "Unlock the data",
      subtitle:
        "This computer's Backoffice data is encrypted. Type the passphrase chosen when it was encrypted.",
      passphrase: "Passphrase",
      recoveryKey: "Recovery key",
      recoveryHelp: "The 13 groups of four characters printed when the data was encrypted.",
      submit: "Unlock",
      useRecovery: "Forgot the passphrase? Use the recovery key",
      usePassphrase: "Use the passphrase",
      wait: "Too many wrong tries: wait {{seconds}} seconds before the next one.",
      wrong: "That passphrase does not open this data.",
      wrongRecovery: "That recovery key does not open this data.",
      remember: "Remember on this computer",
      rememberHelp:
        "The key is kept in this computer's keychain, protected by your sign-in to the computer: the passphrase is not asked at start.",
      notKept:
        "The data is open, but this computer's keychain could not keep the key: the passphrase will be asked at the next start.",
      continue: "Continue",
    },
    remembered: "Remembered on this computer: the passphrase is not asked at start.",
    forget: "Forget on this computer",
    title: "Encryption",
    on: "Encrypted",
    off: "Not encrypted",
    explainOff:
      "Encrypt the database, its documents and its backups, so that someone who takes this computer or its disk cannot read them. The passphrase is asked at every start; a recovery key, shown once, opens the data if the passphrase is forgotten.",
    explainOn:
      "The database, its documents and new backups are encrypted. Without the passphrase or the recovery key nobody can read them — not even us.",
    documents: "Documents stored encrypted: {{sealed}} of {{total}}",
    restartPending:
      "The app must start again to finish changing the encryption. Nothing can be saved until then.",
    restartNow: "Start again now",
    passphrase: "New passphrase",
    passphraseHelp:
      "At least 10 characters. A short sentence is easy to remember and hard to guess.",
    confirmPassphrase: "Type it again",
    mismatch: "The two passphrases differ",
    encrypt: "Encrypt…",
    encryptTitle: "Encrypt the data?",
    encryptText:
      "The app copies the database into an encrypted file, checks it, then starts again to put it in place; the documents are encrypted after the start. Saving is paused while the copy is made. Backups made before today stay unencrypted: delete them from the backup folder once a new backup is made.",
    encryptGo: "Encrypt",
    running: {
      encrypt: "Encrypting the database…",
      decrypt: "Decrypting the documents and the database…",
    },
    recovery: {
      title: "Your recovery key",
      text: "Print this key or write it down and keep it somewhere safe, away from this computer. It is shown only now. If the passphrase is forgotten, it is the only way to open the data.",
      print: "Print",
      saved: "I have printed it or written it down",
      restart: "Start again to finish",
    },
    change: {
      title: "Change the passphrase",
      current: "Current passphrase",
      submit: "Change passphrase",
      done: "Passphrase changed. The recovery key still works.",
    },
    decrypt: "Decrypt…",
    decryptTitle: "Remove the encryption?",
    decryptText:
      "The database and its documents will be stored unencrypted again: anyone with this computer's disk could read them. The app starts again to finish.",
    decryptGo: "Remove encryption",
    fieldError: {
      current_wrong_passphrase: "This is not the current passphrase",
      recovery_key_invalid: "Not a recovery key: 13 groups of four letters and digits",
    },
  },
};

const it: Shape<typeof en> = {
  security: {
    unlock: {
      title: "Sblocca i dati",
      subtitle:
        "I dati di Backoffice su questo computer sono cifrati. Scrivi la passphrase scelta quando sono stati cifrati.",
      passphrase: "Passphrase",
      recoveryKey: "Chiave di recupero",
      recoveryHelp: "I 13 gruppi di quattro caratteri stampati quando i dati sono stati cifrati.",
      submit: "Sblocca",
      useRecovery: "Passphrase dimenticata? Usa la chiave di recupero",
      usePassphrase: "Usa la passphrase",
      wait: "Troppi tentativi sbagliati: attendi {{seconds}} secondi prima del prossimo.",
      wrong: "Questa passphrase non apre questi dati.",
      wrongRecovery: "Questa chiave di recupero non apre questi dati.",
      remember: "Ricorda su questo computer",
      rememberHelp:
        "La chiave viene conservata nel portachiavi di questo computer, protetta dal tuo accesso al computer: la passphrase non viene chiesta all'avvio.",
      notKept:
        "I dati sono aperti, ma il portachiavi di questo computer non ha potuto conservare la chiave: la passphrase verrà chiesta al prossimo avvio.",
      continue: "Continua",
    },
    remembered: "Ricordata su questo computer: la passphrase non viene chiesta all'avvio.",
    forget: "Dimentica su questo computer",
    title: "Cifratura",
    on: "Cifrati",
    off: "Non cifrati",
    explainOff:
      "Cifra il database, i suoi documenti e i suoi backup, così chi prende questo computer o il suo disco non può leggerli. La passphrase viene chiesta a ogni avvio; una chiave di recupero, mostrata una sola volta, apre i dati se la passphrase viene dimenticata.",
    explainOn:
      "Il database, i suoi documenti e i nuovi backup sono cifrati. Senza la passphrase o la chiave di recupero nessuno può leggerli, nemmeno noi.",
    documents: "Documenti archiviati cifrati: {{sealed}} su {{total}}",
    restartPending:
      "L'app deve ripartire per completare il cambio di cifratura. Fino ad allora non si può salvare nulla.",
    restartNow: "Riavvia ora",
    passphrase: "Nuova passphrase",
    passphraseHelp:
      "Almeno 10 caratteri. Una breve frase è facile da ricordare e difficile da indovinare.",
    confirmPassphrase: "Ripetila",
    mismatch: "Le due passphrase sono diverse",
    encrypt: "Cifra…",
    encryptTitle: "Cifrare i dati?",
    encryptText:
      "L'app copia il database in un file cifrato, lo controlla, poi riparte per metterlo al suo posto; i documenti vengono cifrati dopo l'avvio. Durante la copia non si può salvare. I backup fatti prima di oggi restano non cifrati: eliminali dalla cartella dei backup dopo averne fatto uno nuovo.",
    encryptGo: "Cifra",
    running: {
      encrypt: "Cifratura del database…",
      decrypt: "Decifratura dei documenti e del database…",
    },
    recovery: {
      title: "La tua chiave di recupero",
      text: "Stampa questa chiave o scrivila e conservala in un luogo sicuro, lontano da questo computer. Viene mostrata solo ora. Se la passphrase viene dimenticata, è l'unico modo per aprire i dati.",
      print: "Stampa",
      saved: "L'ho stampata o scritta",
      restart: "Riavvia per completare",
    },
    change: {
      title: "Cambia la passphrase",
      current: "Passphrase attuale",
      submit: "Cambia passphrase",
      done: "Passphrase cambiata. La chiave di recupero resta valida.",
    },
    decrypt: "Decifra…",
    decryptTitle: "Togliere la cifratura?",
    decryptText:
      "Il database e i suoi documenti torneranno a essere archiviati in chiaro: chiunque abbia il disco di questo computer potrebbe leggerli. L'app riparte per completare.",
    decryptGo: "Togli la cifratura",
    fieldError: {
      current_wrong_passphrase: "Non è la passphrase attuale",
      recovery_key_invalid: "Non è una chiave di recupero: 13 gruppi di quattro lettere e cifre",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
