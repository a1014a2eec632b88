import { addTranslations, type Shape } from "../../i18n/strings";

// The few words Home needs for purchasing's items, apart from the purchasing screens' strings so
// Home does not load them.

const en = {
  purchasingAttention: {
    file_expired: "Expired: ask the supplier for a new one",
    file_expiring: "About to expire: ask for the renewal",
    requisition_waiting: "Requisition waiting for your approval",
    order_waiting: "Order of {{total}} waiting for your approval",
    invoice_to_approve: "Invoice to approve for payment",
    open: "Open",
  },
};

const it: Shape<typeof en> = {
  purchasingAttention: {
    file_expired: "Scaduto: chiedine uno nuovo al fornitore",
    file_expiring: "In scadenza: chiedi il rinnovo",
    requisition_waiting: "Richiesta d'acquisto in attesa della tua approvazione",
    order_waiting: "Ordine di {{total}} in attesa della tua approvazione",
    invoice_to_approve: "Fattura da approvare per il pagamento",
    open: "Apri",
  },
};

export const strings = { en, it };
addTranslations(strings);
