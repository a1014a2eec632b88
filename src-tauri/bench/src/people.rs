//! Italian people as an HR file holds them: names, a codice fiscale built from them by the
//! official rules (check letter from `domain::codice_fiscale`, omocodia when two people would get
//! the same code), an Italian IBAN with valid CIN and check digits, e-mail, phone and address.

use crate::rng::Rng;
use backoffice_core::domain::codice_fiscale::{self, Sex};
use backoffice_core::domain::iban;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

pub const MALE_NAMES: &[&str] = &[
    "Marco",
    "Luca",
    "Giuseppe",
    "Francesco",
    "Alessandro",
    "Andrea",
    "Matteo",
    "Lorenzo",
    "Davide",
    "Simone",
    "Federico",
    "Riccardo",
    "Stefano",
    "Roberto",
    "Paolo",
    "Giovanni",
    "Antonio",
    "Mario",
    "Fabio",
    "Massimo",
    "Daniele",
    "Gabriele",
    "Emanuele",
    "Claudio",
    "Michele",
    "Alberto",
    "Nicola",
    "Salvatore",
    "Vincenzo",
    "Pietro",
    "Tommaso",
    "Leonardo",
    "Enrico",
    "Filippo",
    "Giorgio",
    "Sergio",
    "Domenico",
    "Carlo",
    "Luigi",
    "Franco",
    "Angelo",
    "Raffaele",
    "Cristian",
    "Manuel",
    "Diego",
    "Edoardo",
    "Jacopo",
    "Mattia",
    "Samuele",
    "Giacomo",
    "Alessio",
    "Valerio",
    "Dario",
    "Ivan",
    "Mirko",
    "Ugo",
    "Bruno",
    "Renato",
    "Gianluca",
    "Pierluigi",
    "Maurizio",
    "Fabrizio",
    "Walter",
    "Emilio",
    "Ettore",
    "Ernesto",
    "Gino",
    "Aldo",
    "Ottavio",
    "Rocco",
    "Cosimo",
    "Gaetano",
    "Ciro",
    "Gennaro",
    "Carmine",
    "Umberto",
    "Vittorio",
    "Elia",
    "Nicolò",
    "Christian",
];

pub const FEMALE_NAMES: &[&str] = &[
    "Giulia",
    "Francesca",
    "Chiara",
    "Sara",
    "Martina",
    "Valentina",
    "Alessia",
    "Federica",
    "Elisa",
    "Silvia",
    "Laura",
    "Anna",
    "Maria",
    "Paola",
    "Elena",
    "Roberta",
    "Giorgia",
    "Ilaria",
    "Serena",
    "Cristina",
    "Monica",
    "Barbara",
    "Simona",
    "Claudia",
    "Daniela",
    "Alessandra",
    "Marta",
    "Beatrice",
    "Camilla",
    "Aurora",
    "Sofia",
    "Emma",
    "Alice",
    "Greta",
    "Ludovica",
    "Noemi",
    "Arianna",
    "Veronica",
    "Eleonora",
    "Michela",
    "Lucia",
    "Rosa",
    "Angela",
    "Teresa",
    "Giovanna",
    "Antonella",
    "Patrizia",
    "Manuela",
    "Stefania",
    "Sabrina",
    "Debora",
    "Erika",
    "Jessica",
    "Vanessa",
    "Caterina",
    "Irene",
    "Nicoletta",
    "Ornella",
    "Loredana",
    "Rita",
    "Carla",
    "Franca",
    "Gabriella",
    "Luisa",
    "Marina",
    "Nadia",
    "Tiziana",
    "Cinzia",
    "Raffaella",
    "Carmela",
    "Concetta",
    "Immacolata",
    "Assunta",
    "Agnese",
    "Bianca",
    "Viola",
    "Matilde",
    "Ginevra",
    "Rebecca",
    "Benedetta",
];

pub const SURNAMES: &[&str] = &[
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De Santis",
    "D'Angelo",
    "Marchetti",
    "Parisi",
    "Villa",
    "Conte",
    "Ferraro",
    "Ferri",
    "Fabbri",
    "Bianco",
    "Marini",
    "Grasso",
    "Valentini",
    "Messina",
    "Sala",
    "De Angelis",
    "Gatti",
    "Pellegrini",
    "Palumbo",
    "Sanna",
    "Farina",
    "Rizzi",
    "Monti",
    "Cattaneo",
    "Morelli",
    "Amato",
    "Silvestri",
    "Mazza",
    "Testa",
    "Grassi",
    "Pellegrino",
    "Carbone",
    "Giuliani",
    "Benedetti",
    "Barone",
    "Rossetti",
    "Caputo",
    "Montanari",
    "Guerra",
    "Palmieri",
    "Bernardi",
    "Martino",
    "Fiore",
    "De Rosa",
    "Ferretti",
    "Bellini",
    "Basile",
    "Riva",
    "Donati",
    "Piras",
    "Vitali",
    "Battaglia",
    "Sartori",
    "Neri",
    "Costantini",
    "Milani",
    "Pagano",
    "Ruggiero",
    "Sorrentino",
    "D'Amico",
    "Orlando",
    "Damico",
    "Negri",
    "Rota",
    "Bassi",
    "Fumagalli",
    "Brambilla",
    "Cristiani",
    "Mazzoleni",
    "Pozzi",
    "Colonna",
    "Zanetti",
    "Bertolini",
    "Fiorentino",
    "Santini",
    "Cirillo",
    "Gualtieri",
    "Tedesco",
    "Zanella",
    "Pace",
    "Sanfilippo",
    "Ferrero",
    "Bonetti",
    "Guidi",
    "Cocco",
    "Ruggeri",
    "Bertoni",
    "Lazzari",
    "Marchi",
    "Cavallo",
    "Melis",
    "Poli",
    "Cappelli",
    "Ricciardi",
    "Cattani",
    "Benetti",
    "Valenti",
    "Bonomi",
    "Zanotti",
    "Meloni",
    "Mele",
    "Agostini",
    "Piccolo",
    "Bellotti",
    "Orsini",
    "Rossini",
    "Russi",
    "Sartor",
    "Bortolin",
    "Zanon",
    "Furlan",
    "Nicolini",
    "Montagna",
    "Rocca",
    "Di Stefano",
    "Di Lorenzo",
    "Di Marco",
    "Lo Russo",
    "La Rosa",
    "Dell'Acqua",
    "Dal Santo",
    "Da Ros",
    "Pavan",
    "Visentin",
    "Zambon",
    "Bortoluzzi",
    "Tosi",
    "Foschi",
    "Venturi",
    "Baldini",
    "Cenci",
    "Bartoli",
    "Galassi",
    "Mazzini",
    "Garibaldi",
    "Cavour",
    "Manzoni",
    "Leopardi",
    "Carducci",
    "Pascoli",
    "Verga",
    "Pirandello",
    "Deledda",
    "Svevo",
    "Montale",
    "Ungaretti",
    "Quasimodo",
    "Calvino",
    "Moravia",
    "Pavese",
    "Levi",
    "Sciascia",
    "Tomasi",
    "Buzzati",
    "Gadda",
    "Fenoglio",
    "Bassani",
    "Ginzburg",
    "Morante",
    "Merini",
    "Saba",
    "Campana",
    "Gozzano",
    "Marinetti",
    "Boccioni",
    "Balla",
    "Severini",
    "Carrà",
    "Morandi",
    "Modigliani",
    "De Chirico",
    "Guttuso",
    "Fontanesi",
];

/// Birth places: (municipality or country, Belfiore code, province or None abroad, weight).
pub const PLACES: &[(&str, &str, Option<&str>, u32)] = &[
    ("Roma", "H501", Some("RM"), 40),
    ("Milano", "F205", Some("MI"), 40),
    ("Napoli", "F839", Some("NA"), 30),
    ("Torino", "L219", Some("TO"), 25),
    ("Palermo", "G273", Some("PA"), 20),
    ("Genova", "D969", Some("GE"), 15),
    ("Bologna", "A944", Some("BO"), 15),
    ("Firenze", "D612", Some("FI"), 15),
    ("Bari", "A662", Some("BA"), 12),
    ("Catania", "C351", Some("CT"), 12),
    ("Venezia", "L736", Some("VE"), 10),
    ("Verona", "L781", Some("VR"), 10),
    ("Messina", "F158", Some("ME"), 8),
    ("Padova", "G224", Some("PD"), 8),
    ("Trieste", "L424", Some("TS"), 6),
    ("Brescia", "B157", Some("BS"), 8),
    ("Parma", "G337", Some("PR"), 6),
    ("Taranto", "L049", Some("TA"), 6),
    ("Prato", "G999", Some("PO"), 5),
    ("Modena", "F257", Some("MO"), 6),
    ("Reggio Calabria", "H224", Some("RC"), 6),
    ("Reggio Emilia", "H223", Some("RE"), 5),
    ("Perugia", "G478", Some("PG"), 5),
    ("Livorno", "E625", Some("LI"), 4),
    ("Ravenna", "H199", Some("RA"), 4),
    ("Cagliari", "B354", Some("CA"), 5),
    ("Foggia", "D643", Some("FG"), 4),
    ("Rimini", "H294", Some("RN"), 3),
    ("Salerno", "H703", Some("SA"), 5),
    ("Ferrara", "D548", Some("FE"), 3),
    ("Sassari", "I452", Some("SS"), 3),
    ("Bergamo", "A794", Some("BG"), 6),
    ("Monza", "F704", Some("MB"), 5),
    ("Como", "C933", Some("CO"), 3),
    ("Lecce", "E506", Some("LE"), 4),
    ("Pescara", "G482", Some("PE"), 3),
    ("Trento", "L378", Some("TN"), 3),
    ("Bolzano", "A952", Some("BZ"), 3),
    ("Ancona", "A271", Some("AN"), 3),
    ("Udine", "L483", Some("UD"), 3),
    ("Romania", "Z129", None, 8),
    ("Albania", "Z100", None, 5),
    ("Marocco", "Z330", None, 4),
    ("Cina", "Z210", None, 3),
    ("Ucraina", "Z138", None, 3),
    ("India", "Z222", None, 2),
    ("Filippine", "Z216", None, 2),
    ("Perù", "Z611", None, 1),
    ("Egitto", "Z336", None, 2),
];

const STREETS: &[&str] = &[
    "Via Roma",
    "Via Garibaldi",
    "Via Mazzini",
    "Corso Italia",
    "Via Dante",
    "Via Verdi",
    "Via Cavour",
    "Corso Vittorio Emanuele II",
    "Via XX Settembre",
    "Piazza della Repubblica",
    "Via Marconi",
    "Via Matteotti",
    "Viale della Libertà",
    "Via Gramsci",
    "Via dei Mille",
    "Via San Francesco",
    "Via Manzoni",
    "Via Leopardi",
    "Via Carducci",
    "Via Pascoli",
    "Via IV Novembre",
    "Via Nazionale",
    "Via del Lavoro",
    "Via dell'Industria",
    "Via Europa",
];

/// Banks (ABI) and a few of their branches (CAB), so IBANs look like real ones.
const BANKS: &[(&str, &[&str])] = &[
    ("03069", &["09606", "01600", "11884"]),
    ("02008", &["01600", "05039", "11500"]),
    ("05034", &["11701", "01600", "12000"]),
    ("05428", &["11101", "01600"]),
    ("01030", &["02800", "14200"]),
    ("03440", &["01600", "03200"]),
    ("05696", &["01600", "11000"]),
    ("03062", &["34210"]),
];

/// One person as the generator makes them; every field is what the employee form would accept.
#[derive(Debug, Clone)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub birth_place: String,
    pub tax_code: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub iban: String,
}

/// Hands out people with distinct tax codes and e-mail addresses.
pub struct People {
    rng: Rng,
    codes: HashSet<String>,
    emails: HashSet<String>,
    domain: String,
}

/// Letters of a name for the tax code: upper case, accents dropped, letters only.
fn letters(s: &str) -> Vec<u8> {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                'à' | 'á' | 'À' => 'A',
                'è' | 'é' | 'È' | 'É' => 'E',
                'ì' | 'í' => 'I',
                'ò' | 'ó' => 'O',
                'ù' | 'ú' => 'U',
                c => c,
            };
            c.is_ascii_alphabetic()
                .then(|| c.to_ascii_uppercase() as u8)
        })
        .collect()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

fn three(consonants: Vec<u8>, vowels: Vec<u8>) -> String {
    consonants
        .into_iter()
        .chain(vowels)
        .chain(std::iter::repeat(b'X'))
        .take(3)
        .map(char::from)
        .collect()
}

fn split(s: &str) -> (Vec<u8>, Vec<u8>) {
    let l = letters(s);
    let c = l.iter().copied().filter(|&c| !is_vowel(c)).collect();
    let v = l.iter().copied().filter(|&c| is_vowel(c)).collect();
    (c, v)
}

const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// Digit positions an office replaces, right to left, when codes collide.
const OMOCODIA_ORDER: [usize; 7] = [14, 13, 12, 10, 9, 7, 6];

/// The first 15 characters of the code of this person (before any omocodia).
pub fn code_stem(first: &str, last: &str, sex: Sex, born: NaiveDate, place: &str) -> String {
    let (c, v) = split(last);
    let surname = three(c, v);
    let (mut c, v) = split(first);
    if c.len() >= 4 {
        c = vec![c[0], c[2], c[3]];
    }
    let name = three(c, v);
    let day = born.day() + if sex == Sex::F { 40 } else { 0 };
    format!(
        "{surname}{name}{:02}{}{day:02}{place}",
        born.year() % 100,
        char::from(MONTHS[born.month0() as usize])
    )
}

/// The full code: the stem with `level` omocodia substitutions, closed by its check letter.
pub fn tax_code(stem: &str, level: usize) -> String {
    let mut b = stem.as_bytes().to_vec();
    for &i in OMOCODIA_ORDER.iter().take(level) {
        b[i] = OMOCODIA[usize::from(b[i] - b'0')];
    }
    let first15 = String::from_utf8(b).expect("ASCII");
    let check = codice_fiscale::check_char(&first15).expect("15 upper-case letters and digits");
    format!("{first15}{check}")
}

fn ascii_lower(s: &str) -> String {
    letters(s)
        .into_iter()
        .map(|c| char::from(c.to_ascii_lowercase()))
        .collect()
}

impl People {
    pub fn new(rng: Rng, domain: &str) -> Self {
        Self {
            rng,
            codes: HashSet::new(),
            emails: HashSet::new(),
            domain: domain.to_owned(),
        }
    }

    /// Marks a code as taken (someone already on file).
    pub fn reserve(&mut self, code: &str) {
        self.codes.insert(code.to_owned());
    }

    /// A new person born between `born_from` and `born_until`.
    pub fn next(&mut self, born_from: NaiveDate, born_until: NaiveDate) -> Person {
        let r = &mut self.rng;
        let sex = if r.chance(0.48) { Sex::F } else { Sex::M };
        let first = if sex == Sex::F {
            *r.pick(FEMALE_NAMES)
        } else {
            *r.pick(MALE_NAMES)
        };
        let last = *r.pick(SURNAMES);
        let span = (born_until - born_from).num_days();
        let born = born_from + chrono::Duration::days(r.range(0, span));
        let weights: Vec<(u32, usize)> = PLACES.iter().enumerate().map(|(i, p)| (p.3, i)).collect();
        let (place, code, _, _) = PLACES[*r.weighted(&weights)];
        let stem = code_stem(first, last, sex, born, code);
        let tax_code = (0..=OMOCODIA_ORDER.len())
            .map(|level| tax_code(&stem, level))
            .find(|c| !self.codes.contains(c))
            .expect("fewer than eight people share every part of a code");
        self.codes.insert(tax_code.clone());

        let r = &mut self.rng;
        let base = format!("{}.{}", ascii_lower(first), ascii_lower(last));
        let mut email = format!("{base}@{}", self.domain);
        let mut n = 1;
        while self.emails.contains(&email) {
            n += 1;
            email = format!("{base}{n}@{}", self.domain);
        }
        self.emails.insert(email.clone());
        let phone = format!("+39 3{}{} {}", r.below(10), r.below(10), r.digits(7));
        let (street_place, _, province, _) = PLACES[r.below(40) as usize];
        let address = format!(
            "{} {}, {} {street_place} ({})",
            r.pick(STREETS),
            r.range(1, 180),
            r.digits(5),
            province.unwrap_or("RM")
        );
        let (abi, cabs) = r.pick(BANKS);
        let cab = *r.pick(cabs);
        let iban = iban::italian(abi, cab, &r.digits(12)).expect("well-formed parts");
        Person {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            sex,
            birth_date: born,
            birth_place: place.to_owned(),
            tax_code,
            email,
            phone,
            address,
            iban,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn codes_follow_the_official_rules() {
        let stem = code_stem("Mario", "Rossi", Sex::M, d(1980, 1, 1), "H501");
        assert_eq!(tax_code(&stem, 0), "RSSMRA80A01H501U");
        // Four consonants in the name: first, third and fourth.
        assert!(
            code_stem("Francesca", "Bianchi", Sex::F, d(1990, 6, 15), "F205")
                .starts_with("BNCFNC90H55")
        );
        for level in 0..=7 {
            let cf = tax_code(&stem, level);
            assert_eq!(codice_fiscale::normalise(&cf).as_deref(), Some(cf.as_str()));
        }
    }

    #[test]
    fn people_are_valid_distinct_and_repeatable() {
        let make = || {
            let mut p = People::new(Rng::new(7), "esempio.it");
            (0..2000)
                .map(|_| p.next(d(1960, 1, 1), d(2004, 12, 31)))
                .collect::<Vec<_>>()
        };
        let a = make();
        let codes: HashSet<_> = a.iter().map(|p| p.tax_code.clone()).collect();
        assert_eq!(codes.len(), a.len());
        for p in &a {
            assert!(
                codice_fiscale::normalise(&p.tax_code).is_some(),
                "{}",
                p.tax_code
            );
            assert!(iban::normalise(&p.iban).is_some(), "{}", p.iban);
            assert!(iban::italian_parts(&p.iban).unwrap().cin_valid);
        }
        let b = make();
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.tax_code == y.tax_code && x.email == y.email));
    }
}
