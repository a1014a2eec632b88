//! What a textile manufacturer buys: spare parts, consumables, dyes, packaging, office goods,
//! services; each with its unit, usual quantities, price range and VAT rate. And the names of
//! the suppliers that sell them.

use crate::rng::Rng;
use backoffice_core::domain::iban;
use backoffice_core::domain::purchasing::vat_rate::Nature;

pub struct Item {
    pub code: &'static str,
    pub description: &'static str,
    pub unit: &'static str,
    /// Usual quantity, from and to (whole units).
    pub qty: (i64, i64),
    /// Unit price range in cents.
    pub price: (i64, i64),
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
}

const fn item(
    code: &'static str,
    description: &'static str,
    unit: &'static str,
    qty: (i64, i64),
    price: (i64, i64),
    vat_rate_bp: i64,
) -> Item {
    Item {
        code,
        description,
        unit,
        qty,
        price,
        vat_rate_bp,
        nature: None,
    }
}

#[rustfmt::skip]
pub const ITEMS: [Item; 28] = [
    item("CUS", "Cuscinetto a sfere 6204-2RS", "pz", (4, 60), (350, 1_800), 2_200),
    item("CIN", "Cinghia dentata HTD", "pz", (2, 20), (1_200, 9_500), 2_200),
    item("FIL", "Filtro aria a tasche F7", "pz", (4, 40), (2_500, 8_000), 2_200),
    item("OLI", "Olio idraulico ISO VG 46", "kg", (20, 400), (300, 650), 2_200),
    item("GRA", "Grasso al litio per cuscinetti", "kg", (5, 80), (900, 2_400), 2_200),
    item("AGH", "Aghi per telaio circolare", "pz", (100, 2_000), (40, 180), 2_200),
    item("NAV", "Navetta per telaio a pinza", "pz", (2, 30), (4_500, 22_000), 2_200),
    item("COL", "Colorante reattivo rosso", "kg", (25, 500), (1_400, 4_200), 2_200),
    item("AUS", "Ausiliario tessile ammorbidente", "kg", (50, 1_000), (180, 520), 2_200),
    item("FIO", "Filato cotone pettinato Ne 30/1", "kg", (100, 2_000), (450, 1_100), 2_200),
    item("POL", "Filato poliestere 150 den", "kg", (100, 3_000), (280, 650), 2_200),
    item("SCA", "Scatola in cartone ondulato doppia onda", "pz", (100, 3_000), (60, 240), 2_200),
    item("FLM", "Film estensibile per pallet 23 micron", "pz", (6, 120), (1_100, 2_300), 2_200),
    item("NAS", "Nastro adesivo avana 50 mm", "pz", (36, 720), (90, 260), 2_200),
    item("PAL", "Pallet in legno EPAL", "pz", (10, 300), (900, 1_600), 2_200),
    item("GUA", "Guanti da lavoro in nitrile", "pz", (50, 1_000), (60, 320), 2_200),
    item("SCR", "Scarpe antinfortunistiche S3", "pz", (2, 40), (4_500, 12_000), 2_200),
    item("CAR", "Carta per fotocopie A4 80 g", "pz", (10, 200), (350, 620), 2_200),
    item("TON", "Toner per stampante laser", "pz", (1, 20), (4_000, 16_000), 2_200),
    item("MAN", "Manutenzione ordinaria impianto", "h", (2, 80), (3_800, 7_500), 2_200),
    item("TRA", "Trasporto merci su strada", "pz", (1, 20), (8_000, 65_000), 2_200),
    item("CAL", "Taratura strumenti di misura", "pz", (1, 12), (6_000, 25_000), 2_200),
    item("ENE", "Sacchi di pellet per caldaia", "pz", (20, 300), (450, 800), 2_200),
    item("ACQ", "Acqua minerale per la mensa", "pz", (50, 1_500), (25, 60), 1_000),
    item("PAS", "Pasti mensa aziendale", "pz", (100, 3_000), (550, 900), 1_000),
    item("LIB", "Manuali tecnici e norme UNI", "pz", (1, 20), (2_500, 15_000), 400),
    Item { nature: Some(Nature::N4), ..item("FOR", "Corso di formazione finanziata", "h", (8, 40), (5_000, 12_000), 0) },
    item("VIT", "Viti e bulloneria inox assortita", "pz", (100, 5_000), (8, 90), 2_200),
];

const FIRST: [&str; 20] = [
    "Ferramenta",
    "Tecno",
    "Chimica",
    "Imballaggi",
    "Filati",
    "Meccanica",
    "Forniture",
    "Trasporti",
    "Elettro",
    "Idraulica",
    "Tessil",
    "Cartotecnica",
    "Ufficio",
    "Servizi",
    "Colorificio",
    "Lubrificanti",
    "Sicurezza",
    "Utensileria",
    "Logistica",
    "Impianti",
];
const SECOND: [&str; 25] = [
    "Rossi",
    "Bianchi",
    "Lombarda",
    "Adriatica",
    "del Nord",
    "Veneta",
    "Emiliana",
    "Toscana",
    "Ferrari",
    "Galli",
    "Colombo",
    "Marchesi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferri",
    "Gatti",
    "Testa",
    "Pellegrini",
    "Monti",
    "Serra",
];
const FORMS: [&str; 4] = ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."];
pub const CITIES: [(&str, &str, &str); 10] = [
    ("Milano", "MI", "20100"),
    ("Bergamo", "BG", "24100"),
    ("Brescia", "BS", "25100"),
    ("Prato", "PO", "59100"),
    ("Bologna", "BO", "40100"),
    ("Torino", "TO", "10100"),
    ("Verona", "VR", "37100"),
    ("Napoli", "NA", "80100"),
    ("Como", "CO", "22100"),
    ("Padova", "PD", "35100"),
];

/// The `n`-th supplier's name: unique, the number telling apart the few that would repeat.
pub fn supplier_name(n: usize) -> String {
    let a = FIRST[n % FIRST.len()];
    let b = SECOND[(n / FIRST.len()) % SECOND.len()];
    let round = n / (FIRST.len() * SECOND.len());
    let form = FORMS[n % FORMS.len()];
    if round == 0 {
        format!("{a} {b} {form}")
    } else {
        format!("{a} {b} {} {form}", round + 1)
    }
}

/// The `n`-th supplier's partita IVA: eleven digits, unique, with its check digit.
pub fn vat_number(n: usize) -> String {
    let body = format!("{:07}{:03}", 1_000_000 + n * 13, 1 + n % 100);
    let d: Vec<u32> = body.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &x)| match (i % 2, x * 2) {
            (0, _) => x,
            (_, y) if y > 9 => y - 9,
            (_, y) => y,
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

pub fn iban(r: &mut Rng) -> String {
    let (abi, cab) = *r.pick(&[
        ("03069", "09606"),
        ("02008", "01600"),
        ("05034", "11701"),
        ("05428", "11101"),
        ("01030", "02800"),
    ]);
    iban::italian(abi, cab, &r.digits(12)).expect("well-formed parts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_numbers_are_valid_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..5_000 {
            let v = vat_number(n);
            assert_eq!(
                backoffice_core::domain::vat::normalise_partita_iva(&v).as_deref(),
                Some(v.as_str())
            );
            assert!(seen.insert(v));
            assert!(seen.len() == n + 1);
        }
        let mut r = Rng::new(1);
        assert!(iban::normalise(&iban(&mut r)).is_some());
    }
}
