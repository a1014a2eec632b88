//! FatturaPA files (FPR12, version 1.2.x) written by the published schema for the import line:
//! one invoice per file billing a generated purchase order whole, with its lines, VAT summary,
//! payment and the order's reference (`DatiOrdineAcquisto`).

use backoffice_core::domain::purchasing::order::PurchaseOrder;
use backoffice_core::domain::purchasing::supplier::Supplier;
use chrono::NaiveDate;

fn cents(c: i64) -> String {
    format!(
        "{}{}.{:02}",
        if c < 0 { "-" } else { "" },
        c.abs() / 100,
        c.abs() % 100
    )
}

fn rate(bp: i64) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

/// Escapes the five XML characters.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn header(s: &Supplier, progressive: usize) -> String {
    let vat = s.vat_number.as_deref().unwrap_or_default();
    let code = vat.strip_prefix("IT").unwrap_or(vat);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>{code}</IdCodice></IdTrasmittente>
      <ProgressivoInvio>{progressive:05}</ProgressivoInvio>
      <FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>0000000</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>{code}</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>{name}</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede><Indirizzo>{street}</Indirizzo><CAP>{cap}</CAP><Comune>{city}</Comune><Nazione>IT</Nazione></Sede>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>07643520567</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>Tessiture Adriatiche S.p.A.</Denominazione></Anagrafica>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via dell'Industria 42</Indirizzo><CAP>20126</CAP><Comune>Milano</Comune><Nazione>IT</Nazione></Sede>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
"#,
        name = text(&s.name),
        street = text(s.street.as_deref().unwrap_or("Via Roma 1")),
        cap = s.postcode.as_deref().unwrap_or("20100"),
        city = text(s.city.as_deref().unwrap_or("Milano")),
    )
}

/// The invoice `number` of `date` billing order `o` whole, from supplier `s`.
pub fn invoice_xml(
    s: &Supplier,
    o: &PurchaseOrder,
    number: &str,
    date: NaiveDate,
    n: usize,
) -> String {
    let mut x = header(s, n);
    let order_ref = o
        .number
        .as_deref()
        .map(|num| {
            format!(
                "<DatiOrdineAcquisto><IdDocumento>{num}</IdDocumento><Data>{}</Data></DatiOrdineAcquisto>",
                o.approved_on.unwrap_or(o.order_date)
            )
        })
        .unwrap_or_default();
    x.push_str(&format!(
        r#"  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>{date}</Data><Numero>{number}</Numero>
        <ImportoTotaleDocumento>{total}</ImportoTotaleDocumento><Causale>Fornitura come da ordine</Causale>
      </DatiGeneraliDocumento>
      {order_ref}
    </DatiGenerali>
    <DatiBeniServizi>
"#,
        total = cents(o.total_cents),
    ));
    for l in &o.lines {
        let discount = if l.discount_bp > 0 {
            format!(
                "<ScontoMaggiorazione><Tipo>SC</Tipo><Percentuale>{}</Percentuale></ScontoMaggiorazione>",
                rate(l.discount_bp)
            )
        } else {
            String::new()
        };
        let nature = l
            .nature
            .map(|n| format!("<Natura>{}</Natura>", n.code()))
            .unwrap_or_default();
        x.push_str(&format!(
            "      <DettaglioLinee><NumeroLinea>{}</NumeroLinea><CodiceArticolo><CodiceTipo>INTERNO</CodiceTipo><CodiceValore>{}</CodiceValore></CodiceArticolo><Descrizione>{}</Descrizione><Quantita>{}.{:03}</Quantita><UnitaMisura>{}</UnitaMisura><PrezzoUnitario>{}.{:04}</PrezzoUnitario>{discount}<PrezzoTotale>{}</PrezzoTotale><AliquotaIVA>{}</AliquotaIVA>{nature}</DettaglioLinee>\n",
            l.position,
            text(l.item_code.as_deref().unwrap_or("-")),
            text(&l.description),
            l.quantity / 1000,
            l.quantity % 1000,
            text(&l.unit),
            l.unit_price / 10_000,
            l.unit_price % 10_000,
            cents(l.net_cents),
            rate(l.vat_rate_bp),
        ));
    }
    for r in &o.summary {
        let nature = r
            .nature
            .map(|n| format!("<Natura>{}</Natura>", n.code()))
            .unwrap_or_default();
        let chargeability = if r.nature.is_none() {
            "<EsigibilitaIVA>I</EsigibilitaIVA>"
        } else {
            "<RiferimentoNormativo>Art. 10 DPR 633/72</RiferimentoNormativo>"
        };
        x.push_str(&format!(
            "      <DatiRiepilogo><AliquotaIVA>{}</AliquotaIVA>{nature}<ImponibileImporto>{}</ImponibileImporto><Imposta>{}</Imposta>{chargeability}</DatiRiepilogo>\n",
            rate(r.rate_bp),
            cents(r.taxable),
            cents(r.tax),
        ));
    }
    let due = date + chrono::Days::new(60);
    let iban = s
        .iban
        .as_deref()
        .map(|i| format!("<IBAN>{i}</IBAN>"))
        .unwrap_or_default();
    x.push_str(&format!(
        r#"    </DatiBeniServizi>
    <DatiPagamento>
      <CondizioniPagamento>TP02</CondizioniPagamento>
      <DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>{due}</DataScadenzaPagamento><ImportoPagamento>{}</ImportoPagamento>{iban}</DettaglioPagamento>
    </DatiPagamento>
  </FatturaElettronicaBody>
</p:FatturaElettronica>
"#,
        cents(o.total_cents)
    ));
    x
}
