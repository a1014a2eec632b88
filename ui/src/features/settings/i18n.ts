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
    logo: {
      title: "Logo",
      help: "Printed at the top of purchase orders and other documents. PNG or JPEG, at most 2 MB and 4000 pixels a side.",
      none: "No logo: documents show the organisation's name only.",
      alt: "The organisation's logo",
      choose: "Choose logo…",
      remove: "Remove",
      dialogTitle: "Choose the organisation's logo",
      badFile: {
        not_an_image: "The file is not a PNG or JPEG picture.",
        damaged_image:
          "The picture cannot be read: it may be damaged. Save it again as PNG or JPEG.",
        image_too_large: "The picture is larger than {{max}} pixels a side. Make it smaller.",
        too_large: "The file is larger than {{max_mb}} MB.",
        not_found: "The file is no longer there.",
        unreadable: "The file cannot be read.",
      },
      reason: {
        organisation_unset: "Save the organisation's details first, then choose its logo.",
      },
    },
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
    logo: {
      title: "Logo",
      help: "Stampato in testa agli ordini d'acquisto e agli altri documenti. PNG o JPEG, al massimo 2 MB e 4000 pixel per lato.",
      none: "Nessun logo: i documenti mostrano solo il nome dell'organizzazione.",
      alt: "Il logo dell'organizzazione",
      choose: "Scegli logo…",
      remove: "Rimuovi",
      dialogTitle: "Scegli il logo dell'organizzazione",
      badFile: {
        not_an_image: "Il file non è un'immagine PNG o JPEG.",
        damaged_image:
          "L'immagine non si legge: potrebbe essere danneggiata. Salvala di nuovo come PNG o JPEG.",
        image_too_large: "L'immagine supera {{max}} pixel per lato. Riducila.",
        too_large: "Il file supera {{max_mb}} MB.",
        not_found: "Il file non c'è più.",
        unreadable: "Il file non si può leggere.",
      },
      reason: {
        organisation_unset: "Salva prima i dati dell'organizzazione, poi scegli il logo.",
      },
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
