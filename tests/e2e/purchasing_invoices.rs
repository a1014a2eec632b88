//! Supplier invoices end to end, in the real window: two FatturaPA files chosen at once (one
//! good, one that is not an invoice) through the open dialog, the report per file, the import on
//! confirm with the supplier created from the invoice, the invoice's readable page in both
//! languages; then an invoice entered by hand, and the due payments.

use crate::screens::{choose_option, click_text, go, set_up, switch_language};
use crate::staff::{text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};

/// A TD01 by the published schema (1.2.x): two lines at 22 %, a due date, an order reference
/// and an attached transport document.
pub(crate) fn invoice_xml() -> String {
    r#"<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>01234567890</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00001</ProgressivoInvio><FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>0000000</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>00488410010</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>Ferramenta Rossi S.r.l.</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via Roma</Indirizzo><NumeroCivico>1</NumeroCivico><CAP>10100</CAP>
        <Comune>Torino</Comune><Provincia>TO</Provincia><Nazione>IT</Nazione></Sede>
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
        <TipoDocumento>TD01</TipoDocumento><Divisa>EUR</Divisa><Data>2026-03-15</Data>
        <Numero>FT-2026/0042</Numero><ImportoTotaleDocumento>244.00</ImportoTotaleDocumento>
        <Causale>Fornitura di marzo</Causale>
      </DatiGeneraliDocumento>
      <DatiOrdineAcquisto><RiferimentoNumeroLinea>1</RiferimentoNumeroLinea>
        <IdDocumento>OA-2026-0007</IdDocumento><Data>2026-03-01</Data></DatiOrdineAcquisto>
    </DatiGenerali>
    <DatiBeniServizi>
      <DettaglioLinee><NumeroLinea>1</NumeroLinea><CodiceArticolo><CodiceTipo>EAN</CodiceTipo><CodiceValore>8001234567890</CodiceValore></CodiceArticolo>
        <Descrizione>Viti M6 inox</Descrizione><Quantita>10.00</Quantita><UnitaMisura>PZ</UnitaMisura>
        <PrezzoUnitario>12.50</PrezzoUnitario><PrezzoTotale>125.00</PrezzoTotale><AliquotaIVA>22.00</AliquotaIVA></DettaglioLinee>
      <DettaglioLinee><NumeroLinea>2</NumeroLinea><Descrizione>Montaggio</Descrizione><Quantita>1.00</Quantita>
        <PrezzoUnitario>75.00</PrezzoUnitario><PrezzoTotale>75.00</PrezzoTotale><AliquotaIVA>22.00</AliquotaIVA></DettaglioLinee>
      <DatiRiepilogo><AliquotaIVA>22.00</AliquotaIVA><ImponibileImporto>200.00</ImponibileImporto>
        <Imposta>44.00</Imposta><EsigibilitaIVA>I</EsigibilitaIVA></DatiRiepilogo>
    </DatiBeniServizi>
    <DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento>
      <DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento><DataScadenzaPagamento>2026-04-30</DataScadenzaPagamento>
        <ImportoPagamento>244.00</ImportoPagamento><IBAN>IT60X0542811101000000123456</IBAN></DettaglioPagamento>
    </DatiPagamento>
    <Allegati><NomeAttachment>ddt.pdf</NomeAttachment><FormatoAttachment>PDF</FormatoAttachment>
      <DescrizioneAttachment>Documento di trasporto</DescrizioneAttachment>
      <Attachment>JVBERi0xLjQKJSVFT0YK</Attachment></Allegati>
  </FatturaElettronicaBody>
</p:FatturaElettronica>
"#
    .to_owned()
}

/// Types into a line's input until it holds `text`: the form may still be settling (the
/// supplier's terms arrive a moment after it is chosen) and put the old value back under the
/// keystrokes.
fn line_input(app: &App, row: usize, field: &str, text: &str) {
    app.type_checked(
        &format!("[data-testid=invoice-form] input[name='lines.{row}.{field}']"),
        text,
    );
}

#[test]
fn invoices_are_imported_after_a_report_per_file_and_entered_by_hand() {
    let files = tempfile::tempdir().unwrap();
    let good = files.path().join("IT00488410010_0A1B2.xml");
    let bad = files.path().join("preventivo.xml");
    std::fs::write(&good, invoice_xml()).unwrap();
    std::fs::write(
        &bad,
        "Gentile cliente, in allegato il preventivo richiesto.",
    )
    .unwrap();
    let both = format!("{}|{}", good.display(), bad.display());
    let app = App::launch_with(
        "purchasing_invoices",
        Launch::italian().dialog_answers(files.path(), &[both]),
    );
    set_up(&app);
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    app.wait_for("[data-testid=invoices-empty]", TIMEOUT);
    app.screenshot("invoices-empty");

    // Step 1: the report per file; nothing is written yet.
    app.click("[data-testid=invoice-import]");
    app.wait_for("[data-testid=invoice-import-report]", TIMEOUT);
    let refused = text_now(&app, "[data-testid=import-file][data-refused=true]");
    assert!(
        refused.contains("preventivo.xml") && refused.contains("non è né una fattura XML"),
        "{refused}"
    );
    let good_file = text_now(&app, "[data-testid=import-file][data-refused=false]");
    assert!(
        good_file.contains("FT-2026/0042") && good_file.contains("Nuovo fornitore"),
        "{good_file}"
    );
    app.wait_for("[data-testid=import-invoice][data-verdict=ready]", TIMEOUT);
    assert_eq!(
        crate::screens::count(&app, "SELECT count(*) FROM supplier_invoices"),
        0
    );
    app.screenshot("invoice-import-report");

    // Step 2: the good invoice and its new supplier, in one go.
    app.click("[data-testid=invoice-import-confirm]");
    app.wait_for("[data-testid=invoice-import-outcome]", TIMEOUT);
    assert_eq!(
        crate::screens::count(&app, "SELECT count(*) FROM supplier_invoices"),
        1
    );
    assert_eq!(
        crate::screens::count(&app, "SELECT count(*) FROM suppliers"),
        1
    );
    app.screenshot("invoice-import-outcome");
    app.click("[data-testid=imported-invoice]");
    wait_text(&app, "[data-testid=page-title]", "Fattura FT-2026/0042");
    let total = text_now(&app, "[data-testid=invoice-total]");
    assert!(total.contains("244,00"), "{total}");
    assert!(text_now(&app, "[data-testid=invoice-buyer-block]").contains("Brambilla"));
    assert!(text_now(&app, "[data-testid=invoice-dues]").contains("30/04/2026"));
    assert!(text_now(&app, "[data-testid=invoice-order-refs]").contains("OA-2026-0007"));
    app.screenshot("invoice-page");
    app.click("[data-testid=tab-files]");
    app.wait_until("the original file among the files", TIMEOUT, || {
        let body = app.text("body");
        Ok(body.contains("IT00488410010_0A1B2") && body.contains("Documento di trasporto"))
    });
    app.screenshot("invoice-files");

    switch_language(&app, "EN");
    app.click("[data-testid=tab-details]");
    app.wait_until("the page in English", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=invoice-totals]").contains("Document total"))
    });
    assert!(text_now(&app, "[data-testid=invoice-total]").contains("244.00"));
    app.screenshot("invoice-page-en");

    // An invoice entered by hand for the supplier the import created.
    app.click("[data-testid=back-to-invoices]");
    app.wait_for("[data-testid=invoice-row]", TIMEOUT);
    app.click("[data-testid=invoice-new]");
    app.wait_for("[data-testid=invoice-form]", TIMEOUT);
    app.type_text(
        "[data-testid=invoice-form] input[data-testid=invoice-supplier]",
        "Ferr",
    );
    choose_option(
        &app,
        "[data-testid=invoice-form] input[data-testid=invoice-supplier]",
        "Ferramenta Rossi S.r.l.",
    );
    app.type_text(
        "[data-testid=invoice-form] input[data-testid=invoice-number]",
        "118/B",
    );
    app.type_text(
        "[data-testid=invoice-form] input[data-field=date]",
        "20/02/2026",
    );
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    line_input(&app, 0, "description", "Guanti da lavoro");
    line_input(&app, 0, "quantity", "20");
    line_input(&app, 0, "unit_price", "3.5");
    app.screenshot("invoice-form-en");
    app.click("[data-testid=invoice-save]");
    app.wait_gone("[data-testid=invoice-form]", TIMEOUT);
    wait_text(&app, "[data-testid=page-title]", "Invoice 118/B");
    // 70.00 + 15.40 VAT.
    let total = text_now(&app, "[data-testid=invoice-total]");
    assert!(total.contains("85.40"), "{total}");
    app.screenshot("invoice-manual-en");

    switch_language(&app, "IT");
    app.click("[data-testid=back-to-invoices]");
    click_text(&app, "[data-testid=purchasing-view]", "Scadenze");
    app.wait_for("[data-testid=due-row]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=due-row]").contains("30/04/2026"));
    app.screenshot("due-payments");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    app.wait_until("both invoices listed", TIMEOUT, || {
        Ok(app.count("[data-testid=invoice-row]") == 2)
    });
    app.screenshot("invoices-list");
}
