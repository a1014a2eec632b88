import { addTranslations, type Shape } from "../../i18n/strings";

// The few words Home needs for IT's items, apart from the assets screens' strings so Home does
// not load them.

const en = {
  assetAttention: {
    maintenance_overdue: "Maintenance overdue since {{date}}",
    maintenance_due: "Maintenance due by {{date}}",
    warranty_ends: "Warranty ends on {{date}}",
    leaver_holds: "{{holder}} left and still holds it: ask for it back",
    return_late: "{{holder}} was to return it by {{date}}",
    check_due: "Inventory check overdue since {{date}}",
    licence_expiring: "Licence expires on {{date}}",
    licence_expired: "Licence expired on {{date}} and seats are still in use",
    seat_of_leaver: "A seat is still held by someone who left",
    below_minimum: "Below the minimum stock ({{stock}} left)",
    open: "Open",
  },
};

const it: Shape<typeof en> = {
  assetAttention: {
    maintenance_overdue: "Manutenzione scaduta dal {{date}}",
    maintenance_due: "Manutenzione da fare entro il {{date}}",
    warranty_ends: "La garanzia scade il {{date}}",
    leaver_holds: "{{holder}} ha lasciato l'azienda e lo ha ancora: chiedine la restituzione",
    return_late: "{{holder}} doveva restituirlo entro il {{date}}",
    check_due: "Riscontro inventariale scaduto dal {{date}}",
    licence_expiring: "La licenza scade il {{date}}",
    licence_expired: "La licenza è scaduta il {{date}} e ha ancora postazioni in uso",
    seat_of_leaver: "Una postazione è ancora assegnata a chi ha lasciato l'azienda",
    below_minimum: "Sotto la scorta minima (ne restano {{stock}})",
    open: "Apri",
  },
};

export const strings = { en, it };
addTranslations(strings);
