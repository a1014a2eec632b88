import { addTranslations, type Shape } from "../../i18n/strings";

// The settings screens' strings in both languages, added to the resources when this chunk loads.

const en = {
  settings: {
    title: "Organisation settings",
    subtitle: "Company details printed on reports and used as defaults.",
    currencyHelp: "Amounts are kept in this currency unless a record says otherwise.",
    localeHelp: "Language of documents the organisation produces.",
    conflict: "Someone saved these settings after you opened them. Reload and try again.",
    reload: "Reload",
  },
};

const it: Shape<typeof en> = {
  settings: {
    title: "Impostazioni dell'organizzazione",
    subtitle: "Dati aziendali stampati sui report e usati come predefiniti.",
    currencyHelp: "Gli importi sono in questa valuta salvo indicazione diversa.",
    localeHelp: "Lingua dei documenti prodotti dall'organizzazione.",
    conflict: "Qualcuno ha salvato queste impostazioni dopo che le hai aperte. Ricarica e riprova.",
    reload: "Ricarica",
  },
};

export const strings = { en, it };
addTranslations(strings);
