//! `DatiBeniServizi`: the lines (`DettaglioLinee`) and the VAT summary per rate
//! (`DatiRiepilogo`).

use super::cursor::At;
use super::invoice::{Adjustment, Line, VatSummary};
use super::problem::{Problem, ProblemCode};

/// VAT nature codes of the published table (N2, N3, N6 have sub-codes since 2021).
const NATURES: &[&str] = &[
    "N1", "N2", "N2.1", "N2.2", "N3", "N3.1", "N3.2", "N3.3", "N3.4", "N3.5", "N3.6", "N4", "N5",
    "N6", "N6.1", "N6.2", "N6.3", "N6.4", "N6.5", "N6.6", "N6.7", "N6.8", "N6.9", "N7",
];

pub fn nature(at: At<'_>) -> Result<Option<String>, Problem> {
    match at.text("Natura") {
        Some(n) if NATURES.contains(&n.as_str()) => Ok(Some(n)),
        Some(n) => Err(Problem::new(ProblemCode::BadCode, at.path_of("Natura")).with("value", n)),
        None => Ok(None),
    }
}

pub fn lines(goods: At<'_>) -> Result<Vec<Line>, Problem> {
    let found = goods.all("DettaglioLinee");
    if found.is_empty() {
        return Err(goods.missing("DettaglioLinee"));
    }
    found.iter().map(|l| line(l.at())).collect()
}

fn line(l: At<'_>) -> Result<Line, Problem> {
    let number = l
        .integer("NumeroLinea")?
        .ok_or_else(|| l.missing("NumeroLinea"))?;
    let code = l.child("CodiceArticolo").and_then(|c| {
        let value = c.at().text("CodiceValore")?;
        Some(match c.at().text("CodiceTipo") {
            Some(kind) => format!("{kind}:{value}"),
            None => value,
        })
    });
    let mut adjustments = Vec::new();
    for adj in l.all("ScontoMaggiorazione") {
        adjustments.push(adjustment(adj.at())?);
    }
    Ok(Line {
        number,
        code,
        description: l.req_text("Descrizione")?,
        quantity: l.decimal("Quantita")?,
        unit: l.text("UnitaMisura"),
        unit_price: l.req_decimal("PrezzoUnitario")?,
        adjustments,
        total_cents: l.req_cents("PrezzoTotale")?,
        vat_rate_bp: l.req_basis_points("AliquotaIVA")?,
        nature: nature(l)?,
    })
}

/// `ScontoMaggiorazione`: `Tipo` SC (discount) or MG (surcharge), with a percentage or an amount.
pub fn adjustment(a: At<'_>) -> Result<Adjustment, Problem> {
    let kind = a.req_text("Tipo")?;
    let sign = match kind.as_str() {
        "SC" => -1,
        "MG" => 1,
        _ => return Err(Problem::new(ProblemCode::BadCode, a.path_of("Tipo")).with("value", kind)),
    };
    // Percentages are written with two decimals, some senders use up to eight.
    if let Some(mut p) = a.decimal("Percentuale")? {
        p.units = sign * p.units.abs();
        return Ok(Adjustment::Percent(p));
    }
    let mut amount = a.req_decimal("Importo")?;
    amount.units = sign * amount.units.abs();
    Ok(Adjustment::Amount(amount))
}

pub fn summary(goods: At<'_>) -> Result<Vec<VatSummary>, Problem> {
    let found = goods.all("DatiRiepilogo");
    if found.is_empty() {
        return Err(goods.missing("DatiRiepilogo"));
    }
    found
        .iter()
        .map(|s| {
            let s = s.at();
            Ok(VatSummary {
                vat_rate_bp: s.req_basis_points("AliquotaIVA")?,
                nature: nature(s)?,
                taxable_cents: s.req_cents("ImponibileImporto")?,
                tax_cents: s.req_cents("Imposta")?,
                chargeability: s.text("EsigibilitaIVA"),
                rounding_cents: s.decimal("Arrotondamento")?.and_then(|d| {
                    // Arrotondamento allows up to eight decimals; cents are what is summed.
                    d.rounded(2).map(|(c, _)| c)
                }),
            })
        })
        .collect()
}
