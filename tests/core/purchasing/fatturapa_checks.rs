//! The arithmetic and VAT-number checks: differences are warnings with the amounts, and the
//! invoice keeps what the supplier wrote.

use super::fatturapa_xml::{body, doc, line, Summary};
use backoffice_core::import::fatturapa::{
    read_file, Adjustment, Decimal, DocumentType, ProblemCode,
};

fn codes(w: &[backoffice_core::import::fatturapa::Problem]) -> Vec<ProblemCode> {
    w.iter().map(|p| p.code).collect()
}

#[test]
fn a_fee_note_with_pension_fund_and_stamp_duty_adds_up() {
    // A professional's parcella: 1000.00 fee + 4 % fund (40.00) taxable at 22 %, and 2.00 stamp.
    let mut b = body("P-12");
    b.kind = "TD06";
    b.lines = vec![line(1, "Consulenza", "1.00", "1000.00", "1000.00")];
    b.document_extra = "<DatiBollo><BolloVirtuale>SI</BolloVirtuale><ImportoBollo>2.00</ImportoBollo></DatiBollo>\
        <DatiCassaPrevidenziale><TipoCassa>TC22</TipoCassa><AlCassa>4.00</AlCassa><ImportoContributoCassa>40.00</ImportoContributoCassa>\
        <ImponibileCassa>1000.00</ImponibileCassa><AliquotaIVA>22.00</AliquotaIVA></DatiCassaPrevidenziale>".to_owned();
    b.summary = vec![Summary {
        rate: "22.00",
        nature: None,
        taxable: "1040.00",
        tax: "228.80",
    }];
    b.total = Some("1270.80");
    let file = read_file("p.xml", doc(vec![b]).xml().as_bytes()).unwrap();
    let inv = &file.invoices[0];
    assert_eq!(inv.document_type, DocumentType::Fee);
    assert_eq!(inv.stamp_duty_cents, Some(200));
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
}

#[test]
fn discounts_exempt_lines_and_eight_decimals_check_exactly() {
    let mut b = body("1");
    let mut discounted = line(1, "Cavo", "3.50000", "1.23456789", "3.89");
    // 3.5 × 1.23456789 × 0.9 = 3.888888... → 3.89
    discounted.discount_percent = Some("10.00");
    let mut exempt = line(2, "Bollo su esenzione", "1.00", "10.00", "10.00");
    exempt.rate = "0.00";
    exempt.nature = Some("N2.2");
    b.lines = vec![discounted, exempt];
    b.summary = vec![
        Summary {
            rate: "22.00",
            nature: None,
            taxable: "3.89",
            tax: "0.86",
        },
        Summary {
            rate: "0.00",
            nature: Some("N2.2"),
            taxable: "10.00",
            tax: "0.00",
        },
    ];
    b.total = Some("14.75");
    let inv = &read_file("d.xml", doc(vec![b]).xml().as_bytes())
        .unwrap()
        .invoices[0];
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
    assert_eq!(
        inv.lines[0].adjustments,
        vec![Adjustment::Percent(Decimal {
            units: -1000,
            scale: 2
        })]
    );
    assert_eq!(
        inv.lines[0].quantity.unwrap().rounded(3),
        Some((3_500, false))
    );
    assert_eq!(inv.lines[0].unit_price.rounded(4), Some((12_346, true)));
    assert_eq!(inv.lines[1].nature.as_deref(), Some("N2.2"));
}

#[test]
fn lines_that_do_not_add_up_are_warnings_with_the_difference() {
    let mut b = body("1");
    // Line 1 says 130.00 where 10 × 12.50 = 125.00; the summary says 200.00 for 205.00 of
    // lines (within the SdI's euro? no: 5.00 off), the tax is 1 euro off, the total too.
    b.lines[0].total = "130.00";
    b.summary[0].tax = "45.00";
    b.total = Some("250.00");
    let file = read_file("w.xml", doc(vec![b]).xml().as_bytes()).unwrap();
    let w = &file.invoices[0].warnings;
    assert_eq!(
        codes(w),
        [
            ProblemCode::LineTotal,
            ProblemCode::SummaryTax,
            ProblemCode::SummaryTaxable,
            ProblemCode::DocumentTotal
        ]
    );
    assert_eq!(
        w[0].path,
        "FatturaElettronicaBody[1]/DatiBeniServizi/DettaglioLinee[1]/PrezzoTotale"
    );
    assert_eq!(w[0].params["difference"], "500");
    assert_eq!(w[0].file, "w.xml");
    assert_eq!(w[1].params["difference"], "100");
    assert_eq!(
        w[2].path,
        "FatturaElettronicaBody[1]/DatiBeniServizi/DatiRiepilogo[1]/ImponibileImporto"
    );
    assert_eq!(w[2].params["difference"], "-500");
    assert_eq!(w[3].params["expected"], "24500");
    assert_eq!(w[3].params["difference"], "500");
    // The invoice keeps what the supplier wrote.
    assert_eq!(file.invoices[0].lines[0].total_cents, 13_000);
}

#[test]
fn a_summary_within_one_euro_of_the_lines_is_accepted() {
    let mut b = body("1");
    b.lines[0].total = "125.60";
    b.lines[0].unit_price = "12.56";
    let inv = &read_file("t.xml", doc(vec![b]).xml().as_bytes())
        .unwrap()
        .invoices[0];
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
}

#[test]
fn a_wrong_italian_check_digit_is_a_warning_and_foreign_ids_are_not_checked() {
    let mut d = doc(vec![body("1")]);
    d.supplier_vat = "00488410011";
    let inv = &read_file("v.xml", d.xml().as_bytes()).unwrap().invoices[0];
    assert_eq!(codes(&inv.warnings), [ProblemCode::VatCheckDigit]);
    assert_eq!(
        inv.warnings[0].path,
        "FatturaElettronicaHeader/CedentePrestatore/DatiAnagrafici/IdFiscaleIVA/IdCodice"
    );
    let xml = doc(vec![body("1")]).xml().replacen(
        "<IdPaese>IT</IdPaese><IdCodice>00488410010",
        "<IdPaese>DE</IdPaese><IdCodice>DE123456789",
        1,
    );
    let inv = &read_file("de.xml", xml.as_bytes()).unwrap().invoices[0];
    assert_eq!(inv.supplier.vat_country.as_deref(), Some("DE"));
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
}

#[test]
fn amount_discounts_per_unit_and_long_percentages_check_exactly() {
    let mut b = body("1");
    // 10 × (12.50 − 0.50) = 120.00; then 75.00 + 2.5 % surcharge = 76.875 → 76.88.
    b.lines[0].total = "120.00";
    b.lines[1].total = "76.88";
    b.summary[0].taxable = "196.88";
    b.summary[0].tax = "43.31";
    b.total = Some("240.19");
    let xml = doc(vec![b])
        .xml()
        .replacen(
            "<PrezzoUnitario>12.50</PrezzoUnitario>",
            "<PrezzoUnitario>12.50</PrezzoUnitario><ScontoMaggiorazione><Tipo>SC</Tipo><Importo>0.50</Importo></ScontoMaggiorazione>",
            1,
        )
        .replacen(
            "<PrezzoUnitario>75.00000000</PrezzoUnitario>",
            "<PrezzoUnitario>75.00000000</PrezzoUnitario><ScontoMaggiorazione><Tipo>MG</Tipo><Percentuale>2.500</Percentuale></ScontoMaggiorazione>",
            1,
        );
    let inv = &read_file("s.xml", xml.as_bytes()).unwrap().invoices[0];
    assert!(inv.warnings.is_empty(), "{:?}", inv.warnings);
    assert_eq!(
        inv.lines[0].adjustments,
        vec![Adjustment::Amount(Decimal {
            units: -50,
            scale: 2
        })]
    );
    assert_eq!(
        inv.lines[1].adjustments,
        vec![Adjustment::Percent(Decimal {
            units: 2500,
            scale: 3
        })]
    );
}
