import type { Shape } from "../../i18n/strings";

// Row problems of the IT imports (licences, places, Snipe-IT users), merged into
// `import.code` by ./i18n.ts; kept apart so that file stays readable.

export const itCodesEn = {
  unknown_product: "No software product with this name and version",
  ambiguous_licence:
    "More than one licence of this product matches: give the key or the order number",
  seats_below_assigned: "Fewer seats than the {{assigned}} already assigned: release some first",
  invalid_licence_kind: "Unknown licence type: use per seat, per device, site or subscription",
  bad_currency: "A three-letter currency code, e.g. EUR",
  cycle: "“{{name}}” would end up inside itself",
  unknown_parent: "No place “{{value}}”, in the file or on record",
  ambiguous_parent: "More than one place is called “{{value}}”: write its path (Site › Room)",
  parent_invalid: "The place it is in (“{{name}}”) has a problem of its own",
  too_deep: "At most {{max}} levels",
  site_has_no_parent: "A site is not inside anything",
  invalid_location_kind: "Unknown kind: use site, building, floor, room or other",
  user_not_employee: "“{{value}}” matches no employee by number, e-mail or name",
  ambiguous_employee: "More than one employee matches: give the employee number or e-mail",
};

export const itCodesIt: Shape<typeof itCodesEn> = {
  unknown_product: "Nessun prodotto software con questo nome e versione",
  ambiguous_licence:
    "Più licenze di questo prodotto corrispondono: indica la chiave o il numero d'ordine",
  seats_below_assigned: "Meno posti dei {{assigned}} già assegnati: liberane prima qualcuno",
  invalid_licence_kind:
    "Tipo di licenza sconosciuto: usa per utente, per dispositivo, sito o abbonamento",
  bad_currency: "Un codice valuta di tre lettere, es. EUR",
  cycle: "“{{name}}” finirebbe dentro sé stesso",
  unknown_parent: "Nessun luogo “{{value}}”, né nel file né in archivio",
  ambiguous_parent: "Più luoghi si chiamano “{{value}}”: scrivi il percorso (Sede › Stanza)",
  parent_invalid: "Il luogo che lo contiene (“{{name}}”) ha a sua volta un problema",
  too_deep: "Al massimo {{max}} livelli",
  site_has_no_parent: "Una sede non sta dentro nient'altro",
  invalid_location_kind: "Tipo sconosciuto: usa sede, edificio, piano, stanza o altro",
  user_not_employee: "“{{value}}” non corrisponde a nessun dipendente per matricola, e-mail o nome",
  ambiguous_employee: "Più dipendenti corrispondono: indica la matricola o l'e-mail",
};
