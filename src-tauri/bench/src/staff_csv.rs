//! A staff list as an Italian payroll program exports it (semicolon separated, UTF-8 with BOM,
//! dd/mm/yyyy dates), for the import benchmark.

use crate::company::{self, HEAD_JOB};
use crate::people::People;
use crate::rng::Rng;
use chrono::{Duration, NaiveDate};
use std::fmt::Write as _;
use std::path::Path;

pub const HEADER: &str = "Matricola;Cognome;Nome;Codice fiscale;Sesso;Data di nascita;\
Luogo di nascita;Email;Telefono;Indirizzo;IBAN;Reparto;Mansione;Tipo contratto;\
Data assunzione;Data fine contratto;CCNL;Livello";

fn field(out: &mut String, v: &str) {
    if v.contains([';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The rows of `n` employees (each a list of cells in [`HEADER`] order), deterministic for a seed.
pub fn rows(n: usize, seed: u64) -> Vec<Vec<String>> {
    let root = Rng::new(seed);
    let mut people = People::new(root.fork(1), "example-spa.it");
    let mut r = root.fork(2);
    let depts = company::departments();
    let weights = company::department_weights(&depts);
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("valid date");
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let p = people.next(d(1960, 1, 1), d(2005, 12, 31));
        let dept = &depts[*r.weighted(&weights)];
        let head = i < depts.len();
        let dept = if head { &depts[i] } else { dept };
        let job = if head {
            HEAD_JOB
        } else {
            *r.weighted(dept.function.jobs)
        };
        let contract = if head {
            "permanent"
        } else {
            *r.weighted(company::CONTRACTS)
        };
        let earliest = (p.birth_date + Duration::days(18 * 366)).max(d(2000, 1, 1));
        let span = (d(2026, 2, 27) - earliest).num_days().max(1);
        let hired = earliest + Duration::days(r.range(0, span));
        let end = if contract == "fixed_term" {
            date(hired + Duration::days(r.range(180, 900)))
        } else {
            String::new()
        };
        out.push(vec![
            format!("M{:06}", i + 1),
            p.last_name,
            p.first_name,
            p.tax_code,
            format!("{:?}", p.sex),
            date(p.birth_date),
            p.birth_place,
            p.email,
            p.phone,
            p.address,
            p.iban,
            dept.name.clone(),
            job.to_owned(),
            company::contract_name(contract).to_owned(),
            date(hired),
            end,
            dept.function.ccnl.to_owned(),
            company::level(&mut r, dept.function.ccnl, head),
        ]);
    }
    out
}

/// Writes `rows` under [`HEADER`] to `path`.
pub fn write(path: &Path, rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut out = String::with_capacity(rows.len() * 260);
    out.push('\u{feff}');
    out.push_str(HEADER);
    out.push_str("\r\n");
    for row in rows {
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            field(&mut out, v);
        }
        let _ = write!(out, "\r\n");
    }
    std::fs::write(path, out)
}
