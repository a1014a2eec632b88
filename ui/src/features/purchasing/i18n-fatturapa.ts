import { addTranslations, type Shape } from "../../i18n/strings";

// What the FatturaPA reader says about a supplier e-invoice file, in both languages, under
// `fatturapa`: each problem by its code (a type generated from Rust, so a code without its
// sentence does not compile), the document types and the signature's state. Amounts in the
// parameters arrive already formatted (see `fatturapaProblem.ts`).

import type { FatturaPaProblemCode } from "../../bindings/FatturaPaProblemCode";

const problemEn: Record<FatturaPaProblemCode, string> = {
  not_xml: "The file is neither an XML invoice nor a signed .p7m file.",
  bad_encoding:
    "The file's characters are not valid in its declared encoding ({{encoding}}): ask the supplier to send it again.",
  not_fattura_pa: "The file is XML but not a FatturaPA invoice (it holds “{{root}}”).",
  truncated: "The file is cut short: it ends before the invoice does.",
  malformed: "The XML is damaged at line {{line}}.",
  doctype:
    "The file declares a DOCTYPE or entities, which an invoice never does: it was refused unread.",
  too_deep: "The file nests elements more than {{max}} levels deep: it is not an invoice.",
  too_large: "The file or an attachment is larger than {{max_mb}} MB.",
  missing: "The required element {{element}} is missing.",
  bad_date: "“{{value}}” is not a date written as YYYY-MM-DD.",
  bad_amount: "“{{value}}” is not an amount with {{decimals}} decimals as the format requires.",
  bad_code: "“{{value}}” is not one of the codes the format allows here.",
  bad_attachment: "An attached file is not valid base64: it cannot be opened.",
  not_signed_data: "The .p7m file is damaged or is not a signed document.",
  no_content: "The signed file holds no invoice.",
  signature_broken:
    "The signed content was altered after signing: the signature does not match. The file was not imported.",
  vat_check_digit: "The VAT number {{value}} has a wrong check digit.",
  line_total:
    "Line {{line}}: the total is {{found}}, but quantity × price − discounts makes {{expected}} (difference {{difference}}).",
  summary_taxable:
    "VAT {{rate}}: the lines add up to {{expected}}, the summary says {{found}} (difference {{difference}}).",
  summary_tax:
    "VAT {{rate}}: the tax is {{found}}, the rate gives {{expected}} (difference {{difference}}).",
  document_total:
    "The document total is {{found}}, taxable amounts plus VAT make {{expected}} (difference {{difference}}).",
};

const problemIt: Shape<typeof problemEn> = {
  not_xml: "Il file non è né una fattura XML né un file firmato .p7m.",
  bad_encoding:
    "I caratteri del file non sono validi nella codifica dichiarata ({{encoding}}): chiedi al fornitore di inviarlo di nuovo.",
  not_fattura_pa: "Il file è XML ma non è una fattura FatturaPA (contiene «{{root}}»).",
  truncated: "Il file è troncato: finisce prima della fattura.",
  malformed: "L'XML è danneggiato alla riga {{line}}.",
  doctype:
    "Il file dichiara un DOCTYPE o delle entità, cosa che una fattura non fa mai: è stato rifiutato senza leggerlo.",
  too_deep: "Il file annida gli elementi oltre {{max}} livelli: non è una fattura.",
  too_large: "Il file o un allegato supera {{max_mb}} MB.",
  missing: "Manca l'elemento obbligatorio {{element}}.",
  bad_date: "«{{value}}» non è una data scritta come AAAA-MM-GG.",
  bad_amount: "«{{value}}» non è un importo con {{decimals}} decimali come richiede il formato.",
  bad_code: "«{{value}}» non è uno dei codici ammessi qui dal formato.",
  bad_attachment: "Un allegato non è in base64 valido: non si può aprire.",
  not_signed_data: "Il file .p7m è danneggiato o non è un documento firmato.",
  no_content: "Il file firmato non contiene alcuna fattura.",
  signature_broken:
    "Il contenuto firmato è stato modificato dopo la firma: la firma non corrisponde. Il file non è stato importato.",
  vat_check_digit: "La partita IVA {{value}} ha la cifra di controllo errata.",
  line_total:
    "Riga {{line}}: il totale è {{found}}, ma quantità × prezzo − sconti dà {{expected}} (differenza {{difference}}).",
  summary_taxable:
    "IVA {{rate}}: le righe sommano {{expected}}, il riepilogo dice {{found}} (differenza {{difference}}).",
  summary_tax:
    "IVA {{rate}}: l'imposta è {{found}}, l'aliquota dà {{expected}} (differenza {{difference}}).",
  document_total:
    "Il totale documento è {{found}}, imponibili più IVA danno {{expected}} (differenza {{difference}}).",
};

/** The same sentences as a refused file's `bad_file` reasons (`fatturapa_<code>`). */
function asReasons(problems: Record<string, string>, where: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([code, text]) => [`fatturapa_${code}`, `${where} ${text}`]),
  );
}

const en = {
  fatturapa: {
    problem: problemEn,
    badFile: asReasons(problemEn, "{{file}}:"),
    where: "{{file}}, element {{path}}",
    documentType: {
      TD01: "Invoice",
      TD02: "Advance on invoice",
      TD03: "Advance on fee",
      TD04: "Credit note",
      TD05: "Debit note",
      TD06: "Fee note",
      other: "Document {{code}}",
    },
    signature: {
      none: "Not signed",
      intact_trust_not_checked:
        "Signature intact ({{signer}}). The signer's certificate is not checked against the certification authorities: that needs a connection.",
      not_checked: "Signed ({{signer}}) with a method this program does not verify.",
    },
  },
};

const it: Shape<typeof en> = {
  fatturapa: {
    problem: problemIt,
    badFile: asReasons(problemIt, "{{file}}:"),
    where: "{{file}}, elemento {{path}}",
    documentType: {
      TD01: "Fattura",
      TD02: "Acconto/anticipo su fattura",
      TD03: "Acconto/anticipo su parcella",
      TD04: "Nota di credito",
      TD05: "Nota di debito",
      TD06: "Parcella",
      other: "Documento {{code}}",
    },
    signature: {
      none: "Non firmato",
      intact_trust_not_checked:
        "Firma integra ({{signer}}). Il certificato del firmatario non è verificato presso le autorità di certificazione: serve una connessione.",
      not_checked: "Firmato ({{signer}}) con un metodo che il programma non verifica.",
    },
  },
};

export const strings = { en, it };
addTranslations(strings);
