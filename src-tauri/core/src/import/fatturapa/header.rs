//! `FatturaElettronicaHeader`: who sends the invoices of the file and to whom.

use super::cursor::At;
use super::invoice::{Address, Format, Party};
use super::problem::{Problem, ProblemCode};
use crate::domain::vat::normalise_partita_iva;

pub struct Header {
    pub format: Format,
    pub supplier: Party,
    pub buyer: Party,
    pub recipient_code: Option<String>,
    pub recipient_pec: Option<String>,
    pub warnings: Vec<Problem>,
}

/// The root's `versione` names the format; `FormatoTrasmissione` repeats it, and older files
/// only have that.
fn format(root: At<'_>, header: At<'_>) -> Format {
    let declared = root.node.attr("versione").map(str::to_owned).or_else(|| {
        header
            .child("DatiTrasmissione")
            .and_then(|t| t.at().text("FormatoTrasmissione"))
    });
    match declared.as_deref() {
        Some(v) if v.starts_with("FPA") => Format::Fpa12,
        _ => Format::Fpr12,
    }
}

pub fn read(root: At<'_>) -> Result<Header, Problem> {
    let header = root.req("FatturaElettronicaHeader")?;
    let h = header.at();
    let format = format(root, h);
    let (recipient_code, recipient_pec) = match h.child("DatiTrasmissione") {
        Some(t) => (
            t.at().text("CodiceDestinatario"),
            t.at().text("PECDestinatario"),
        ),
        None => (None, None),
    };
    let mut warnings = Vec::new();
    let supplier = party(h.req("CedentePrestatore")?.at(), true, &mut warnings)?;
    let buyer = party(h.req("CessionarioCommittente")?.at(), false, &mut warnings)?;
    Ok(Header {
        format,
        supplier,
        buyer,
        recipient_code,
        recipient_pec,
        warnings,
    })
}

fn party(at: At<'_>, vat_required: bool, warnings: &mut Vec<Problem>) -> Result<Party, Problem> {
    let data = at.req("DatiAnagrafici")?;
    let d = data.at();
    let (vat_country, vat_code) = match d.child("IdFiscaleIVA") {
        Some(id) => {
            let country = id.at().req_text("IdPaese")?.to_uppercase();
            let code = id.at().req_text("IdCodice")?;
            if country == "IT" && normalise_partita_iva(&code).is_none() {
                warnings.push(
                    Problem::new(ProblemCode::VatCheckDigit, id.at().path_of("IdCodice"))
                        .with("value", &code),
                );
            }
            (Some(country), Some(code))
        }
        None if vat_required => return Err(d.missing("IdFiscaleIVA")),
        None => (None, None),
    };
    let codice_fiscale = d.text("CodiceFiscale");
    if vat_code.is_none() && codice_fiscale.is_none() {
        return Err(d.missing("CodiceFiscale"));
    }
    let anagrafica = d.req("Anagrafica")?;
    let a = anagrafica.at();
    let name = match a.text("Denominazione") {
        Some(n) => n,
        None => {
            let first = a.req_text("Nome")?;
            let last = a.req_text("Cognome")?;
            format!("{first} {last}")
        }
    };
    let address = match at.child("Sede") {
        Some(s) => Some(address(s.at())?),
        None => None,
    };
    let email = at.child("Contatti").and_then(|c| c.at().text("Email"));
    Ok(Party {
        vat_country,
        vat_code,
        codice_fiscale,
        name,
        address,
        email,
    })
}

fn address(s: At<'_>) -> Result<Address, Problem> {
    let mut street = s.req_text("Indirizzo")?;
    if let Some(n) = s.text("NumeroCivico") {
        street = format!("{street} {n}");
    }
    Ok(Address {
        street,
        postcode: s.req_text("CAP")?,
        city: s.req_text("Comune")?,
        province: s.text("Provincia"),
        country: s.req_text("Nazione")?,
    })
}
