import { addTranslations, type Shape } from "../../i18n/strings";

// The users screens' strings in both languages, added to the resources when this chunk loads.

const en = {
  users: {
    title: "Users",
    subtitle: "Who may sign in, and what each person may see and change.",
    new: "New user",
    newTitle: "New user",
    editTitle: "Edit user",
    created: "User created",
    updated: "User updated",
    active: "Active",
    disabled: "Disabled",
    mustChange: "Must change password",
    resetPassword: "New temporary password",
    resetHelp:
      "Leave empty to keep the current password. The person must change it at the next sign-in.",
    employee: "Staff record",
    employeeHelp:
      "Links the account to the person: the audit actions they own, the departments they manage.",
  },
};

const it: Shape<typeof en> = {
  users: {
    title: "Utenti",
    subtitle: "Chi può accedere, e cosa ciascuno può vedere e modificare.",
    new: "Nuovo utente",
    newTitle: "Nuovo utente",
    editTitle: "Modifica utente",
    created: "Utente creato",
    updated: "Utente aggiornato",
    active: "Attivo",
    disabled: "Disattivato",
    mustChange: "Deve cambiare la password",
    resetPassword: "Nuova password temporanea",
    resetHelp:
      "Lascia vuoto per mantenere la password attuale. La persona dovrà cambiarla al prossimo accesso.",
    employee: "Scheda del personale",
    employeeHelp:
      "Collega l'account alla persona: le azioni di audit di cui è responsabile, i reparti che gestisce.",
  },
};

export const strings = { en, it };
addTranslations(strings);
