//! The shape of the generated company: departments, the jobs in each, contracts, collective
//! agreements, and what each job or department requires.

use crate::rng::Rng;

/// A function of the company; operational ones exist at every site.
#[derive(Debug)]
pub struct Function {
    pub name: &'static str,
    pub code: &'static str,
    /// Share of the staff, per department of this function.
    pub weight: u32,
    /// Jobs with their share inside the department.
    pub jobs: &'static [(u32, &'static str)],
    pub ccnl: &'static str,
    /// Operational: medical fitness and specific safety training required.
    pub operational: bool,
}

pub const SITES: &[(&str, &str)] = &[
    ("Milano", "MI"),
    ("Torino", "TO"),
    ("Bologna", "BO"),
    ("Verona", "VR"),
    ("Bari", "BA"),
];

pub const OPERATIONS: &[Function] = &[
    Function {
        name: "Produzione",
        code: "PRD",
        weight: 60,
        jobs: &[
            (50, "Operaio"),
            (25, "Operaio specializzato"),
            (10, "Addetto macchine CNC"),
            (5, "Capoturno"),
        ],
        ccnl: "Metalmeccanico industria",
        operational: true,
    },
    Function {
        name: "Magazzino",
        code: "MAG",
        weight: 30,
        jobs: &[
            (50, "Magazziniere"),
            (30, "Carrellista"),
            (20, "Addetto spedizioni"),
        ],
        ccnl: "Logistica, trasporto merci e spedizione",
        operational: true,
    },
    Function {
        name: "Logistica",
        code: "LOG",
        weight: 20,
        jobs: &[
            (50, "Autista"),
            (25, "Addetto logistica"),
            (10, "Pianificatore logistico"),
        ],
        ccnl: "Logistica, trasporto merci e spedizione",
        operational: true,
    },
    Function {
        name: "Manutenzione",
        code: "MAN",
        weight: 10,
        jobs: &[(50, "Manutentore meccanico"), (40, "Manutentore elettrico")],
        ccnl: "Metalmeccanico industria",
        operational: true,
    },
    Function {
        name: "Qualità",
        code: "QUA",
        weight: 8,
        jobs: &[(50, "Tecnico qualità"), (50, "Addetto controllo qualità")],
        ccnl: "Metalmeccanico industria",
        operational: true,
    },
];

pub const CENTRAL: &[Function] = &[
    Function {
        name: "Amministrazione",
        code: "AMM",
        weight: 12,
        jobs: &[(60, "Impiegato amministrativo"), (40, "Contabile")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Acquisti",
        code: "ACQ",
        weight: 6,
        jobs: &[(50, "Buyer"), (50, "Impiegato acquisti")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Vendite Italia",
        code: "VIT",
        weight: 15,
        jobs: &[
            (50, "Addetto vendite"),
            (35, "Agente commerciale"),
            (15, "Key account"),
        ],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Vendite Estero",
        code: "VES",
        weight: 8,
        jobs: &[(60, "Export manager"), (40, "Addetto vendite")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Marketing",
        code: "MKT",
        weight: 5,
        jobs: &[(60, "Specialista marketing"), (40, "Grafico")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Risorse Umane",
        code: "HR",
        weight: 4,
        jobs: &[(50, "Addetto paghe"), (50, "HR generalist")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Sistemi Informativi",
        code: "IT",
        weight: 6,
        jobs: &[
            (50, "Sviluppatore software"),
            (30, "Sistemista"),
            (20, "Help desk"),
        ],
        ccnl: "Metalmeccanico industria",
        operational: false,
    },
    Function {
        name: "Ricerca e Sviluppo",
        code: "RES",
        weight: 8,
        jobs: &[
            (60, "Ingegnere progettista"),
            (40, "Tecnico di laboratorio"),
        ],
        ccnl: "Metalmeccanico industria",
        operational: false,
    },
    Function {
        name: "Assistenza Clienti",
        code: "ASC",
        weight: 8,
        jobs: &[(100, "Operatore customer care")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Ufficio Legale",
        code: "LEG",
        weight: 2,
        jobs: &[(100, "Legale d'impresa")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Controllo di Gestione",
        code: "CDG",
        weight: 2,
        jobs: &[(100, "Controller")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Sicurezza e Ambiente",
        code: "HSE",
        weight: 2,
        jobs: &[(60, "Addetto sicurezza"), (40, "RSPP")],
        ccnl: "Metalmeccanico industria",
        operational: false,
    },
    Function {
        name: "Facility",
        code: "FAC",
        weight: 3,
        jobs: &[(60, "Addetto servizi generali"), (40, "Receptionist")],
        ccnl: "Commercio",
        operational: false,
    },
    Function {
        name: "Direzione",
        code: "DIR",
        weight: 1,
        jobs: &[(100, "Assistente di direzione")],
        ccnl: "Dirigenti industria",
        operational: false,
    },
    Function {
        name: "Tesoreria",
        code: "TES",
        weight: 1,
        jobs: &[(100, "Tesoriere")],
        ccnl: "Commercio",
        operational: false,
    },
];

/// The job title of each department's head (every department has one).
pub const HEAD_JOB: &str = "Responsabile di reparto";

/// One department of the generated company.
#[derive(Debug, Clone)]
pub struct Dept {
    pub name: String,
    pub code: String,
    pub cost_centre: String,
    pub function: &'static Function,
}

/// Operations at every site, central functions at headquarters: 25 + 15 = 40 departments.
pub fn departments() -> Vec<Dept> {
    let mut out = Vec::new();
    for f in OPERATIONS {
        for (site, prov) in SITES {
            out.push(Dept {
                name: format!("{} {site}", f.name),
                code: format!("{}-{prov}", f.code),
                cost_centre: format!("CC{}{}", 100 + out.len(), prov),
                function: f,
            });
        }
    }
    for f in CENTRAL {
        out.push(Dept {
            name: f.name.to_owned(),
            code: f.code.to_owned(),
            cost_centre: format!("CC{}", 100 + out.len()),
            function: f,
        });
    }
    out
}

/// Contract type codes (as the app creates them) with their share of the staff.
pub const CONTRACTS: &[(u32, &str)] = &[
    (70, "permanent"),
    (12, "fixed_term"),
    (6, "apprenticeship"),
    (8, "part_time"),
    (2, "collaboration"),
    (2, "internship"),
];

/// The Italian names of the contract types, as a payroll export writes them.
pub fn contract_name(code: &str) -> &'static str {
    match code {
        "permanent" => "Tempo indeterminato",
        "fixed_term" => "Tempo determinato",
        "apprenticeship" => "Apprendistato",
        "part_time" => "Part-time",
        "collaboration" => "Collaborazione",
        _ => "Stage",
    }
}

/// A level of the collective agreement.
pub fn level(r: &mut Rng, ccnl: &str, head: bool) -> String {
    let levels: &[&str] = match ccnl {
        "Metalmeccanico industria" => &["D1", "D2", "C1", "C2", "C3", "B1", "B2", "B3", "A1"],
        "Dirigenti industria" => &["Quadro", "Dirigente"],
        _ => &["6", "5", "4", "3", "2", "1", "Quadro"],
    };
    if head {
        levels[levels.len() - 1 - r.below(2) as usize].to_owned()
    } else {
        levels[r.below(levels.len() as u64 - 1) as usize].to_owned()
    }
}

/// Departments by staff share: picks the index of a department for the next person.
pub fn department_weights(depts: &[Dept]) -> Vec<(u32, usize)> {
    depts
        .iter()
        .enumerate()
        .map(|(i, d)| (d.function.weight, i))
        .collect()
}

/// A partita IVA with a valid check digit.
pub fn vat_number(r: &mut Rng) -> String {
    let mut d: Vec<u32> = (0..10).map(|_| r.below(10) as u32).collect();
    d[0] = 1 + r.below(9) as u32;
    let sum: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 0 {
                x
            } else if x * 2 > 9 {
                x * 2 - 9
            } else {
                x * 2
            }
        })
        .sum();
    d.push((10 - sum % 10) % 10);
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forty_departments_and_valid_vat_numbers() {
        let d = departments();
        assert_eq!(d.len(), 40);
        let mut r = Rng::new(3);
        for _ in 0..100 {
            let v = vat_number(&mut r);
            assert_eq!(
                backoffice_core::domain::vat::normalise_partita_iva(&v).as_deref(),
                Some(v.as_str())
            );
        }
    }
}
