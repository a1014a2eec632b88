import { addTranslations, type Shape } from "../../../i18n/strings";

// The IT reports' strings in both languages, added when this chunk loads.

const en = {
  reports: {
    exportTitle: "Save the list",
    groups: {
      title: "Assets by group",
      by: {
        status: "Status",
        category: "Category",
        site: "Site",
        room: "Place",
        department: "Department",
      },
      group: "Group",
      count: "Assets",
      cost: "Purchase cost",
      noLocation: "No location",
      noDepartment: "No department",
      empty: "No asset to count",
    },
    book: {
      title: "Book values per category",
      at: "At",
      category: "Category",
      assets: "Assets",
      cost: "Cost",
      book: "Book value",
      otherCurrency: "{{count}} in another currency left out",
      empty: "No asset kept has both a purchase cost and a purchase date yet",
      today: "Today",
    },
    expiring: {
      title: "Ending soon",
      days: "Within (days)",
      warranties: "Warranties",
      licences: "Licences",
      noWarranty: "No warranty ends in this window",
      noLicence: "No licence ends in this window",
      more: "{{count}} in all: filter the inventory to see every one",
    },
    tco: {
      title: "Total cost of ownership",
      anyCategory: "Any category",
      tag: "Tag",
      name: "Name",
      purchase: "Purchase",
      maintenance: "Maintenance",
      total: "Total",
      empty: "No asset",
    },
    compliance: {
      title: "Maintenance compliance",
      workLog: "Work log of the last twelve months",
    },
  },
};

const it: Shape<typeof en> = {
  reports: {
    exportTitle: "Salva l'elenco",
    groups: {
      title: "Beni per gruppo",
      by: {
        status: "Stato",
        category: "Categoria",
        site: "Sede",
        room: "Ubicazione",
        department: "Reparto",
      },
      group: "Gruppo",
      count: "Beni",
      cost: "Costo di acquisto",
      noLocation: "Senza ubicazione",
      noDepartment: "Senza reparto",
      empty: "Nessun bene da contare",
    },
    book: {
      title: "Valori contabili per categoria",
      at: "Al",
      category: "Categoria",
      assets: "Beni",
      cost: "Costo",
      book: "Valore contabile",
      otherCurrency: "{{count}} in altra valuta esclusi",
      empty: "Nessun bene in dotazione ha ancora sia il costo sia la data d'acquisto",
      today: "Oggi",
    },
    expiring: {
      title: "In scadenza",
      days: "Entro (giorni)",
      warranties: "Garanzie",
      licences: "Licenze",
      noWarranty: "Nessuna garanzia scade in questo periodo",
      noLicence: "Nessuna licenza scade in questo periodo",
      more: "{{count}} in tutto: filtra l'inventario per vederle tutte",
    },
    tco: {
      title: "Costo totale di possesso",
      anyCategory: "Qualsiasi categoria",
      tag: "Etichetta",
      name: "Nome",
      purchase: "Acquisto",
      maintenance: "Manutenzione",
      total: "Totale",
      empty: "Nessun bene",
    },
    compliance: {
      title: "Rispetto della manutenzione",
      workLog: "Registro interventi degli ultimi dodici mesi",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
