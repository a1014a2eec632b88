//! FatturaPA files for the end-to-end tests, written by the published schema (1.2.x): one
//! invoice from a seller, naming one of our orders.

/// One invoice line: description, quantity, unit price in cents.
pub(crate) type Line<'a> = (&'a str, i64, i64);

fn euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A credit note (TD04) as [`invoice_xml`] writes an invoice: FatturaPA states its amounts as
/// positive, the document type saying they are credited.
pub(crate) fn credit_note_xml(
    seller: (&str, &str),
    number: &str,
    day: &str,
    order: &str,
    lines: &[Line],
) -> String {
    invoice_xml(seller, number, day, order, lines).replacen(
        "<TipoDocumento>TD01</TipoDocumento>",
        "<TipoDocumento>TD04</TipoDocumento>",
        1,
    )
}

/// A TD01 by the published schema (1.2.x) from `seller` (name, P.IVA), dated `day`, naming our
/// order `order`, its lines at 22 % with their summary and total as FatturaPA requires.
pub(crate) fn invoice_xml(
    seller: (&str, &str),
    number: &str,
    day: &str,
    order: &str,
    lines: &[Line],
) -> String {
    let (seller, vat_number) = seller;
    let mut detail = String::new();
    let mut net = 0;
    for (i, (description, qty, price)) in lines.iter().enumerate() {
        net += qty * price;
        detail.push_str(&format!(
            "<DettaglioLinee><NumeroLinea>{}</NumeroLinea><Descrizione>{description}</Descrizione>\
             <Quantita>{qty}.00</Quantita><UnitaMisura>PZ</UnitaMisura>\
             <PrezzoUnitario>{}</PrezzoUnitario><PrezzoTotale>{}</PrezzoTotale>\
             <AliquotaIVA>22.00</AliquotaIVA></DettaglioLinee>\n",
            i + 1,
            euros(*price),
            euros(qty * price),
        ));
    }
    let vat = (net * 22 + 50) / 100;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>{vat_number}</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00118</ProgressivoInvio><FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>M5UXCR1</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>{vat_number}</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>{seller}</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via Torino 12</Indirizzo><CAP>20123</CAP>
        <Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>07643520567</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>Officine Meccaniche Brambilla S.p.A.</Denominazione></Anagrafica>
      </DatiAnagrafici>
      <Sede><Indirizzo>Corso Italia 5</Indirizzo><CAP>20100</CAP><Comune>Milano</Comune><Nazione>IT</Nazione></Sede>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>{day}</Data>
        <Numero>{number}</Numero><ImportoTotaleDocumento>{total}</ImportoTotaleDocumento>
      </DatiGeneraliDocumento>
      <DatiOrdineAcquisto><IdDocumento>{order}</IdDocumento></DatiOrdineAcquisto>
    </DatiGenerali>
    <DatiBeniServizi>
      {detail}      <DatiRiepilogo><AliquotaIVA>22.00</AliquotaIVA><ImponibileImporto>{net}</ImponibileImporto>
        <Imposta>{vat}</Imposta><EsigibilitaIVA>I</EsigibilitaIVA></DatiRiepilogo>
    </DatiBeniServizi>
  </FatturaElettronicaBody>
</p:FatturaElettronica>
"#,
        total = euros(net + vat),
        net = euros(net),
        vat = euros(vat),
    )
}
