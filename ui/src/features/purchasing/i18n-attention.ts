import { addTranslations, type Shape } from "../../i18n/strings";

// The few words Home needs for purchasing's items, apart from the purchasing screens' strings so
// Home does not load them.

const en = {
  purchasingAttention: {
    file_expired: "Expired on {{date}}: ask the supplier for a new one",
    file_expiring: "Expires on {{date}}",
    open: "Open",
  },
};

const it: Shape<typeof en> = {
  purchasingAttention: {
    file_expired: "Scaduto il {{date}}: chiedine uno nuovo al fornitore",
    file_expiring: "Scade il {{date}}",
    open: "Apri",
  },
};

export const strings = { en, it };
addTranslations(strings);
